package dev.oomspec.reference.policy;

import dev.oomspec.reference.mm.MemcgStat;

/** The constants a bpf_oom_ops program uses, with the values of the kernel's headers (vmlinux.h). */
public final class Bpf {
    private Bpf() {}

    /** OOM_SCORE_ADJ_MIN (include/uapi/linux/oom.h): the task is never chosen by the kernel's OOM killer. */
    public static final int OOM_SCORE_ADJ_MIN = -1000;
    /** OOM_SCORE_ADJ_MAX. */
    public static final int OOM_SCORE_ADJ_MAX = 1000;

    /** enum bpf_cgroup_iter_order (include/uapi/linux/bpf.h). */
    public static final int BPF_CGROUP_ITER_SELF_ONLY = 1, BPF_CGROUP_ITER_DESCENDANTS_PRE = 2,
            BPF_CGROUP_ITER_DESCENDANTS_POST = 3, BPF_CGROUP_ITER_ANCESTORS_UP = 4;

    /** css_task_iter flags (include/linux/cgroup.h): CSS_TASK_ITER_PROCS walks thread-group leaders only. */
    public static final int CSS_TASK_ITER_PROCS = 1 << 0, CSS_TASK_ITER_THREADED = 1 << 1;

    /** bpf_iter_task flags (kernel/bpf/task_iter.c). */
    public static final int BPF_TASK_ITER_ALL_PROCS = 0, BPF_TASK_ITER_ALL_THREADS = 1, BPF_TASK_ITER_PROC_THREADS = 2;

    /**
     * enum node_stat_item NR_FILE_PAGES, for {@code bpf_mem_cgroup_page_state()}. The model keeps the ordering, not
     * the kernel's number (a BPF program gets it from vmlinux.h / bpf_core_enum_value()); other items read 0 in the
     * model and are unknown in a replayed event.
     */
    public static final int NR_FILE_PAGES = MemcgStat.NR_FILE_PAGES;

    /**
     * enum node_stat_item PGSCAN_KSWAPD, PGSCAN_DIRECT, PGSCAN_KHUGEPAGED, PGSCAN_PROACTIVE and enum memcg_stat_item
     * MEMCG_SWAP, in the model's numbering: valid items the model keeps no counter for (they read 0), unknown in a
     * replayed event (a report prints no per-cgroup reclaim counters).
     */
    public static final int PGSCAN_KSWAPD = 2, PGSCAN_DIRECT = 3, PGSCAN_KHUGEPAGED = 4, PGSCAN_PROACTIVE = 5,
            MEMCG_SWAP = 6;

    /** enum memcg_memory_event (include/linux/memcontrol.h), for {@code bpf_mem_cgroup_memory_events()}. */
    public static final int MEMCG_LOW = 0, MEMCG_HIGH = 1, MEMCG_MAX = 2, MEMCG_OOM = 3, MEMCG_OOM_KILL = 4,
            MEMCG_OOM_GROUP_KILL = 5;

    /** BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK (v3 09), for {@code bpf_out_of_memory()}. */
    public static final long BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK = 1L << 0;

    /** PAGE_SIZE of the model (4 KiB): the rss counters of {@link MmStruct} are in pages. */
    public static final long PAGE_SIZE = 4096;
}
