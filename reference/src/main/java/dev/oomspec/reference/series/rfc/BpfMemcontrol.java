package dev.oomspec.reference.series.rfc;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.MemcgStat;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.BpfProgType;

/**
 * mm/bpf_memcontrol.c of the RFC, transcribed from RFC 05/12 (Message-ID
 * 20250428033617.3797686-6-roman.gushchin@linux.dev); bpf_get_root_mem_cgroup() of RFC 06/12 was not read
 * [inferred: KF_ACQUIRE | KF_RET_NULL in the same set].
 */
final class BpfMemcontrol {
    private final Boot boot;

    BpfMemcontrol(Boot boot) { this.boot = boot; }

    // mm/bpf_memcontrol.c:bpf_get_root_mem_cgroup@RFC 06 [inferred]
    Memcg bpfGetRootMemCgroup() { return boot.world().rootMemcg(); }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_usage@RFC 05 — mem_cgroup_usage(memcg, swap): pages
    long bpfMemCgroupUsage(Memcg memcg) { return MemcgStat.pageCounterRead(memcg); }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_page_state@RFC 05 — memcg_page_state(): pages; -1 out of range
    long bpfMemCgroupPageState(Memcg memcg, int idx) {
        if (idx < 0 || idx >= MemcgStat.MEMCG_NR_STAT) return -1;
        return MemcgStat.pageStateOutputBytes(memcg, idx) / OomKill.PAGE_SIZE;
    }

    // mm/bpf_memcontrol.c:bpf_memcontrol_init@RFC 05 — TRACING hook
    static void bpfMemcontrolInit(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.TRACING, KfuncSet.start("bpf_memcontrol_kfuncs")
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
