package dev.oomspec.reference.series.v2;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.MemcgStat;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.BpfProgType;

/**
 * mm/bpf_memcontrol.c of v2 (08–11), transcribed from v2 10/23 (Message-ID
 * 20251027231727.472628-11-roman.gushchin@linux.dev), which moves the set from STRUCT_OPS to UNSPEC.
 * bpf_get_root_mem_cgroup (v2 09) and bpf_mem_cgroup_memory_events (v2 11) were not read: flags as in v2 10's set.
 */
final class BpfMemcontrol {
    private final Boot boot;

    BpfMemcontrol(Boot boot) { this.boot = boot; }

    // mm/bpf_memcontrol.c:bpf_get_root_mem_cgroup@v2 09 [inferred from v2 10's context lines]
    Memcg bpfGetRootMemCgroup() { return boot.world().rootMemcg(); }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_usage@v2 10 — page_counter_read(): pages, though documented as bytes
    long bpfMemCgroupUsage(Memcg memcg) { return MemcgStat.pageCounterRead(memcg); }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_page_state@v2 10 — (unsigned long)-1 out of range, else bytes
    long bpfMemCgroupPageState(Memcg memcg, int idx) {
        if (idx < 0 || idx >= MemcgStat.MEMCG_NR_STAT) return -1;
        return MemcgStat.pageStateOutputBytes(memcg, idx);
    }

    // mm/bpf_memcontrol.c:bpf_memcontrol_init@v2 10 — bpf_memcontrol_kfuncs for every program type (UNSPEC)
    static void bpfMemcontrolInit(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.UNSPEC, KfuncSet.start("bpf_memcontrol_kfuncs")
                .idFlags("bpf_get_root_mem_cgroup", Kf.KF_ACQUIRE | Kf.KF_RET_NULL)
                .idFlags("bpf_get_mem_cgroup", Kf.KF_ACQUIRE | Kf.KF_RET_NULL | Kf.KF_RCU)
                .idFlags("bpf_put_mem_cgroup", Kf.KF_RELEASE)
                .idFlags("bpf_mem_cgroup_vm_events", Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_mem_cgroup_memory_events", Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_mem_cgroup_usage", Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_mem_cgroup_page_state", Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_mem_cgroup_flush_stats", Kf.KF_TRUSTED_ARGS | Kf.KF_SLEEPABLE)
                .end());
    }
}
