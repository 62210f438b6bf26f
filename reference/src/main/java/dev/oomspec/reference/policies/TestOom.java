package dev.oomspec.reference.policies;

import dev.oomspec.reference.policy.Bpf;
import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.MemCgroup;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.TaskStruct;

/**
 * The series' selftest policy "bpf_test_policy" — the Java twin of {@code test_out_of_memory()} in
 * tools/testing/selftests/bpf/progs/test_oom.c of the post-v3 tree (rgushchin/linux 1d084c08), statement by
 * statement: decline when the OOMing memcg is the cgroup this instance is attached to (v3 compares with
 * {@code st_link->cgroup}, post-v3 with {@code cgrp}; the v3 form as quoted by its author, Message-ID
 * 878qdx6yut.fsf@linux.dev); otherwise, among the leaf cgroups below the OOMing memcg (the root for a system-wide
 * OOM), take the largest usage − NR_FILE_PAGES that holds no OOM_SCORE_ADJ_MIN process, and kill every process in
 * it with "bpf oom test" — stopping at a process that already is an OOM victim.
 */
public final class TestOom implements OomPolicy {
    @Override public String name() { return "bpf_test_policy"; }

    @Override public int handleOutOfMemory(OomControl oc, Cgroup cgrp, Kfuncs bpf) {
        MemCgroup rootMemcg = Helpers.scope(oc, bpf);
        MemCgroup victim = null;
        long maxUsage = 0;
        int ret = 0;
        if (rootMemcg == null) return 0;
        Cgroup css = rootMemcg.css();
        if (css == cgrp) {
            bpf.bpfPutMemCgroup(rootMemcg);
            return 0;
        }
        bpf.bpfRcuReadLock();
        for (Cgroup cssPos : bpf.forEachCss(rootMemcg.css(), Bpf.BPF_CGROUP_ITER_DESCENDANTS_POST)) {
            if (!Helpers.isLeaf(cssPos)) continue;
            MemCgroup memcg = bpf.bpfGetMemCgroup(cssPos);
            if (memcg == null) continue;
            long usage = bpf.bpfMemCgroupUsage(memcg);
            long pagecache = bpf.bpfMemCgroupPageState(memcg, Bpf.NR_FILE_PAGES);
            usage = Long.compareUnsigned(usage, pagecache) > 0 ? usage - pagecache : 0;
            if (Long.compareUnsigned(usage, maxUsage) > 0 && Helpers.memCgroupKillable(bpf, memcg)) {
                maxUsage = usage;
                if (victim != null) bpf.bpfPutMemCgroup(victim);
                victim = bpf.bpfGetMemCgroup(memcg.css());
            }
            bpf.bpfPutMemCgroup(memcg);
        }
        bpf.bpfRcuReadUnlock();
        if (victim != null) {
            for (TaskStruct task : bpf.forEachCssTask(victim.css(), Bpf.CSS_TASK_ITER_PROCS)) {
                TaskStruct t = bpf.bpfTaskAcquire(task);
                if (t != null) {
                    // If the task is already an OOM victim, it will quit soon and release some memory.
                    if (bpf.bpfTaskIsOomVictim(task)) {
                        bpf.bpfTaskRelease(t);
                        ret = 1;
                        break;
                    }
                    bpf.bpfOomKillProcess(oc, task, "bpf oom test");
                    bpf.bpfTaskRelease(t);
                    ret = 1;
                }
            }
            bpf.bpfPutMemCgroup(victim);
        }
        bpf.bpfPutMemCgroup(rootMemcg);
        return ret;
    }
}
