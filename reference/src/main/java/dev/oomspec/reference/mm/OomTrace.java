package dev.oomspec.reference.mm;

/**
 * Observer of the OOM path in the style of the kernel's trace_* calls (include/trace/events/oom.h: mark_victim,
 * oom_score_adj_update, wake_reaper, start/finish/skip_task_reaping, ...) plus model probes at points where the
 * kernel has no tracepoint (each task oom_evaluate_task() looks at, the exit path of out_of_memory(), the series'
 * handler calls and kfunc results). Every method has an empty default; observers implement what they need.
 */
public interface OomTrace {
    /** Where out_of_memory() returned (model probe). */
    enum Exit {
        OOM_KILLER_DISABLED, NOTIFIER_FREED, CURRENT_EXITING, NOFS_BAILOUT, PANIC_ON_OOM, ALLOCATING_TASK,
        BPF_HANDLED, ABORTED_EXISTING_VICTIM, KILLED, NO_KILLABLE_PROCESS
    }

    /** trace_oom_score_adj_update(task) — fs/proc/base.c __set_oom_adj(). */
    default void oomScoreAdjUpdate(Task task) {}
    /** trace_mark_victim(tsk, uid) — mark_oom_victim(). */
    default void markVictim(Task task) {}
    /** trace_wake_reaper(pid). */
    default void wakeReaper(Task task) {}
    /** trace_start_task_reaping(pid). */
    default void startTaskReaping(Task task) {}
    /** trace_finish_task_reaping(pid). */
    default void finishTaskReaping(Task task) {}
    /** trace_skip_task_reaping(pid). */
    default void skipTaskReaping(Task task) {}

    /** Model probe: oom_evaluate_task() looked at {@code task}; {@code verdict} says what it decided. */
    default void evaluateTask(OomControl oc, Task task, long points, String verdict) {}
    /** Model probe: select_bad_process() was entered (the kernel killer runs). */
    default void selectBadProcess(OomControl oc) {}
    /** Model probe: __oom_kill_process() sent SIGKILL to {@code victim}'s thread group. */
    default void killProcess(OomControl oc, Task victim, String message) {}
    /** Model probe: panic() with this message. */
    default void panic(OomControl oc, String message) {}
    /** Model probe: out_of_memory() returns {@code ret} through {@code exit}. */
    default void outOfMemoryReturn(OomControl oc, Exit exit, boolean ret) {}

    /** Series probe: one BPF OOM handler call of bpf_handle_oom(). */
    default void bpfOomHandler(OomControl oc, String name, String attachedAt, int ret, boolean memoryFreed) {}
    /** Series probe: bpf_handle_oom() returned. */
    default void bpfHandleOom(OomControl oc, boolean handled) {}
    /** Series probe: a kfunc called by a BPF program returned {@code ret}. */
    default void bpfKfunc(String kfunc, String args, long ret) {}
}
