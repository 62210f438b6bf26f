package dev.oomspec.reference.mm;

import dev.oomspec.reference.printk.Kmsg;

/** The ftrace ring buffer as an {@link OomTrace} observer: writes the oom: events the profile's kernel has. */
final class TraceBuffer implements OomTrace {
    private final World world;

    TraceBuffer(World world) { this.world = world; }

    private Kmsg kmsg() { return world.kmsg(); }
    private boolean reaperTracepoints() { return world.profile().reaperTracepoints(); }

    @Override public void markVictim(Task task) {
        String tp = OomReport.markVictim(world.profile(), task);
        if (tp != null) kmsg().trace("mark_victim", tp);
    }
    @Override public void wakeReaper(Task task) { if (reaperTracepoints()) kmsg().trace("wake_reaper", "pid=" + task.pid); }
    @Override public void startTaskReaping(Task task) { if (reaperTracepoints()) kmsg().trace("start_task_reaping", "pid=" + task.pid); }
    @Override public void finishTaskReaping(Task task) { if (reaperTracepoints()) kmsg().trace("finish_task_reaping", "pid=" + task.pid); }
    @Override public void skipTaskReaping(Task task) { if (reaperTracepoints()) kmsg().trace("skip_task_reaping", "pid=" + task.pid); }
}
