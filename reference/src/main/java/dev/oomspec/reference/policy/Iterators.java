package dev.oomspec.reference.policy;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.uapi.Errno;
import java.util.ArrayList;
import java.util.List;

/**
 * Mainline's open-coded iterators over the model's objects: the argument checks of their {@code _new} kfuncs and the
 * order their {@code _next} kfuncs walk. Transcribed from mainline {@code kernel/bpf/cgroup_iter.c} and
 * {@code kernel/bpf/task_iter.c} (read in a 2025 mainline copy); not part of the series.
 */
final class Iterators {
    private Iterators() {}

    /** What an iterator constructor returned and what its {@code _next} calls will yield. */
    record Walk<T>(int ret, List<T> items) {}

    // kernel/bpf/cgroup_iter.c:bpf_iter_css_new — DESCENDANTS_PRE, DESCENDANTS_POST, ANCESTORS_UP, else -EINVAL (and
    // kit->start stays NULL, so bpf_iter_css_next() yields nothing); _next: css_next_descendant_pre/post(), or the
    // parent chain for ANCESTORS_UP (newer mainline also takes BPF_CGROUP_ITER_CHILDREN: not modelled)
    static Walk<Memcg> css(Memcg start, int flags) {
        List<Memcg> out = new ArrayList<>();
        switch (flags) {
            case Bpf.BPF_CGROUP_ITER_DESCENDANTS_PRE -> pre(start, out);
            case Bpf.BPF_CGROUP_ITER_DESCENDANTS_POST -> post(start, out);
            case Bpf.BPF_CGROUP_ITER_ANCESTORS_UP -> { for (Memcg m = start; m != null; m = m.parent()) out.add(m); }
            default -> { return new Walk<>(Errno.EINVAL.neg(), List.of()); }
        }
        return new Walk<>(0, out);
    }

    private static void pre(Memcg m, List<Memcg> out) {
        out.add(m);
        for (Memcg c : m.children()) pre(c, out);
    }

    private static void post(Memcg m, List<Memcg> out) {
        for (Memcg c : m.children()) post(c, out);
        out.add(m);
    }

    // kernel/bpf/task_iter.c:bpf_iter_css_task_new — flags PROCS | THREADED, PROCS or 0, else -EINVAL (css_it stays
    // NULL: no task); _next: css_task_iter_next() — the tasks of that css only, in css_set order; PROCS: leaders only
    static Walk<Task> cssTask(Memcg css, int flags) {
        int procs = Bpf.CSS_TASK_ITER_PROCS, threaded = Bpf.CSS_TASK_ITER_THREADED;
        if (flags != (procs | threaded) && flags != procs && flags != 0) return new Walk<>(Errno.EINVAL.neg(), List.of());
        List<Task> out = new ArrayList<>();
        for (Task t : css.tasks()) if ((flags & procs) == 0 || t.threadGroupLeader()) out.add(t);
        return new Walk<>(0, out);
    }

    // kernel/bpf/task_iter.c:bpf_iter_task_new — ALL_THREADS, ALL_PROCS; PROC_THREADS needs a task; else -EINVAL;
    // _next: next_task() along init_task.tasks (creation order), __next_thread() for threads
    static Walk<Task> task(World world, Task taskOrNull, int flags) {
        switch (flags) {
            case Bpf.BPF_TASK_ITER_ALL_PROCS -> { return new Walk<>(0, world.processes()); }
            case Bpf.BPF_TASK_ITER_ALL_THREADS -> { return new Walk<>(0, world.tasks()); }
            case Bpf.BPF_TASK_ITER_PROC_THREADS -> {
                if (taskOrNull == null) return new Walk<>(Errno.EINVAL.neg(), List.of());
                return new Walk<>(0, world.tasks().stream().filter(t -> t.tgid() == taskOrNull.tgid()).toList());
            }
            default -> { return new Walk<>(Errno.EINVAL.neg(), List.of()); }
        }
    }
}
