package dev.oomspec.reference.policies;

import dev.oomspec.reference.policy.Bpf;
import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.MemCgroup;
import dev.oomspec.reference.policy.MmStruct;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.TaskStruct;

/** The static helpers the policies share, each the Java twin of a small C function. */
final class Helpers {
    private Helpers() {}

    /** The selftests' mem_cgroup_killable(): no process of the cgroup has oom_score_adj OOM_SCORE_ADJ_MIN. */
    static boolean memCgroupKillable(Kfuncs bpf, MemCgroup memcg) {
        for (TaskStruct task : bpf.forEachCssTask(memcg.css(), Bpf.CSS_TASK_ITER_PROCS))
            if (task.oomScoreAdj() == Bpf.OOM_SCORE_ADJ_MIN) return false;
        return true;
    }

    /** Leaf: {@code !(cgrp->nr_descendants + cgrp->nr_dying_descendants)}. */
    static boolean isLeaf(Cgroup cgrp) {
        return cgrp.nrDescendants() + cgrp.nrDyingDescendants() == 0;
    }

    /** The OOM's scope: {@code oc->memcg} acquired, or the root memcg for a system-wide OOM (put it when done). */
    static MemCgroup scope(OomControl oc, Kfuncs bpf) {
        MemCgroup root = oc.memcg();
        return root != null ? bpf.bpfGetMemCgroup(root.css()) : bpf.bpfGetRootMemCgroup();
    }

    /**
     * A task the kernel's OOM killer could pick: has an mm, is not a kernel thread or init (oom_unkillable_task()),
     * and its oom_score_adj is not OOM_SCORE_ADJ_MIN.
     */
    static boolean eligible(TaskStruct t) {
        return t.mm() != null && !t.isKthread() && t.tgid() != 1 && t.oomScoreAdj() != Bpf.OOM_SCORE_ADJ_MIN;
    }

    /** rss + swap entries + page tables in pages: the size oom_badness() counts (before the adj term). */
    static long size(TaskStruct t) {
        MmStruct mm = t.mm();
        return mm.rss() + mm.swapEnts() + mm.pgtablesBytes() / Bpf.PAGE_SIZE;
    }

    /**
     * Kills every process of {@code memcg} but those with oom_score_adj OOM_SCORE_ADJ_MIN (what memory.oom.group's
     * oom_kill_memcg_member() spares) — stopping at an existing victim, which is already freeing memory. 1 when a
     * kill succeeded or a victim was found.
     */
    static int killMemcg(OomControl oc, Kfuncs bpf, MemCgroup memcg, String message) {
        int ret = 0;
        for (TaskStruct task : bpf.forEachCssTask(memcg.css(), Bpf.CSS_TASK_ITER_PROCS)) {
            if (task.oomScoreAdj() == Bpf.OOM_SCORE_ADJ_MIN) continue;
            TaskStruct t = bpf.bpfTaskAcquire(task);
            if (t == null) continue;
            if (bpf.bpfTaskIsOomVictim(task)) {
                bpf.bpfTaskRelease(t);
                return 1;
            }
            if (bpf.bpfOomKillProcess(oc, task, message) == 0) ret = 1;
            bpf.bpfTaskRelease(t);
        }
        return ret;
    }
}
