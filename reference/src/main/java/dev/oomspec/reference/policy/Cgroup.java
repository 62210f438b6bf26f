package dev.oomspec.reference.policy;

import dev.oomspec.reference.mm.Memcg;

/**
 * {@code struct cgroup} and its memory css ({@code struct cgroup_subsys_state}) as a program reads them; the model
 * keeps one controller, so {@code css->cgroup} and {@code &memcg->css} are the same object here. Compare with
 * {@code ==} as the C code compares pointers (one object per cgroup and handler call).
 */
public final class Cgroup {
    final Memcg memcg;
    private final Program program;

    Cgroup(Memcg memcg, Program program) { this.memcg = memcg; this.program = program; }

    /** {@code cgrp->kn->id}: the cgroup id (the root's is 1). */
    public long id() { return memcg.cgroupId(); }

    /** The cgroup's path, "/" for the root (what {@code cgroup_path()} prints). */
    public String path() { return memcg.path(); }

    /** {@code cgrp->level}: 0 for the root. */
    public int level() {
        int l = 0;
        for (Memcg m = memcg.parent(); m != null; m = m.parent()) l++;
        return l;
    }

    /** {@code cgroup_parent(cgrp)}, null for the root. */
    public Cgroup parent() { return memcg.parent() == null ? null : program.cgroup(memcg.parent()); }

    /** {@code cgrp->nr_descendants}: live cgroups below. */
    public int nrDescendants() {
        program.need(Facts.Fact.CGROUP_TREE, memcg, "read nr_descendants of " + path());
        return (int) dev.oomspec.reference.mm.Memcontrol.preOrder(memcg).stream().filter(m -> m != memcg && !m.dying()).count();
    }

    /** {@code cgrp->nr_dying_descendants}. */
    public int nrDyingDescendants() {
        program.need(Facts.Fact.CGROUP_TREE, memcg, "read nr_dying_descendants of " + path());
        return (int) dev.oomspec.reference.mm.Memcontrol.preOrder(memcg).stream().filter(m -> m != memcg && m.dying()).count();
    }

    @Override public String toString() { return "cgroup " + path(); }
}
