package dev.oomspec.reference.mm;

/** enum oom_constraint (include/linux/oom.h); CONSTRAINT_BPF exists only in series v1 07 / v2 14. */
public enum Constraint {
    CONSTRAINT_NONE, CONSTRAINT_CPUSET, CONSTRAINT_MEMORY_POLICY, CONSTRAINT_MEMCG, CONSTRAINT_BPF
}
