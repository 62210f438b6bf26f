package dev.oomspec.reference.policy;

import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControlView;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.series.KfuncRejected;
import dev.oomspec.reference.uapi.Errno;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.function.Function;

/**
 * One handler call of a loaded policy: the {@link Kfuncs} it receives. Every series kfunc is one call into the
 * revision's transcription ({@link SeriesCalls}); this class adds what the verifier checks about the program as a
 * whole (references released, RCU read sections, no sleepable call inside one), the call log, the
 * {@link Facts} guard and the {@link Limits}.
 */
final class Program implements Kfuncs {
    /** Unwinds the policy's stack once the call has halted; the reason is in {@link #halt}. */
    static final class Halted extends Error {
        Halted() { super(null, null, false, false); }
    }

    private final Revision revision;
    private final SeriesCalls calls;
    private final World world;
    private final Memcg scope;
    private final Facts facts;
    private final Limits limits;
    private final long deadline;
    private final List<KfuncCall> log = new ArrayList<>();
    private final Map<Object, Integer> refs = new IdentityHashMap<>();
    private final Map<Memcg, Cgroup> cgroups = new IdentityHashMap<>();
    private final Map<Memcg, MemCgroup> memcgs = new IdentityHashMap<>();
    private final Map<Task, TaskStruct> tasks = new IdentityHashMap<>();
    private int rcuDepth;
    private long steps;
    private Halt halt;

    Program(Revision revision, SeriesCalls calls, World world, Memcg scope, Facts facts, Limits limits) {
        this.revision = revision; this.calls = calls; this.world = world; this.scope = scope; this.facts = facts;
        this.limits = limits;
        this.deadline = System.nanoTime() + limits.wallClock().toNanos();
    }

    List<KfuncCall> log() { return log; }
    Halt halt() { return halt; }

    // ---- objects: one view per kernel object, so == compares like C pointers ----
    Cgroup cgroup(Memcg m) { return cgroups.computeIfAbsent(m, k -> new Cgroup(k, this)); }
    MemCgroup memCgroup(Memcg m) { return memcgs.computeIfAbsent(m, k -> new MemCgroup(k, this)); }
    TaskStruct task(Task t) { return tasks.computeIfAbsent(t, k -> new TaskStruct(k, this)); }
    OomControl oc(OomControlView v) { return new OomControl(v, this); }

    // ---- guards ----
    /** Records a halt without unwinding (the policy's stack is already gone). */
    void stop0(Halt h) { if (halt == null) halt = h; }

    void stop(Halt h) {
        if (halt == null) halt = h;
        throw new Halted();
    }

    void need(Facts.Fact fact, Memcg memcg, String what) {
        String why = facts.unknown(fact, memcg);
        if (why != null) stop(new Halt.Unknown("the policy " + what + ": " + why));
    }

    /** As {@link #need}, after a call whose validity check had to run first: its logged result was a stand-in. */
    private void needAfterCall(Facts.Fact fact, Memcg memcg, String what) {
        if (facts.unknown(fact, memcg) == null) return;
        KfuncCall last = log.remove(log.size() - 1);
        log.add(new KfuncCall(last.kfunc(), last.args(), "unknown"));
        need(fact, memcg, what);
    }

    private void step() {
        if (halt != null) throw new Halted();
        if (++steps > limits.maxSteps())
            stop(new Halt.OverBudget("more than " + limits.maxSteps() + " kfunc calls and iterator steps"));
        if (System.nanoTime() > deadline)
            stop(new Halt.OverBudget("still running after " + limits.wallClock().toMillis() + " ms"));
    }

    private void sleepableCheck(String kfunc) {
        Integer flags = calls.btf().btfKfuncFlags(kfunc, calls.prog());
        if (rcuDepth > 0 && flags != null && (flags & Kf.KF_SLEEPABLE) != 0)
            stop(new Halt.NotLoaded(kfunc + " is sleepable and is called inside bpf_rcu_read_lock(): the verifier refuses it"));
    }

    private <T> T call(String kfunc, String args, java.util.function.Supplier<T> body, Function<T, String> show) {
        step();
        sleepableCheck(kfunc);
        T r;
        try {
            r = body.get();
        } catch (KfuncRejected e) {
            log.add(new KfuncCall(kfunc, args, "not loaded: " + e.verdict()));
            stop(new Halt.NotLoaded("the verifier refuses " + kfunc + " in a " + revision.id()
                    + " bpf_oom_ops program (" + e.verdict() + "): the program never loads"));
            return null;
        }
        log.add(new KfuncCall(kfunc, args, show.apply(r)));
        return r;
    }

    private void acquired(Object o) { if (o != null) refs.merge(o, 1, Integer::sum); }

    private void release(String kfunc, Object o) {
        Integer n = o == null ? null : refs.get(o);
        if (n == null) {
            log.add(new KfuncCall(kfunc, String.valueOf(o), "not loaded"));
            stop(new Halt.NotLoaded(kfunc + "(" + o + ") releases a pointer that is not an acquired reference: "
                    + "the verifier refuses it"));
        }
        if (n == 1) refs.remove(o); else refs.put(o, n - 1);
    }

    /** What the verifier checks at the program's exit. */
    void exit() {
        if (halt != null) return;
        if (rcuDepth > 0) { halt = new Halt.NotLoaded("the handler returns inside bpf_rcu_read_lock(): the verifier refuses it"); return; }
        if (!refs.isEmpty()) {
            halt = new Halt.NotLoaded("the handler returns holding " + refs.keySet().iterator().next()
                    + " (acquired, never released): the verifier refuses a program with an unreleased reference");
        }
    }

    private static String memcgText(Memcg m) { return m == null ? "NULL" : "memcg " + m.path(); }
    private static Memcg unwrap(MemCgroup m) { return m == null ? null : m.memcg; }

    // ---- Kfuncs ----
    @Override public Revision revision() { return revision; }

    @Override public int bpfOomKillProcess(OomControl oc, TaskStruct task, String message) {
        return call("bpf_oom_kill_process", "task=" + task + ", message=\"" + message + "\"",
                () -> calls.bpfOomKillProcess(oc.view, task.task, message), Errno::describe);
    }

    @Override public boolean bpfTaskIsOomVictim(TaskStruct task) {
        return call("bpf_task_is_oom_victim", "task=" + task, () -> calls.bpfTaskIsOomVictim(task.task), String::valueOf);
    }

    @Override public int bpfOutOfMemory(MemCgroup memcg, int order, long flags) {
        return call("bpf_out_of_memory", memcgText(unwrap(memcg)) + ", order=" + order + ", flags=0x" + Long.toHexString(flags),
                () -> calls.bpfOutOfMemory(unwrap(memcg), order, flags), Errno::describe);
    }

    @Override public MemCgroup bpfGetRootMemCgroup() {
        Memcg m = call("bpf_get_root_mem_cgroup", "", calls::bpfGetRootMemCgroup, Program::memcgText);
        MemCgroup r = m == null ? null : memCgroup(m);
        acquired(r);
        return r;
    }

    @Override public MemCgroup bpfGetMemCgroup(Cgroup css) {
        Memcg m = call("bpf_get_mem_cgroup", "css=" + css.path(), () -> calls.bpfGetMemCgroup(css.memcg), Program::memcgText);
        MemCgroup r = m == null ? null : memCgroup(m);
        acquired(r);
        return r;
    }

    @Override public void bpfPutMemCgroup(MemCgroup memcg) {
        step();
        release("bpf_put_mem_cgroup", memcg);
        call("bpf_put_mem_cgroup", memcgText(unwrap(memcg)), () -> { calls.bpfPutMemCgroup(memcg.memcg); return "void"; }, s -> s);
    }

    @Override public long bpfMemCgroupUsage(MemCgroup memcg) {
        need(Facts.Fact.USAGE, memcg.memcg, "read the usage of " + memcg.memcg.path());
        return call("bpf_mem_cgroup_usage", memcgText(memcg.memcg), () -> calls.bpfMemCgroupUsage(memcg.memcg), String::valueOf);
    }

    @Override public long bpfMemCgroupPageState(MemCgroup memcg, int idx) {
        long r = call("bpf_mem_cgroup_page_state", memcgText(memcg.memcg) + ", idx=" + idx,
                () -> calls.bpfMemCgroupPageState(memcg.memcg, idx), String::valueOf);
        if (r != -1) needAfterCall(idx == Bpf.NR_FILE_PAGES ? Facts.Fact.FILE_PAGES : Facts.Fact.OTHER_STATS, memcg.memcg,
                "read page state " + (idx == Bpf.NR_FILE_PAGES ? "NR_FILE_PAGES" : "item " + idx) + " of " + memcg.memcg.path());
        return r;
    }

    @Override public long bpfMemCgroupMemoryEvents(MemCgroup memcg, int event) {
        long r = call("bpf_mem_cgroup_memory_events", memcgText(memcg.memcg) + ", event=" + event,
                () -> calls.bpfMemCgroupMemoryEvents(memcg.memcg, event), String::valueOf);
        if (r != -1) needAfterCall(Facts.Fact.OTHER_STATS, memcg.memcg, "read memory.events of " + memcg.memcg.path());
        return r;
    }

    @Override public long bpfMemCgroupVmEvents(MemCgroup memcg, int event) {
        long r = call("bpf_mem_cgroup_vm_events", memcgText(memcg.memcg) + ", event=" + event,
                () -> calls.bpfMemCgroupVmEvents(memcg.memcg, event), String::valueOf);
        if (r != -1) needAfterCall(Facts.Fact.OTHER_STATS, memcg.memcg, "read vm events of " + memcg.memcg.path());
        return r;
    }

    @Override public void bpfMemCgroupFlushStats(MemCgroup memcg) {
        call("bpf_mem_cgroup_flush_stats", memcgText(memcg.memcg), () -> { calls.bpfMemCgroupFlushStats(memcg.memcg); return "void"; }, s -> s);
    }

    // kernel/bpf/helpers.c:bpf_rcu_read_lock / bpf_rcu_read_unlock (mainline): the verifier pairs them
    @Override public void bpfRcuReadLock() {
        step();
        rcuDepth++;
        log.add(new KfuncCall("bpf_rcu_read_lock", "", "void"));
    }

    @Override public void bpfRcuReadUnlock() {
        step();
        if (rcuDepth == 0) stop(new Halt.NotLoaded("bpf_rcu_read_unlock() without bpf_rcu_read_lock(): the verifier refuses it"));
        rcuDepth--;
        log.add(new KfuncCall("bpf_rcu_read_unlock", "", "void"));
    }

    // kernel/bpf/helpers.c:bpf_task_acquire (mainline): refcount_inc_not_zero(); the model's tasks never reach zero
    @Override public TaskStruct bpfTaskAcquire(TaskStruct p) {
        step();
        log.add(new KfuncCall("bpf_task_acquire", "task=" + p, "task " + p));
        acquired(p);
        return p;
    }

    @Override public void bpfTaskRelease(TaskStruct p) {
        step();
        release("bpf_task_release", p);
        log.add(new KfuncCall("bpf_task_release", "task=" + p, "void"));
    }

    // kernel/bpf/helpers.c:bpf_task_under_cgroup (mainline): task_under_cgroup_hierarchy(task, ancestor)
    @Override public boolean bpfTaskUnderCgroup(TaskStruct task, Cgroup ancestor) {
        step();
        if (!scope.isDescendantOf(ancestor.memcg))
            need(Facts.Fact.CGROUP_TREE, ancestor.memcg, "asked whether " + task + " is under " + ancestor.path());
        boolean r = task.task.memcg() != null && task.task.memcg().isDescendantOf(ancestor.memcg);
        log.add(new KfuncCall("bpf_task_under_cgroup", "task=" + task + ", ancestor=" + ancestor.path(), r ? "1" : "0"));
        return r;
    }

    @Override public Iterable<Cgroup> forEachCss(Cgroup start, int flags) {
        step();
        if (rcuDepth == 0) stop(new Halt.NotLoaded("bpf_for_each(css, …) outside bpf_rcu_read_lock(): in a sleepable "
                + "program the verifier requires an RCU read section around a css iterator"));
        Iterators.Walk<Memcg> w = Iterators.css(start.memcg, flags);
        log.add(new KfuncCall("bpf_iter_css_new", "start=" + start.path() + ", flags=" + flags, Errno.describe(w.ret())));
        if (w.ret() == 0 && flags != Bpf.BPF_CGROUP_ITER_ANCESTORS_UP)
            need(Facts.Fact.CGROUP_TREE, start.memcg, "walked the cgroups below " + start.path());
        return walk(w.items(), this::cgroup);
    }

    @Override public Iterable<TaskStruct> forEachCssTask(Cgroup css, int flags) {
        step();
        Iterators.Walk<Task> w = Iterators.cssTask(css.memcg, flags);
        log.add(new KfuncCall("bpf_iter_css_task_new", "css=" + css.path() + ", flags=" + flags, Errno.describe(w.ret())));
        if (w.ret() == 0) need(Facts.Fact.CGROUP_TREE, css.memcg, "listed the tasks of " + css.path());
        return walk(w.items(), this::task);
    }

    @Override public Iterable<TaskStruct> forEachTask(TaskStruct taskOrNull, int flags) {
        step();
        if (rcuDepth == 0) stop(new Halt.NotLoaded("bpf_for_each(task, …) outside bpf_rcu_read_lock(): in a sleepable "
                + "program the verifier requires an RCU read section around a task iterator"));
        Iterators.Walk<Task> w = Iterators.task(world, taskOrNull == null ? null : taskOrNull.task, flags);
        log.add(new KfuncCall("bpf_iter_task_new", "task=" + (taskOrNull == null ? "NULL" : taskOrNull) + ", flags=" + flags,
                Errno.describe(w.ret())));
        if (w.ret() == 0 && flags != Bpf.BPF_TASK_ITER_PROC_THREADS)
            need(Facts.Fact.PROCESS_LIST, null, "walked every process of the machine");
        return walk(w.items(), this::task);
    }

    /** An iterator whose every _next() is a step (budget, deadline, halted program). */
    private <M, V> Iterable<V> walk(List<M> items, Function<M, V> view) {
        return () -> new Iterator<>() {
            private int i;
            @Override public boolean hasNext() { step(); return i < items.size(); }
            @Override public V next() {
                if (i >= items.size()) throw new NoSuchElementException();
                return view.apply(items.get(i++));
            }
        };
    }
}
