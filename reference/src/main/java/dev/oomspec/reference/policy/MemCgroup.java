package dev.oomspec.reference.policy;

import dev.oomspec.reference.mm.Memcg;

/** {@code struct mem_cgroup} as a program holds it (from {@code oc->memcg}, or acquired with a get kfunc). */
public final class MemCgroup {
    final Memcg memcg;
    private final Program program;

    MemCgroup(Memcg memcg, Program program) { this.memcg = memcg; this.program = program; }

    /** {@code &memcg->css} (and its cgroup). */
    public Cgroup css() { return program.cgroup(memcg); }

    /** {@code memcg->oom_group}: memory.oom.group. */
    public boolean oomGroup() {
        program.need(Facts.Fact.OOM_GROUP, memcg, "read memory.oom.group of " + memcg.path());
        return memcg.oomGroup();
    }

    @Override public String toString() { return "memcg " + memcg.path(); }
}
