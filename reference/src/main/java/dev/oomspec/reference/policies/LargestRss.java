package dev.oomspec.reference.policies;

import dev.oomspec.reference.policy.Bpf;
import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.MemCgroup;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.TaskStruct;

/**
 * "largest-rss": kill the eligible process that holds the most memory in the OOM's scope, ignoring
 * {@code oom_score_adj} except that OOM_SCORE_ADJ_MIN processes, kernel threads, init and processes without an mm are
 * never chosen, nor a process that already is an OOM victim. Size = rss + swap entries + page tables (in pages: what
 * {@code oom_badness()} counts before it adds the adj term). Scope: for a memcg OOM the processes of every cgroup
 * below the OOMing memcg (css iteration, pre-order, then each cgroup's processes — the order
 * {@code mem_cgroup_scan_tasks()} uses); for a system-wide OOM every process (the task iterator). Ties go to the
 * last process in that order, as {@code oom_evaluate_task()} breaks them since 5.3. Declines (returns 0) when
 * nothing is eligible or the kill is refused, so the kernel's killer runs.
 */
public final class LargestRss implements OomPolicy {
    private TaskStruct best;
    private long bestSize;

    @Override public String name() { return "largest_rss"; }

    private void consider(Kfuncs bpf, TaskStruct task) {
        if (!Helpers.eligible(task)) return;
        long size = Helpers.size(task);
        if (best != null && size < bestSize) return;
        if (bpf.bpfTaskIsOomVictim(task)) return;
        if (best != null) bpf.bpfTaskRelease(best);
        best = bpf.bpfTaskAcquire(task);
        bestSize = size;
    }

    @Override public int handleOutOfMemory(OomControl oc, Cgroup attached, Kfuncs bpf) {
        best = null;
        bestSize = 0;
        bpf.bpfRcuReadLock();
        MemCgroup memcg = oc.memcg();
        if (memcg != null) {
            for (Cgroup css : bpf.forEachCss(memcg.css(), Bpf.BPF_CGROUP_ITER_DESCENDANTS_PRE))
                for (TaskStruct task : bpf.forEachCssTask(css, Bpf.CSS_TASK_ITER_PROCS)) consider(bpf, task);
        } else {
            for (TaskStruct task : bpf.forEachTask(null, Bpf.BPF_TASK_ITER_ALL_PROCS)) consider(bpf, task);
        }
        bpf.bpfRcuReadUnlock();
        if (best == null) return 0;
        int err = bpf.bpfOomKillProcess(oc, best, "largest-rss");
        bpf.bpfTaskRelease(best);
        return err == 0 ? 1 : 0;
    }
}
