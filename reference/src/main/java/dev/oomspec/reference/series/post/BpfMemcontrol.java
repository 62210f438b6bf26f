package dev.oomspec.reference.series.post;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.MemcgStat;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.BpfProgType;

/**
 * mm/bpf_memcontrol.c as merged for 7.0 (split out of the series; v3 and post use it), transcribed from
 * teawater/linux 0e50148e8bfb (7.0 kfuncs, plus Hui Zhu's unrelated memcg_bpf_ops, not modelled).
 */
final class BpfMemcontrol {
    private final Boot boot;

    BpfMemcontrol(Boot boot) { this.boot = boot; }

    // mm/bpf_memcontrol.c:bpf_get_root_mem_cgroup@0e50148e
    Memcg bpfGetRootMemCgroup() { return boot.world().rootMemcg(); }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_usage@0e50148e — bytes
    long bpfMemCgroupUsage(Memcg memcg) { return MemcgStat.pageCounterRead(memcg) * OomKill.PAGE_SIZE; }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_page_state@0e50148e — (unsigned long)-1 for an invalid item, else bytes
    long bpfMemCgroupPageState(Memcg memcg, int idx) {
        if (idx < 0 || idx >= MemcgStat.MEMCG_NR_STAT) return -1; // !memcg_stat_item_valid(idx)
        return MemcgStat.pageStateOutputBytes(memcg, idx);
    }

    // mm/bpf_memcontrol.c:bpf_memcontrol_init@0e50148e — bpf_memcontrol_kfuncs for every program type (UNSPEC)
    static void bpfMemcontrolInit(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.UNSPEC, KfuncSet.start("bpf_memcontrol_kfuncs")
                .idFlags("bpf_get_root_mem_cgroup", Kf.KF_ACQUIRE | Kf.KF_RET_NULL)
                .idFlags("bpf_get_mem_cgroup", Kf.KF_ACQUIRE | Kf.KF_RET_NULL | Kf.KF_RCU)
                .idFlags("bpf_put_mem_cgroup", Kf.KF_RELEASE)
                .idFlags("bpf_mem_cgroup_vm_events", 0)
                .idFlags("bpf_mem_cgroup_memory_events", 0)
                .idFlags("bpf_mem_cgroup_usage", 0)
                .idFlags("bpf_mem_cgroup_page_state", 0)
                .idFlags("bpf_mem_cgroup_flush_stats", Kf.KF_SLEEPABLE)
                .end());
    }
}
