package dev.oomspec.reference.mm;

import dev.oomspec.reference.print.Printk;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * The oom_reaper kthread (mm/oom_kill.c queue_oom_reaper, wake_oom_reaper, oom_reap_task). Time is the
 * world's model clock: a queued victim's timer fires after the profile's OOM_REAPER_DELAY; the reaper then
 * works LIFO, up to MAX_OOM_REAP_RETRIES attempts, and sets MMF_OOM_SKIP in every case.
 */
public final class OomReaper {
    public static final int MAX_OOM_REAP_RETRIES = 10;

    private record Timer(Task task, long dueMs) {}

    private final World world;
    private final List<Timer> timers = new ArrayList<>();
    private final Deque<Task> list = new ArrayDeque<>(); // oom_reaper_list, pushed at the head

    OomReaper(World world) { this.world = world; }

    /** queue_oom_reaper(): once per mm (MMF_OOM_REAP_QUEUED), timer of OOM_REAPER_DELAY. */
    void queueOomReaper(Task tsk) {
        Mm mm = tsk.signal.oomMm != null ? tsk.signal.oomMm : tsk.mm;
        if (mm == null || mm.reapQueued) return;
        mm.reapQueued = true;
        timers.add(new Timer(tsk, world.nowMs() + world.profile().reaperDelayMs()));
        if (world.profile().reaperDelayMs() == 0) run();
    }

    /** Fires due timers (wake_oom_reaper) and reaps everything on the list. */
    void run() {
        List<Timer> due = new ArrayList<>();
        for (Timer t : timers) if (t.dueMs <= world.nowMs()) due.add(t);
        timers.removeAll(due);
        for (Timer t : due) {
            Mm mm = t.task.signal.oomMm;
            if (mm == null || mm.oomSkip) continue; // victim exited meanwhile: dropped silently
            list.push(t.task);
            if (world.profile().reaperTracepoints()) world.kmsg().trace("wake_reaper", "pid=" + t.task.pid);
        }
        while (!list.isEmpty()) oomReapTask(list.pop());
    }

    /** Victims whose timer has not fired yet. */
    public List<Task> pending() { return timers.stream().map(Timer::task).toList(); }

    private void oomReapTask(Task tsk) {
        Mm mm = tsk.signal.oomMm;
        boolean tp = world.profile().reaperTracepoints();
        int attempts = 0;
        boolean done = false;
        while (attempts++ < MAX_OOM_REAP_RETRIES) {
            if (mm.oomSkip) { // already reaped/exited counts as success
                if (tp) world.kmsg().trace("skip_task_reaping", "pid=" + tsk.pid);
                done = true; break;
            }
            if (mm.failingReapAttempts > 0) { // mmap_read_trylock failed; sleep HZ/10 and retry
                mm.failingReapAttempts--;
                if (tp) world.kmsg().trace("skip_task_reaping", "pid=" + tsk.pid);
                continue;
            }
            if (tp) world.kmsg().trace("start_task_reaping", "pid=" + tsk.pid);
            mm.unstable = true;
            // __oom_reap_task_mm: anonymous and private VMAs unmapped; shared (shmem) pages stay — model:
            // anon and file rss drop to 0, shmem unchanged
            mm.anonRss = 0;
            mm.fileRss = 0;
            if (tp) world.kmsg().trace("finish_task_reaping", "pid=" + tsk.pid);
            world.kmsg().printk("I", Printk.reaped(tsk, mm));
            done = true;
            break;
        }
        if (!done) world.kmsg().printk("I", Printk.unableToReap(tsk));
        mm.oomSkip = true; // MMF_OOM_SKIP either way
    }
}
