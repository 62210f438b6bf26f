package dev.oomspec.reference.mm;

import dev.oomspec.reference.profile.Formats;
import dev.oomspec.reference.profile.KernelProfile;
import java.util.List;
import java.util.Set;
import java.util.function.LongSupplier;

/** mm/oom_kill.c. Method names follow the C functions; the profile supplies every version difference. */
public final class OomKill {
    public static final int OOM_SCORE_ADJ_MIN = -1000, OOM_SCORE_ADJ_MAX = 1000;
    public static final int PAGE_ALLOC_COSTLY_ORDER = 3;
    public static final long PAGE_SIZE = 4096;
    /** oom_badness() "ineligible" for the profile's return type: LONG_MIN (5.9+) or 0 (≤5.8). */
    public static final long LONG_MIN = Long.MIN_VALUE;
    private static final int RATELIMIT_BURST = 10;
    private static final long RATELIMIT_INTERVAL_MS = 5000;

    private final World world;
    private long rsBegin = -1;
    private int rsPrinted, rsMissed;

    OomKill(World world) { this.world = world; }

    private KernelProfile profile() { return world.profile(); }

    // ------------------------------------------------------------------ eligibility

    /** oom_unkillable_task() (5.3+ shape): global init or a kernel thread. */
    public static boolean oomUnkillableTask(Task p) { return p.isGlobalInit() || p.isKthread(); }

    /** find_lock_task_mm(): the first thread of p's group that still has an mm. */
    public Task findLockTaskMm(Task p) {
        if (p.mm != null) return p;
        for (Task t : world.tasks()) if (t.tgid == p.tgid && t.mm != null) return t;
        return null;
    }

    /** oom_cpuset_eligible(): mempolicy intersects the OOM nodemask, or cpuset mems intersect current's. */
    boolean oomCpusetEligible(Task start, OomControl oc) {
        if (world.allNodes().size() <= 1) return true; // !CONFIG_NUMA or a single node: always true
        Set<Integer> mask = oc.nodemask;
        for (Task t : world.tasks()) {
            if (t.tgid != start.tgid) continue;
            if (mask != null) {
                // mempolicy_in_oom_domain(): no policy → in every domain
                if (t.mempolicyNodes == null || intersects(t.mempolicyNodes, mask)) return true;
            } else {
                Task cur = world.current();
                Set<Integer> curMems = cur == null ? null : cur.memsAllowed;
                if (t.memsAllowed == null || curMems == null || intersects(t.memsAllowed, curMems)) return true;
            }
        }
        return false;
    }

    private static boolean intersects(Set<Integer> a, Set<Integer> b) {
        for (int x : a) if (b.contains(x)) return true;
        return false;
    }

    // ------------------------------------------------------------------ badness

    /**
     * oom_badness(p, totalpages): the score of a task, or the profile's "ineligible" value (LONG_MIN 5.9+,
     * 0 ≤5.8).
     */
    public long oomBadness(Task p, long totalpages) {
        KernelProfile prof = profile();
        long ineligible = prof.badness() == Formats.Badness.SIGNED_LONG_MIN ? LONG_MIN : 0;
        if (oomUnkillableTask(p)) return ineligible;
        Task t = findLockTaskMm(p);
        if (t == null) return ineligible;
        long adj = t.signal.oomScoreAdj;
        Mm mm = t.mm;
        if (adj == OOM_SCORE_ADJ_MIN
                || (prof.skipAndVforkIneligible() && (mm.oomSkip || t.inVfork()))) return ineligible;
        // ≤4.14 nr_ptes + nr_pmds is modelled with the same page count as pgtables_bytes / PAGE_SIZE
        long points = mm.getMmRss() + mm.swapEnts + mm.pgtablesBytes / PAGE_SIZE;
        if (prof.rootBonus() && t.capSysAdmin) points -= (points * 3) / 100;
        adj *= totalpages / 1000; // integer division first
        points += adj;
        if (prof.badness() == Formats.Badness.UNSIGNED_CLAMPED) return points > 0 ? points : 1;
        return points;
    }

    /** /proc/pid/oom_score (fs/proc/base.c proc_oom_score), global totalpages. */
    public long procOomScore(Task p) {
        long totalpages = world.totalRamPages() + world.totalSwapPages();
        long badness = oomBadness(p, totalpages);
        if (profile().badness() == Formats.Badness.SIGNED_LONG_MIN) {
            if (badness == LONG_MIN) return 0;
            return (1000 + badness * 1000 / totalpages) * 2 / 3;
        }
        return badness * 1000 / totalpages;
    }

    // ------------------------------------------------------------------ constraint

    /** constrained_alloc() (5.4+ shape, zonelist walk simplified to node sets): sets oc.totalpages. */
    Constraint constrainedAlloc(OomControl oc) {
        BpfOomHook hook = world.bpfOomHook();
        if (hook != null) { // the series' prologue (v1 07 / v2 14: CONSTRAINT_BPF returns at once)
            Constraint c = hook.constrainedAllocPrologue(oc);
            if (c != null) return c;
        }
        if (oc.isMemcgOom()) {
            long max = world.memcontrol().memCgroupGetMax(oc.memcg);
            oc.totalpages = max == 0 ? 1 : max;
            return Constraint.CONSTRAINT_MEMCG;
        }
        oc.totalpages = world.totalRamPages() + world.totalSwapPages();
        if (world.allNodes().size() <= 1) return Constraint.CONSTRAINT_NONE; // !IS_ENABLED(CONFIG_NUMA)
        if ((oc.gfpMask & Gfp.__GFP_THISNODE) != 0) return Constraint.CONSTRAINT_NONE;
        if (oc.nodemask != null && !oc.nodemask.containsAll(world.allNodes())) {
            oc.totalpages = world.totalSwapPages();
            for (int nid : oc.nodemask) oc.totalpages += world.nodes().getOrDefault(nid, 0L);
            return Constraint.CONSTRAINT_MEMORY_POLICY;
        }
        Task cur = world.current();
        if (cur != null && cur.memsAllowed != null && !cur.memsAllowed.containsAll(world.allNodes())) {
            oc.totalpages = world.totalSwapPages();
            for (int nid : cur.memsAllowed) oc.totalpages += world.nodes().getOrDefault(nid, 0L);
            return Constraint.CONSTRAINT_CPUSET;
        }
        return Constraint.CONSTRAINT_NONE;
    }

    // ------------------------------------------------------------------ selection

    /**
     * oom_evaluate_task(): returns true to stop the scan (abort). Reports every visited task to the observers with
     * its points or the reason it was skipped.
     */
    boolean oomEvaluateTask(Task task, OomControl oc) {
        KernelProfile prof = profile();
        if (oomUnkillableTask(task)) { world.trace().evaluateTask(oc, task, 0, "unkillable"); return false; }
        if (!oc.isMemcgOom() && !oomCpusetEligible(task, oc)) {
            world.trace().evaluateTask(oc, task, 0, "cpuset/mempolicy ineligible"); return false;
        }
        // existing victim: abort unless its mm is already MMF_OOM_SKIP (never for sysrq)
        if (!oc.isSysrqOom() && task.isOomVictim()) {
            if (task.signal.oomMm.oomSkip) {
                world.trace().evaluateTask(oc, task, 0, "victim with MMF_OOM_SKIP"); return false;
            }
            world.trace().evaluateTask(oc, task, 0, "existing victim: abort");
            oc.chosen = null; oc.chosenAbort = true; // oc->chosen = (void *)-1UL
            return true;
        }
        long points;
        if (task.signal.oomFlagOrigin) {
            points = Long.MAX_VALUE; // LONG_MAX (5.9+) / ULONG_MAX (≤5.8): both the maximum
            world.trace().evaluateTask(oc, task, points, "oom_task_origin");
        } else {
            points = oomBadness(task, oc.totalpages);
            int choice = choose(prof, points, oc.chosen, oc.chosenPoints);
            if (choice < 0) { world.trace().evaluateTask(oc, task, points, "ineligible"); return false; }
            world.trace().evaluateTask(oc, task, points, "eligible");
            if (choice == 0) return false;
        }
        oc.chosen = task;
        oc.chosenPoints = points;
        return false;
    }

    /**
     * oom_evaluate_task()'s choice on a task's oom_badness() {@code points} (mm/oom_kill.c): -1 the points say
     * "ineligible" (LONG_MIN 5.9+, 0 ≤5.8); 0 the task chosen so far ({@code chosen}, null when none, with
     * {@code chosenPoints}) stays — it has more points, or as many and the profile keeps a thread-group leader
     * ("Prefer thread group leaders for display purposes"); 1 the task becomes oc->chosen. Public for callers that
     * score tasks one at a time (trace replay) and must choose as the kernel does.
     */
    public static int choose(KernelProfile prof, long points, Task chosen, long chosenPoints) {
        boolean ineligible = prof.badness() == Formats.Badness.SIGNED_LONG_MIN ? points == LONG_MIN : points == 0;
        if (ineligible) return -1;
        if (chosen != null && points < chosenPoints) return 0;
        if (chosen != null && points == chosenPoints && prof.tieBreak() == Formats.TieBreak.KEEP_LEADER
                && chosen.threadGroupLeader()) return 0;
        return 1;
    }

    /** select_bad_process(): memcg subtree pre-order, or every process in creation order. */
    void selectBadProcess(OomControl oc) {
        KernelProfile prof = profile();
        world.trace().selectBadProcess(oc);
        oc.chosenPoints = prof.badness() == Formats.Badness.SIGNED_LONG_MIN ? LONG_MIN : 0;
        oc.chosen = null;
        if (oc.isMemcgOom()) {
            Memcontrol.memCgroupScanTasks(oc.memcg, prof.memcgScanLeadersOnly(), t -> oomEvaluateTask(t, oc));
        } else {
            List<Task> order = prof.globalScanLeadersOnly() ? world.processes() : world.tasks();
            for (Task p : order) if (oomEvaluateTask(p, oc)) break;
        }
    }

    // ------------------------------------------------------------------ out_of_memory

    /** out_of_memory(oc): caller holds oom_lock. Returns the kernel's bool. */
    public boolean outOfMemory(OomControl oc) {
        if (!world.oomLock().isLocked()) throw new IllegalStateException("out_of_memory() without oom_lock");
        KernelProfile prof = profile();
        if (world.oomKillerDisabled()) return exit(oc, OomTrace.Exit.OOM_KILLER_DISABLED, false);
        if (!oc.isMemcgOom()) {
            long freed = 0;
            for (LongSupplier n : world.oomNotifiers()) freed += n.getAsLong();
            if (freed > 0 && !oc.isSysrqOom()) return exit(oc, OomTrace.Exit.NOTIFIER_FREED, true);
        }
        Task current = world.current();
        if (current != null && taskWillFreeMem(current)) {
            markOomVictim(current);
            queueOomReaper(current);
            return exit(oc, OomTrace.Exit.CURRENT_EXITING, true);
        }
        boolean gfpGuard = !prof.nofsNeedsNonZeroGfp() || oc.gfpMask != 0;
        if (!oc.isMemcgOom() && gfpGuard && (oc.gfpMask & Gfp.__GFP_FS) == 0) {
            return exit(oc, OomTrace.Exit.NOFS_BAILOUT, true);
        }
        oc.constraint = constrainedAlloc(oc);
        if (oc.constraint != Constraint.CONSTRAINT_MEMORY_POLICY) oc.nodemask = null;
        if (checkPanicOnOom(oc)) return exit(oc, OomTrace.Exit.PANIC_ON_OOM, true);
        if (!oc.isMemcgOom() && world.oomKillAllocatingTask() && current != null && current.mm != null
                && !oomUnkillableTask(current) && oomCpusetEligible(current, oc)
                && current.signal.oomScoreAdj != OOM_SCORE_ADJ_MIN) {
            oc.chosen = current;
            oomKillProcess(oc, "Out of memory (oom_kill_allocating_task)");
            return exit(oc, OomTrace.Exit.ALLOCATING_TASK, true);
        }
        // the series' call site (v1..post; RFC: its own static bpf_handle_oom() in this file)
        BpfOomHook hook = world.bpfOomHook();
        if (hook != null && hook.bpfHandleOom(oc)) return exit(oc, OomTrace.Exit.BPF_HANDLED, true);
        selectBadProcess(oc);
        OomTrace.Exit exit = OomTrace.Exit.KILLED;
        if (oc.chosen == null && !oc.chosenAbort) {
            dumpHeader(oc);
            world.kmsg().printk("W", "Out of memory and no killable processes...");
            exit = OomTrace.Exit.NO_KILLABLE_PROCESS;
            if (!oc.isSysrqOom() && !oc.isMemcgOom()) panic(oc, "System is deadlocked on memory");
        }
        if (oc.chosen != null && !oc.chosenAbort)
            oomKillProcess(oc, oc.isMemcgOom() ? "Memory cgroup out of memory" : "Out of memory");
        if (oc.chosenAbort) exit = OomTrace.Exit.ABORTED_EXISTING_VICTIM;
        return exit(oc, exit, oc.chosen != null || oc.chosenAbort);
    }

    private boolean exit(OomControl oc, OomTrace.Exit exit, boolean ret) {
        world.trace().outOfMemoryReturn(oc, exit, ret);
        return ret;
    }

    /** check_panic_on_oom(): true when the machine panicked. */
    private boolean checkPanicOnOom(OomControl oc) {
        int pom = world.panicOnOom();
        if (pom == 0 || oc.isSysrqOom()) return false;
        if (pom != 2 && oc.constraint != Constraint.CONSTRAINT_NONE) return false;
        dumpHeader(oc);
        panic(oc, "Out of memory: " + (pom == 2 ? "compulsory" : "system-wide") + " panic_on_oom is enabled");
        return true;
    }

    private void panic(OomControl oc, String msg) {
        world.trace().panic(oc, msg);
        world.kmsg().printk("panic", "Kernel panic - not syncing: " + msg);
    }

    // ------------------------------------------------------------------ victim handling

    /** task_will_free_mem(): has an mm, not MMF_OOM_SKIP, exiting, and every other mm user dying too. */
    boolean taskWillFreeMem(Task task) {
        Mm mm = task.mm;
        if (mm == null || mm.oomSkip) return false;
        if (!taskWillFreeMemOne(task)) return false;
        for (Task p : world.processes()) {
            if (p.tgid == task.tgid || !processSharesMm(p, mm)) continue;
            if (!taskWillFreeMemOne(p)) return false;
        }
        return true;
    }

    /** __task_will_free_mem() (core dumps not modelled): group exit, or PF_EXITING in a single-threaded group. */
    private boolean taskWillFreeMemOne(Task task) {
        if (task.signal.groupExit) return true;
        return task.exiting && threadGroupEmpty(task);
    }

    /** thread_group_empty(): the group has no thread besides this one. */
    private boolean threadGroupEmpty(Task task) {
        for (Task t : world.tasks()) if (t.tgid == task.tgid && t != task) return false;
        return true;
    }

    /** process_shares_mm(): the first thread of p that still has an mm decides. */
    private boolean processSharesMm(Task p, Mm mm) {
        Task t = findLockTaskMm(p);
        return t != null && t.mm == mm;
    }

    /** mark_oom_victim(): TIF_MEMDIE once per thread, signal->oom_mm, the mark_victim tracepoint. */
    void markOomVictim(Task tsk) {
        if (tsk.tifMemdie) return;
        tsk.tifMemdie = true;
        if (tsk.signal.oomMm == null) tsk.signal.oomMm = tsk.mm;
        world.trace().markVictim(tsk);
    }

    void queueOomReaper(Task tsk) { if (profile().oomReaper()) world.reaper().queueOomReaper(tsk); }

    /**
     * moom_callback() (drivers/tty/sysrq.c, SysRq-f): out_of_memory() with GFP_KERNEL and order -1 under oom_lock;
     * "OOM request ignored. No task eligible" when it returns false. The "sysrq: Manual OOM execution" line of
     * __handle_sysrq() is not modelled.
     */
    public OomControl moomCallback() {
        OomControl oc = OomControl.sysrq();
        world.oomLock().lockKillable(); // mutex_lock(&oom_lock)
        try {
            if (!outOfMemory(oc)) world.kmsg().printk("I", "OOM request ignored. No task eligible");
        } finally {
            world.oomLock().unlock();
        }
        return oc;
    }

    /** oom_kill_process(oc, message). */
    public void oomKillProcess(OomControl oc, String message) {
        Task victim = oc.chosen;
        if (taskWillFreeMem(victim)) { // silent shortcut
            markOomVictim(victim);
            queueOomReaper(victim);
            return;
        }
        if (ratelimit()) {
            dumpHeader(oc);
            if (profile().summaryLine()) dumpOomVictim(oc, victim);
        }
        // ≤5.0: oom_kill_process() itself prints "Kill process … score N or sacrifice child" for the chosen task,
        // once, outside the ratelimit; __oom_kill_process() prints only "Killed process" (also for oom.group members)
        String scoreLine = OomReport.killScoreLine(profile(), message, victim,
                oc.totalpages == 0 ? 0 : oc.chosenPoints * 1000 / oc.totalpages);
        if (scoreLine != null) world.kmsg().printk("E", scoreLine);
        if (profile().sacrificeChild()) victim = sacrificeChild(oc, victim);
        Memcg oomGroup = world.memcontrol().memCgroupGetOomGroup(victim, oc.memcg);
        oomKillProcessInner(oc, victim, message);
        if (oomGroup != null) {
            if (profile().oomGroupKillEvent()) world.memcontrol().memcgMemoryEvent(oomGroup, Memcg.Event.OOM_GROUP_KILL);
            world.kmsg().printk("I", "Tasks in " + oomGroup.path() + " are going to be killed due to memory.oom.group set");
            Memcontrol.memCgroupScanTasks(oomGroup, true, t -> {
                if (t.signal.oomScoreAdj != OOM_SCORE_ADJ_MIN && !t.isGlobalInit()) oomKillProcessInner(oc, t, message);
                return false;
            });
        }
    }

    /**
     * ≤5.0 oom_kill_process(): "If any of p's children has a different mm and is eligible for kill, the one with the
     * highest oom_badness() score is sacrificed for its parent" — mm/oom_kill.c:oom_kill_process@v5.0, as removed by
     * bbbe48029720 ("mm, oom: remove 'prefer children over parent' heuristic"). oom_badness() then took the memcg and
     * nodemask: a child outside the OOMing memcg, or without allowed nodes in the nodemask, scores 0.
     */
    private Task sacrificeChild(OomControl oc, Task p) {
        Task victim = p;
        long victimPoints = 0;
        for (Task t : world.tasks()) {
            if (t.tgid != p.tgid) continue; // for_each_thread(p, t)
            for (Task child : world.tasks()) {
                if (child.realParent != t || !child.threadGroupLeader()) continue; // list_for_each_entry(child, &t->children)
                if (processSharesMm(child, p.mm)) continue;
                if (oc.isMemcgOom() && (child.memcg == null || !child.memcg.isDescendantOf(oc.memcg))) continue;
                if (!oc.isMemcgOom() && !oomCpusetEligible(child, oc)) continue;
                long childPoints = oomBadness(child, oc.totalpages);
                if (childPoints > victimPoints) { victim = child; victimPoints = childPoints; }
            }
        }
        return victim;
    }

    /** __ratelimit(&oom_rs): 10 reports per 5 s of model time. */
    private boolean ratelimit() {
        long now = world.nowMs();
        if (rsBegin < 0 || now - rsBegin >= RATELIMIT_INTERVAL_MS) {
            if (rsMissed > 0) world.kmsg().printk("W", "oom_kill_process: " + rsMissed + " callbacks suppressed");
            rsBegin = now; rsPrinted = 0; rsMissed = 0;
        }
        if (rsPrinted < RATELIMIT_BURST) { rsPrinted++; return true; }
        rsMissed++;
        return false;
    }

    /** __oom_kill_process(victim, message). */
    private void oomKillProcessInner(OomControl oc, Task victim0, String message) {
        KernelProfile prof = profile();
        Task victim = findLockTaskMm(victim0);
        if (victim == null) {
            if (prof.alreadyExitingLine())
                world.kmsg().printk("I", String.format("%s: OOM victim %d (%s) is already exiting. Skip killing the task",
                        message, victim0.pid, victim0.comm));
            return;
        }
        Mm mm = victim.mm;
        world.countVmOomKill();
        if (victim.memcg != null) world.memcontrol().memcgMemoryEvent(victim.memcg, Memcg.Event.OOM_KILL);
        for (Task t : world.tasks()) if (t.tgid == victim.tgid) t.sigkill = true; // do_send_sig_info(SIGKILL, PIDTYPE_TGID)
        victim.signal.groupExit = true; // kernel/signal.c:complete_signal(): a fatal SIGKILL sets SIGNAL_GROUP_EXIT
        markOomVictim(victim);
        world.kmsg().printk("E", OomReport.killedLine(prof, message, victim));
        world.trace().killProcess(oc, victim, message);
        boolean canOomReap = true;
        for (Task p : world.processes()) {
            if (!processSharesMm(p, mm) || p.tgid == victim.tgid) continue;
            if (!prof.killAllMmSharers()) { // 4.4: kthreads, init and adj -1000 sharers skipped silently
                if (p.isKthread() || p.isGlobalInit() || p.signal.oomScoreAdj == OOM_SCORE_ADJ_MIN) continue;
            } else if (p.isGlobalInit()) {
                canOomReap = false;
                mm.oomSkip = true;
                world.kmsg().printk("I", String.format("oom killer %d (%s) has mm pinned by %d (%s)",
                        victim.pid, victim.comm, p.pid, p.comm));
                continue;
            }
            if (p.isKthread()) continue;
            for (Task t : world.tasks()) if (t.tgid == p.tgid) t.sigkill = true; // even adj -1000; not a "victim"
        }
        if (canOomReap) queueOomReaper(victim);
    }

    // ------------------------------------------------------------------ report

    /** dump_header(): header (+ BPF lines), memcg info or Mem-Info, the task dump. */
    void dumpHeader(OomControl oc) {
        KernelProfile prof = profile();
        Task current = world.current();
        if (current == null) throw new IllegalStateException("no current task set in the world");
        String header = OomReport.header(prof, current, oc.gfpMask, oc.order,
                oc.nodemask != null ? oc.nodemask : (prof.header() == Formats.Header.V4_9_NODEMASK ? current.memsAllowed == null ? world.allNodes() : current.memsAllowed : null));
        BpfOomHook hook = world.bpfOomHook();
        if (hook != null) header = hook.dumpHeaderFirstRecord(oc, header);
        world.kmsg().printk("W", header);
        if (hook != null) {
            String line = hook.dumpHeaderHandlerLine(oc);
            if (line != null) world.kmsg().printk("W", line);
        }
        if (prof.cpusetLine())
            world.kmsg().printk("I", current.comm + " cpuset=" + current.cpusetName + " mems_allowed="
                    + OomReport.bitmapList(current.memsAllowed == null ? world.allNodes() : current.memsAllowed));
        // dump_stack(): not modelled (no stack)
        if (oc.isMemcgOom()) {
            // ≤4.20 mem_cgroup_print_oom_info(memcg, p) names the chosen task's memcg (p = oc->chosen, NULL when
            // nothing was chosen yet: panic_on_oom, no victim)
            Memcg victimMemcg = oc.chosen == null || oc.chosenAbort ? null : oc.chosen.memcg;
            for (String l : OomReport.memcgOomInfo(prof, oc.memcg, victimMemcg, world.memcgSwapAccount()))
                world.kmsg().printk("I", l);
        } else {
            world.kmsg().printk("I", "Mem-Info:"); // __show_mem() body not modelled
        }
        if (world.oomDumpTasks()) dumpTasks(oc);
    }

    /** dump_tasks(): same order as the scan; skips unkillable, cpuset-ineligible (global) and mm-less tasks. */
    void dumpTasks(OomControl oc) {
        KernelProfile prof = profile();
        for (String l : OomReport.taskTableHeader(prof)) world.kmsg().printk("I", l);
        if (oc.isMemcgOom()) {
            Memcontrol.memCgroupScanTasks(oc.memcg, prof.memcgScanLeadersOnly(), p -> { dumpTask(p, oc); return false; });
        } else {
            for (Task p : world.processes()) dumpTask(p, oc);
        }
    }

    private void dumpTask(Task p, OomControl oc) {
        if (oomUnkillableTask(p)) return;
        if (!oc.isMemcgOom() && !oomCpusetEligible(p, oc)) return;
        Task task = findLockTaskMm(p);
        if (task == null) return;
        world.kmsg().printk("I", OomReport.taskRow(profile(), task));
    }

    /** dump_oom_victim(): the oom-kill: summary line (5.0+). */
    void dumpOomVictim(OomControl oc, Task victim) {
        Task current = world.current();
        String constraint = oc.constraint == null ? "CONSTRAINT_NONE" : oc.constraint.name();
        if (world.bpfOomHook() != null) constraint = world.bpfOomHook().oomConstraintText(oc, constraint);
        world.kmsg().printk("I", OomReport.summary(constraint, oc.nodemask, current,
                current.memsAllowed == null ? world.allNodes() : current.memsAllowed, oc.memcg, victim));
    }
}
