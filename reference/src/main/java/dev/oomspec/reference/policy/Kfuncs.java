package dev.oomspec.reference.policy;

/**
 * What a bpf_oom_ops program may call, as one revision offers it. Every call is the revision's transcribed code:
 * the verifier's verdict for a sleepable bpf_oom_ops program first (a call the verifier refuses means the program
 * never loads: the handler stops and the replay says so), then the kfunc's own checks, errnos and side effects.
 * Mainline kfuncs the series relies on (RCU read lock, task references, open-coded iterators) are transcribed from
 * mainline {@code kernel/bpf}. References taken with an acquire kfunc must be released before the handler returns,
 * and an iterator over cgroups or all tasks must run inside {@link #bpfRcuReadLock()}, as the verifier demands.
 */
public interface Kfuncs {
    /** The revision whose code answers. */
    Revision revision();

    // ---- the series: mm/oom_kill.c ----

    /** {@code int bpf_oom_kill_process(struct oom_control *oc, struct task_struct *task, const char *message__str)}. */
    int bpfOomKillProcess(OomControl oc, TaskStruct task, String message);

    /** {@code bool bpf_task_is_oom_victim(struct task_struct *task)}. */
    boolean bpfTaskIsOomVictim(TaskStruct task);

    /**
     * {@code int bpf_out_of_memory(struct mem_cgroup *memcg__nullable, int order, u64 flags)}: filtered out for
     * bpf_oom_ops programs from v3 on, so a policy that calls it does not load.
     */
    int bpfOutOfMemory(MemCgroup memcgOrNull, int order, long flags);

    // ---- mm/bpf_memcontrol.c (merged for 7.0) ----

    /** {@code struct mem_cgroup *bpf_get_root_mem_cgroup(void)} (KF_ACQUIRE | KF_RET_NULL): release with put. */
    MemCgroup bpfGetRootMemCgroup();

    /** {@code struct mem_cgroup *bpf_get_mem_cgroup(struct cgroup_subsys_state *css)} (KF_ACQUIRE | KF_RET_NULL). */
    MemCgroup bpfGetMemCgroup(Cgroup css);

    /** {@code void bpf_put_mem_cgroup(struct mem_cgroup *memcg)} (KF_RELEASE). */
    void bpfPutMemCgroup(MemCgroup memcg);

    /** {@code unsigned long bpf_mem_cgroup_usage(struct mem_cgroup *memcg)}: bytes. */
    long bpfMemCgroupUsage(MemCgroup memcg);

    /** {@code unsigned long bpf_mem_cgroup_page_state(struct mem_cgroup *memcg, int idx)}: bytes, -1 for a bad idx. */
    long bpfMemCgroupPageState(MemCgroup memcg, int idx);

    /** {@code unsigned long bpf_mem_cgroup_memory_events(struct mem_cgroup *memcg, enum memcg_memory_event event)}. */
    long bpfMemCgroupMemoryEvents(MemCgroup memcg, int event);

    /** {@code unsigned long bpf_mem_cgroup_vm_events(struct mem_cgroup *memcg, enum vm_event_item event)}. */
    long bpfMemCgroupVmEvents(MemCgroup memcg, int event);

    /** {@code void bpf_mem_cgroup_flush_stats(struct mem_cgroup *memcg)} (KF_SLEEPABLE). */
    void bpfMemCgroupFlushStats(MemCgroup memcg);

    // ---- mainline kernel/bpf ----

    /** {@code void bpf_rcu_read_lock(void)}. */
    void bpfRcuReadLock();

    /** {@code void bpf_rcu_read_unlock(void)}. */
    void bpfRcuReadUnlock();

    /** {@code struct task_struct *bpf_task_acquire(struct task_struct *p)} (KF_ACQUIRE | KF_RET_NULL). */
    TaskStruct bpfTaskAcquire(TaskStruct p);

    /** {@code void bpf_task_release(struct task_struct *p)} (KF_RELEASE). */
    void bpfTaskRelease(TaskStruct p);

    /** {@code long bpf_task_under_cgroup(struct task_struct *task, struct cgroup *ancestor)}: 1 or 0. */
    boolean bpfTaskUnderCgroup(TaskStruct task, Cgroup ancestor);

    /**
     * {@code bpf_for_each(css, pos, start, flags)}: {@code bpf_iter_css_new/next/destroy}. {@code flags} is one of
     * {@link Bpf#BPF_CGROUP_ITER_DESCENDANTS_PRE}, {@code _POST}, {@code _ANCESTORS_UP}; any other value makes
     * {@code bpf_iter_css_new()} return -EINVAL and the loop body never runs.
     */
    Iterable<Cgroup> forEachCss(Cgroup start, int flags);

    /**
     * {@code bpf_for_each(css_task, task, css, flags)}: {@code bpf_iter_css_task_new/next/destroy}; flags 0,
     * {@link Bpf#CSS_TASK_ITER_PROCS} or PROCS | THREADED, else -EINVAL and no task.
     */
    Iterable<TaskStruct> forEachCssTask(Cgroup css, int flags);

    /**
     * {@code bpf_for_each(task, pos, task__nullable, flags)}: {@code bpf_iter_task_new/next/destroy}, walking
     * {@code init_task.tasks} — every process in the order it was created (the kernel yields init_task, pid 0, first;
     * the model's world has no pid 0 and starts at the first process). PROC_THREADS needs a task (-EINVAL).
     */
    Iterable<TaskStruct> forEachTask(TaskStruct taskOrNull, int flags);
}
