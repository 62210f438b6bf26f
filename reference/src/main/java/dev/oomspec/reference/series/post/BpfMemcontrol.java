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

    // mm/bpf_memcontrol.c:bpf_get_mem_cgroup@0e50148e — mem_cgroup_disabled() is false and the model's css is the
    // memory controller's own, so css_tryget(css) decides; it fails only once the css refcount dropped to zero, which
    // the model never reaches (a dying memcg still has its css)
    Memcg bpfGetMemCgroup(Memcg css) { return css; }

    // mm/bpf_memcontrol.c:bpf_put_mem_cgroup@0e50148e — css_put(): the model keeps no css refcount
    void bpfPutMemCgroup(Memcg memcg) { }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_vm_events@0e50148e — (unsigned long)-1 for an invalid item; the model keeps no
    // per-memcg vm event counters, so a valid item reads 0 (validity taken as for page-state items [simplified])
    long bpfMemCgroupVmEvents(Memcg memcg, int event) {
        if (event < 0 || event >= MemcgStat.MEMCG_NR_STAT) return -1; // !memcg_vm_event_item_valid(event)
        return 0;
    }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_usage@0e50148e — bytes
    long bpfMemCgroupUsage(Memcg memcg) { return MemcgStat.pageCounterRead(memcg) * OomKill.PAGE_SIZE; }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_page_state@0e50148e — (unsigned long)-1 for an invalid item, else bytes
    long bpfMemCgroupPageState(Memcg memcg, int idx) {
        if (idx < 0 || idx >= MemcgStat.MEMCG_NR_STAT) return -1; // !memcg_stat_item_valid(idx)
        return MemcgStat.pageStateOutputBytes(memcg, idx);
    }

    /** MEMCG_NR_MEMORY_EVENTS as the model's enum memcg_memory_event has it (LOW … OOM_GROUP_KILL). */
    static final int MEMCG_NR_MEMORY_EVENTS = Memcg.Event.values().length;

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_memory_events@0e50148e — memcg->memory_events[event] (memory.events, hierarchical)
    long bpfMemCgroupMemoryEvents(Memcg memcg, int event) {
        if (event < 0 || event >= MEMCG_NR_MEMORY_EVENTS) return -1; // event >= MEMCG_NR_MEMORY_EVENTS (unsigned)
        return memcg.events(Memcg.Event.values()[event]);
    }

    // mm/bpf_memcontrol.c:bpf_mem_cgroup_flush_stats@0e50148e — mem_cgroup_flush_stats(): the model's stats are exact
    void bpfMemCgroupFlushStats(Memcg memcg) { }

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
