package dev.oomspec.reference.bpf;

/** The kfuncs the filter matrix talks about (bpf-oom-series.md §3, §5). */
public enum Kfunc {
    BPF_OOM_KILL_PROCESS(true), BPF_OUT_OF_MEMORY(true), BPF_TASK_IS_OOM_VICTIM(false),
    BPF_PSI_CREATE_TRIGGER(false),
    /** bpf_get_mem_cgroup, bpf_put_mem_cgroup, bpf_get_root_mem_cgroup, bpf_mem_cgroup_* (non-sleepable ones). */
    MEMCG_KFUNC(false),
    /** bpf_mem_cgroup_flush_stats() from v2 on (KF_SLEEPABLE); otherwise registered like {@link #MEMCG_KFUNC}. */
    MEMCG_SLEEPABLE_KFUNC(true),
    /** Any other vmlinux kfunc registered for the STRUCT_OPS hook (e.g. sched_ext's). */
    OTHER_STRUCT_OPS_KFUNC(false);

    private final boolean sleepable;

    Kfunc(boolean sleepable) { this.sleepable = sleepable; }

    /** One of the memcg kfuncs (mm/bpf_memcontrol.c). */
    public boolean memcg() { return this == MEMCG_KFUNC || this == MEMCG_SLEEPABLE_KFUNC; }

    /** KF_SLEEPABLE in every revision that has it. */
    public boolean sleepable() { return sleepable; }
}
