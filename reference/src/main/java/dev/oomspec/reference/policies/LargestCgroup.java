package dev.oomspec.reference.policies;

import dev.oomspec.reference.policy.Bpf;
import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.MemCgroup;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.OomPolicy;

/**
 * "largest-cgroup": kill the whole largest leaf cgroup in the OOM's scope, with memory.oom.group semantics — every
 * process of it except those with oom_score_adj OOM_SCORE_ADJ_MIN (which {@code oom_kill_memcg_member()} spares too).
 * Largest = {@code bpf_mem_cgroup_usage()} (memory.current, page cache included); a leaf with no killable process is
 * passed over; ties go to the first leaf in post-order. Stops at a process that already is an OOM victim.
 */
public final class LargestCgroup implements OomPolicy {
    @Override public String name() { return "largest_cgroup"; }

    @Override public int handleOutOfMemory(OomControl oc, Cgroup attached, Kfuncs bpf) {
        MemCgroup scope = Helpers.scope(oc, bpf);
        if (scope == null) return 0;
        MemCgroup victim = null;
        long maxUsage = 0;
        bpf.bpfRcuReadLock();
        for (Cgroup css : bpf.forEachCss(scope.css(), Bpf.BPF_CGROUP_ITER_DESCENDANTS_POST)) {
            if (!Helpers.isLeaf(css)) continue;
            MemCgroup memcg = bpf.bpfGetMemCgroup(css);
            if (memcg == null) continue;
            long usage = bpf.bpfMemCgroupUsage(memcg);
            if (Long.compareUnsigned(usage, maxUsage) > 0 && hasKillable(bpf, memcg)) {
                maxUsage = usage;
                if (victim != null) bpf.bpfPutMemCgroup(victim);
                victim = bpf.bpfGetMemCgroup(css);
            }
            bpf.bpfPutMemCgroup(memcg);
        }
        bpf.bpfRcuReadUnlock();
        int ret = 0;
        if (victim != null) {
            ret = Helpers.killMemcg(oc, bpf, victim, "largest-cgroup");
            bpf.bpfPutMemCgroup(victim);
        }
        bpf.bpfPutMemCgroup(scope);
        return ret;
    }

    static boolean hasKillable(Kfuncs bpf, MemCgroup memcg) {
        for (var task : bpf.forEachCssTask(memcg.css(), Bpf.CSS_TASK_ITER_PROCS))
            if (Helpers.eligible(task)) return true;
        return false;
    }
}
