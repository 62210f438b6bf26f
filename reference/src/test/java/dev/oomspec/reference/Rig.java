package dev.oomspec.reference;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.printk.LogLine;
import dev.oomspec.reference.printk.TraceEvent;
import java.util.List;

/** A small world builder for the mechanism tests: processes with plain anon rss, OOMs run under oom_lock. */
final class Rig {
    final World w;

    Rig(String version, Memcg.Hierarchy h) {
        w = World.forKernel(version, h).setTotalRamPages(1 << 20).setTotalSwapPages(0);
    }

    /** A process with {@code rss} anonymous pages (total_vm = rss), uid 0. */
    Task proc(int pid, String comm, long rss) {
        return w.newProcess(pid, comm, 0, new Mm(rss, rss, 0, 0, 0, 0));
    }

    Task proc(int pid, String comm, long rss, Memcg cg) {
        Task t = proc(pid, comm, rss);
        w.attach(t, cg);
        return t;
    }

    Memcg cg(String path) { return w.memcontrol().createPath(path); }

    /** out_of_memory(oc) under oom_lock; what it did, as the world's recorder observed it. */
    OomRecorder.Run run(OomControl oc) {
        w.oomLock().lockKillable();
        try {
            ret = w.oomKill().outOfMemory(oc);
            return w.recorder().run(oc);
        } finally {
            w.oomLock().unlock();
        }
    }

    /** out_of_memory()'s return value of the last {@link #run}. */
    boolean ret;

    OomRecorder.Run global() { return run(OomControl.global(Gfp.GFP_HIGHUSER_MOVABLE, 0)); }

    OomRecorder.Run memcg(Memcg m) { return run(OomControl.memcg(m, Gfp.GFP_KERNEL, 0)); }

    List<String> lines() { return w.kmsg().lines(); }

    List<LogLine> records() { return w.kmsg().records(); }

    List<String> trace() { return w.kmsg().events().stream().map(TraceEvent::text).toList(); }

    /** Lines that start with {@code prefix}. */
    List<String> linesStarting(String prefix) { return lines().stream().filter(l -> l.startsWith(prefix)).toList(); }

    /** Lines containing {@code part}. */
    List<String> linesWith(String part) { return lines().stream().filter(l -> l.contains(part)).toList(); }

    /** Pids with SIGKILL pending, in creation order. */
    List<Integer> sigkilled() { return w.tasks().stream().filter(Task::sigkillPending).map(Task::pid).toList(); }
}
