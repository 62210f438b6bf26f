package dev.oomspec.reference.mm;

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
    /** schedule_timeout_idle(HZ/10) after a failed attempt. */
    public static final long RETRY_SLEEP_MS = 100;
    private final List<Long> attemptTimes = new ArrayList<>();
    private Task reaping;           // the task oom_reap_task() is working on
    private int attempts;
    private long nextAttemptMs, freeAtMs;

    OomReaper(World world) { this.world = world; }

    /** queue_oom_reaper(): once per mm (MMF_OOM_REAP_QUEUED), timer of OOM_REAPER_DELAY. */
    void queueOomReaper(Task tsk) {
        Mm mm = tsk.signal.oomMm != null ? tsk.signal.oomMm : tsk.mm;
        if (mm == null || mm.reapQueued) return;
        mm.reapQueued = true;
        timers.add(new Timer(tsk, world.nowMs() + world.profile().reaperDelayMs()));
        if (world.profile().reaperDelayMs() == 0) run();
    }

    /** Fires due timers (wake_oom_reaper) and lets the reaper work up to the model clock, in time order. */
    void run() {
        long now = world.nowMs();
        while (true) {
            long tTimer = Long.MAX_VALUE;
            for (Timer t : timers) tTimer = Math.min(tTimer, t.dueMs);
            long tAttempt = reaping != null ? nextAttemptMs : !list.isEmpty() ? freeAtMs : Long.MAX_VALUE;
            long at = Math.min(tTimer, tAttempt);
            if (at > now) return;
            if (tTimer <= tAttempt) { fire(tTimer); continue; }
            if (reaping == null) { reaping = list.pop(); attempts = 0; }
            attempt(at);
        }
    }

    private void fire(long at) {
        List<Timer> due = new ArrayList<>();
        for (Timer t : timers) if (t.dueMs == at) due.add(t);
        timers.removeAll(due);
        for (Timer t : due) {
            Mm mm = t.task.signal.oomMm;
            if (mm == null || mm.oomSkip) continue; // victim exited meanwhile: dropped silently
            list.push(t.task);
            if (reaping == null) freeAtMs = Math.max(freeAtMs, at);
            world.trace().wakeReaper(t.task);
        }
    }

    /** Victims whose timer has not fired yet. */
    public List<Task> pending() { return timers.stream().map(Timer::task).toList(); }

    /** Model time of every reap attempt so far (oom_reap_task_mm calls), oldest first. */
    public List<Long> attemptTimesMs() { return List.copyOf(attemptTimes); }

    /**
     * One oom_reap_task_mm() call of oom_reap_task(): on failure the reaper sleeps HZ/10 (100 ms) and retries, up to
     * MAX_OOM_REAP_RETRIES; after the last failure "unable to reap" unless the mm became MMF_OOM_SKIP meanwhile.
     * MMF_OOM_SKIP is set either way.
     */
    private void attempt(long at) {
        Task tsk = reaping;
        Mm mm = tsk.signal.oomMm;
        if (attempts == MAX_OOM_REAP_RETRIES) { // woke from the sleep after the last failed attempt
            if (!mm.oomSkip) world.kmsg().printk("I", OomReport.unableToReap(tsk));
            done(mm, at);
            return;
        }
        attemptTimes.add(at);
        attempts++;
        if (mm.failingReapAttempts > 0) { // mmap_read_trylock failed: sleep HZ/10, retry (also after the 10th)
            mm.failingReapAttempts--;
            world.trace().skipTaskReaping(tsk);
            nextAttemptMs = at + RETRY_SLEEP_MS;
            return;
        }
        if (mm.oomSkip) { // already reaped/exited counts as success
            world.trace().skipTaskReaping(tsk);
        } else {
            world.trace().startTaskReaping(tsk);
            mm.unstable = true;
            // __oom_reap_task_mm: anonymous and private VMAs unmapped; shared (shmem) pages stay — model:
            // anon and file rss drop to 0, shmem unchanged
            mm.anonRss = 0;
            mm.fileRss = 0;
            world.kmsg().printk("I", OomReport.reaped(tsk, mm));
            world.trace().finishTaskReaping(tsk);
        }
        done(mm, at);
    }

    private void done(Mm mm, long at) {
        mm.oomSkip = true; // MMF_OOM_SKIP either way
        reaping = null;
        freeAtMs = at;
    }
}
