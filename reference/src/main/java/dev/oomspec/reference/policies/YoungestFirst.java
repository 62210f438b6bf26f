package dev.oomspec.reference.policies;

import dev.oomspec.reference.policy.Bpf;
import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.MemCgroup;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.TaskStruct;

/**
 * "youngest-first": kill the most recently created eligible process in the OOM's scope (eligible as for
 * {@link LargestRss}). The task iterator walks {@code init_task.tasks}, to which {@code copy_process()} appends each new
 * process, so the last eligible process of the walk is the youngest — the order {@code task->start_time} gives. For a
 * memcg OOM the walk keeps the processes under the OOMing memcg ({@code bpf_task_under_cgroup()}).
 *
 * <p>On replayed reports: a system-wide OOM's task table is printed by {@code for_each_process()}, i.e. in that same
 * creation order, so the answer is known; a memcg OOM's table is printed cgroup by cgroup in css_set order (when each
 * task joined the cgroup, not when it was born) and leaves out every other process, so it is undecidable. No pid is
 * taken as a proxy for age: pids wrap.
 */
public final class YoungestFirst implements OomPolicy {
    @Override public String name() { return "youngest_first"; }

    @Override public int handleOutOfMemory(OomControl oc, Cgroup attached, Kfuncs bpf) {
        TaskStruct youngest = null;
        MemCgroup memcg = oc.memcg();
        bpf.bpfRcuReadLock();
        for (TaskStruct task : bpf.forEachTask(null, Bpf.BPF_TASK_ITER_ALL_PROCS)) {
            if (!Helpers.eligible(task)) continue;
            if (memcg != null && !bpf.bpfTaskUnderCgroup(task, memcg.css())) continue;
            if (bpf.bpfTaskIsOomVictim(task)) continue;
            if (youngest != null) bpf.bpfTaskRelease(youngest);
            youngest = bpf.bpfTaskAcquire(task);
        }
        bpf.bpfRcuReadUnlock();
        if (youngest == null) return 0;
        int err = bpf.bpfOomKillProcess(oc, youngest, "youngest-first");
        bpf.bpfTaskRelease(youngest);
        return err == 0 ? 1 : 0;
    }
}
