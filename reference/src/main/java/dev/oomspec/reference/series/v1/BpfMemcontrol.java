package dev.oomspec.reference.series.v1;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.MemcgStat;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.BpfProgType;

/**
 * mm/bpf_memcontrol.c of v1 (04/14, 05/14 — not read) [inferred]: the kfuncs and flags of RFC 05/12 (Message-ID
 * 20250428033617.3797686-6-roman.gushchin@linux.dev), registered for the STRUCT_OPS hook as v2 08 registers them
 * (v2 10's diff shows STRUCT_OPS as the registration it replaces).
 */
final class BpfMemcontrol {
    private final Boot boot;

    BpfMemcontrol(Boot boot) { this.boot = boot; }

    // mm/bpf_memcontrol.c:bpf_get_root_mem_cgroup@v1 05 [inferred]
    Memcg bpfGetRootMemCgroup() { return boot.world().rootMemcg(); }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_usage@v1 04 [inferred from RFC 05: mem_cgroup_usage(memcg, swap), pages]
    long bpfMemCgroupUsage(Memcg memcg) { return MemcgStat.pageCounterRead(memcg); }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_page_state@v1 04 [inferred from RFC 05: memcg_page_state(), pages]
    long bpfMemCgroupPageState(Memcg memcg, int idx) {
        if (idx < 0 || idx >= MemcgStat.MEMCG_NR_STAT) return -1;
        return MemcgStat.pageStateOutputBytes(memcg, idx) / dev.oomspec.reference.mm.OomKill.PAGE_SIZE;
    }

    // mm/bpf_memcontrol.c:bpf_memcontrol_init@v1 04 [inferred] — STRUCT_OPS hook
    static void bpfMemcontrolInit(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.STRUCT_OPS, KfuncSet.start("bpf_memcontrol_kfuncs")
                .idFlags("bpf_get_mem_cgroup", Kf.KF_ACQUIRE | Kf.KF_RET_NULL)
                .idFlags("bpf_put_mem_cgroup", Kf.KF_RELEASE)
                .idFlags("bpf_get_root_mem_cgroup", Kf.KF_ACQUIRE | Kf.KF_RET_NULL)
                .idFlags("bpf_mem_cgroup_events", Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_mem_cgroup_usage", Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_mem_cgroup_page_state", Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_mem_cgroup_flush_stats", Kf.KF_TRUSTED_ARGS)
                .end());
    }
}
