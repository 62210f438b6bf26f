package dev.oomspec.reference.mm;

import dev.oomspec.reference.printk.Kmsg;
import dev.oomspec.reference.profile.KernelProfile;
import dev.oomspec.reference.profile.KernelProfiles;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongSupplier;

/**
 * The modelled machine: tasks in creation order (init_task.tasks), the memcg tree, RAM and swap, NUMA
 * nodes, the OOM sysctls, oom_lock, the OOM reaper, the log and the trace buffer, and — optionally — the
 * BPF OOM series at one revision.
 */
public final class World {
    private final KernelProfile profile;
    private final List<Task> tasks = new ArrayList<>();
    private final Memcontrol memcontrol;
    private final OomLock oomLock = new OomLock();
    private final Kmsg kmsg = new Kmsg();
    private final OomKill oomKill;
    private final OomReaper reaper;
    private final List<LongSupplier> oomNotifiers = new ArrayList<>();
    private final TreeMap<Integer, Long> nodePresentPages = new TreeMap<>();
    private long totalRamPages = 262144, totalSwapPages;
    private int vmSwappiness = 60, panicOnOom;
    private boolean oomKillAllocatingTask, oomDumpTasks = true, oomKillerDisabled, memcgSwapAccount = true;
    private volatile Task current;
    private long nowMs;
    private long vmstatOomKill;
    private BpfOomHook bpfOomHook;
    private final OomRecorder recorder = new OomRecorder();
    private final java.util.concurrent.CopyOnWriteArrayList<OomTrace> observers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final OomTrace fanOut = new FanOut();

    public World(KernelProfile profile, Memcg.Hierarchy hierarchy) {
        this.profile = profile;
        this.memcontrol = new Memcontrol(this, hierarchy);
        this.oomKill = new OomKill(this);
        this.reaper = new OomReaper(this);
        nodePresentPages.put(0, totalRamPages);
        observers.add(new TraceBuffer(this));
        observers.add(recorder);
    }

    public static World forKernel(String version, Memcg.Hierarchy hierarchy) {
        return new World(KernelProfiles.forVersion(version), hierarchy);
    }

    // ---- configuration ----
    public World setTotalRamPages(long pages) {
        totalRamPages = pages;
        if (nodePresentPages.size() == 1) nodePresentPages.put(nodePresentPages.firstKey(), pages);
        return this;
    }
    public World setTotalSwapPages(long pages) { totalSwapPages = pages; return this; }
    /** NUMA: node id → node_present_pages. More than one node makes cpuset/mempolicy constraints possible. */
    public World setNodes(TreeMap<Integer, Long> presentPages) {
        nodePresentPages.clear(); nodePresentPages.putAll(presentPages); return this;
    }
    public World setVmSwappiness(int v) { vmSwappiness = v; return this; }
    public World setPanicOnOom(int v) { panicOnOom = v; return this; }
    public World setOomKillAllocatingTask(boolean v) { oomKillAllocatingTask = v; return this; }
    public World setOomDumpTasks(boolean v) { oomDumpTasks = v; return this; }
    public World setOomKillerDisabled(boolean v) { oomKillerDisabled = v; return this; }
    /** do_swap_account (swapaccount= / CONFIG_MEMCG_SWAP_ENABLED): ≤5.2 memcg stat lines print swap only with it. */
    public World setMemcgSwapAccount(boolean v) { memcgSwapAccount = v; return this; }
    public boolean memcgSwapAccount() { return memcgSwapAccount; }
    /** register_oom_notifier(): the supplier returns the number of pages freed. */
    public World addOomNotifier(LongSupplier freedPages) { oomNotifiers.add(freedPages); return this; }
    /** The task that is allocating (current in out_of_memory()). */
    public World setCurrent(Task t) { current = t; return this; }
    /** Installs the series' edits to mm/oom_kill.c (one revision); null = the mainline kernel. */
    public World setBpfOomHook(BpfOomHook hook) { bpfOomHook = hook; return this; }
    /** Adds an observer of the OOM path (called in registration order, after the trace buffer and the recorder). */
    public World addObserver(OomTrace observer) { observers.add(observer); return this; }

    // ---- tasks ----
    /** fork() of a new process (thread-group leader) with its own mm, in the root memcg. */
    public Task newProcess(int pid, String comm, int uid, Mm mm) {
        return add(new Task(pid, pid, comm, uid, false, pid == 1, new SignalStruct(), mm));
    }
    /** The global init process (pid 1). */
    public Task newInit(Mm mm) { return add(new Task(1, 1, "init", 0, false, true, new SignalStruct(), mm)); }
    /** A kernel thread (PF_KTHREAD, no mm). */
    public Task newKthread(int pid, String comm) {
        return add(new Task(pid, pid, comm, 0, true, false, new SignalStruct(), null));
    }
    /** clone(CLONE_THREAD): shares signal and mm with the leader, same memcg. */
    public Task newThread(Task leader, int pid, String comm) {
        Task t = add(new Task(pid, leader.tgid, comm, leader.uid, false, false, leader.signal, leader.mm));
        if (leader.memcg != null) memcontrol.attach(t, leader.memcg);
        return t;
    }
    /** clone(CLONE_VM) without CLONE_THREAD: a separate process sharing {@code other}'s mm. */
    public Task newProcessSharingMm(int pid, String comm, int uid, Task other) {
        return add(new Task(pid, pid, comm, uid, false, false, new SignalStruct(), other.mm));
    }
    /** vfork(): the child shares the parent's mm until exec; in_vfork() is true for it. */
    public Task newVforkChild(int pid, String comm, Task parent) {
        Task t = newProcessSharingMm(pid, comm, parent.uid, parent);
        t.vforkParent = parent;
        if (parent.memcg != null) memcontrol.attach(t, parent.memcg);
        return t;
    }

    private Task add(Task t) {
        for (Task o : tasks) if (o.pid == t.pid) throw new IllegalArgumentException("pid in use: " + t.pid);
        tasks.add(t);
        memcontrol.attach(t, memcontrol.root());
        return t;
    }

    /** Moves a task's whole thread group into {@code memcg}. */
    public World attach(Task t, Memcg memcg) {
        for (Task x : List.copyOf(tasks)) if (x.tgid == t.tgid) memcontrol.attach(x, memcg);
        return this;
    }

    /** do_exit() of a whole thread group: exit_mmap() sets MMF_OOM_SKIP when the last user goes. */
    public void exitProcess(Task t) {
        Mm mm = t.mm;
        for (Task x : List.copyOf(tasks)) if (x.tgid == t.tgid) {
            x.mm = null; tasks.remove(x);
            if (x.memcg != null) x.memcg.tasksRemove(x);
        }
        if (mm != null && tasks.stream().noneMatch(x -> x.mm == mm)) mm.oomSkip = true;
    }

    /** Every SIGKILLed process exits (the victims die). */
    public void exitKilled() {
        for (Task t : List.copyOf(tasks)) if (t.sigkill && tasks.contains(t)) exitProcess(t);
    }

    public Task task(int pid) {
        for (Task t : tasks) if (t.pid == pid) return t;
        return null;
    }

    // ---- time ----
    /** Advances the clock; fires OOM reaper timers and lets the reaper work (deterministic). */
    public void advanceTime(long ms) { nowMs += ms; reaper.run(); }
    public long nowMs() { return nowMs; }

    // ---- accessors ----
    public KernelProfile profile() { return profile; }
    /** init_task.tasks order, every thread. */
    public List<Task> tasks() { return List.copyOf(tasks); }
    /** for_each_process(): thread-group leaders in creation order. */
    public List<Task> processes() { return tasks.stream().filter(Task::threadGroupLeader).toList(); }
    public Memcontrol memcontrol() { return memcontrol; }
    public Memcg rootMemcg() { return memcontrol.root(); }
    public OomLock oomLock() { return oomLock; }
    public Kmsg kmsg() { return kmsg; }
    public OomKill oomKill() { return oomKill; }
    public OomReaper reaper() { return reaper; }
    public BpfOomHook bpfOomHook() { return bpfOomHook; }
    /** What every out_of_memory() call did, as observed (see {@link OomRecorder}). */
    public OomRecorder recorder() { return recorder; }
    /** The observers as one (kernel code calls {@code world.trace().markVictim(t)} like trace_mark_victim(t)). */
    public OomTrace trace() { return fanOut; }
    public Task current() { return current; }
    public long totalRamPages() { return totalRamPages; }
    public long totalSwapPages() { return totalSwapPages; }
    public int vmSwappiness() { return vmSwappiness; }
    public int panicOnOom() { return panicOnOom; }
    public boolean oomKillAllocatingTask() { return oomKillAllocatingTask; }
    public boolean oomDumpTasks() { return oomDumpTasks; }
    public boolean oomKillerDisabled() { return oomKillerDisabled; }
    public List<LongSupplier> oomNotifiers() { return List.copyOf(oomNotifiers); }
    public TreeMap<Integer, Long> nodes() { return new TreeMap<>(nodePresentPages); }
    public Set<Integer> allNodes() { return nodePresentPages.keySet(); }
    /** /proc/vmstat oom_kill. */
    public long vmstatOomKill() { return vmstatOomKill; }
    void countVmOomKill() { vmstatOomKill++; }

    private final class FanOut implements OomTrace {
        @Override public void oomScoreAdjUpdate(Task t) { for (OomTrace o : observers) o.oomScoreAdjUpdate(t); }
        @Override public void markVictim(Task t) { for (OomTrace o : observers) o.markVictim(t); }
        @Override public void wakeReaper(Task t) { for (OomTrace o : observers) o.wakeReaper(t); }
        @Override public void startTaskReaping(Task t) { for (OomTrace o : observers) o.startTaskReaping(t); }
        @Override public void finishTaskReaping(Task t) { for (OomTrace o : observers) o.finishTaskReaping(t); }
        @Override public void skipTaskReaping(Task t) { for (OomTrace o : observers) o.skipTaskReaping(t); }
        @Override public void evaluateTask(OomControl oc, Task t, long p, String v) { for (OomTrace o : observers) o.evaluateTask(oc, t, p, v); }
        @Override public void selectBadProcess(OomControl oc) { for (OomTrace o : observers) o.selectBadProcess(oc); }
        @Override public void killProcess(OomControl oc, Task v, String m) { for (OomTrace o : observers) o.killProcess(oc, v, m); }
        @Override public void panic(OomControl oc, String m) { for (OomTrace o : observers) o.panic(oc, m); }
        @Override public void outOfMemoryReturn(OomControl oc, Exit e, boolean r) { for (OomTrace o : observers) o.outOfMemoryReturn(oc, e, r); }
        @Override public void bpfOomHandler(OomControl oc, String n, String a, int r, boolean f) { for (OomTrace o : observers) o.bpfOomHandler(oc, n, a, r, f); }
        @Override public void bpfHandleOom(OomControl oc, boolean h) { for (OomTrace o : observers) o.bpfHandleOom(oc, h); }
        @Override public void bpfKfunc(String k, String a, long r) { for (OomTrace o : observers) o.bpfKfunc(k, a, r); }
    }
}
