package dev.oomspec.reference.mm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;

/** mm/memcontrol.c (+ memcontrol-v1.c): the parts the OOM killer calls. */
public final class Memcontrol {
    private final World world;
    private final Memcg root;
    private long nextId = 2;

    public Memcontrol(World world, Memcg.Hierarchy hierarchy) {
        this.world = world;
        this.root = new Memcg("", null, hierarchy, 1);
    }

    /** root_mem_cgroup. */
    public Memcg root() { return root; }

    /** mkdir of a child cgroup. */
    public Memcg create(Memcg parent, String name) {
        Memcg m = new Memcg(name, parent, parent.hierarchy, nextId++);
        parent.children.add(m);
        return m;
    }

    /** Creates every missing component of an absolute path like {@code /a/b/c}. */
    public Memcg createPath(String path) {
        Memcg m = root;
        for (String part : path.split("/")) {
            if (part.isEmpty()) continue;
            Memcg next = null;
            for (Memcg c : m.children) if (c.name.equals(part)) next = c;
            m = next != null ? next : create(m, part);
        }
        return m;
    }

    /** mem_cgroup_get_from_ino() / cgroup_get_from_id(): the memcg with this cgroup id, or null (-ENOENT). */
    public Memcg lookupById(long cgroupId) {
        for (Memcg m : preOrder(root)) if (m.id == cgroupId) return m;
        return null;
    }

    public Memcg lookup(String path) {
        for (Memcg m : preOrder(root)) if (m.path().equals(path)) return m;
        return null;
    }

    /** Moves a task into a memcg (cgroup.procs write): appended at the tail of the css_set list. */
    public void attach(Task t, Memcg m) {
        if (t.memcg() != null) t.memcg().tasks.remove(t);
        m.tasks.add(t);
        t.memcg = m;
    }

    /** mem_cgroup_swappiness(): v2 and the root use vm.swappiness, v1 the memcg's own. */
    public int memCgroupSwappiness(Memcg memcg) {
        if (memcg.hierarchy == Memcg.Hierarchy.V2 || memcg.isRoot()) return world.vmSwappiness();
        return memcg.swappiness;
    }

    /** do_memsw_account(): the v1 controller accounts memory+swap. */
    public static boolean doMemswAccount(Memcg memcg) { return memcg.hierarchy == Memcg.Hierarchy.V1; }

    /** mem_cgroup_get_max() (6.1+ shape), in pages. */
    public long memCgroupGetMax(Memcg memcg) {
        long max = memcg.memoryMax;
        long totalSwap = world.totalSwapPages();
        if (doMemswAccount(memcg)) {
            if (memCgroupSwappiness(memcg) != 0) {
                long swap = memcg.memswMax - max; // unsigned in C; v1 enforces memsw >= memory
                max += Math.min(Math.max(swap, 0), totalSwap);
            }
        } else {
            if (memCgroupSwappiness(memcg) != 0) max += Math.min(memcg.swapMax, totalSwap);
        }
        return max;
    }

    /** mem_cgroup_margin(): pages left below the limit(s). */
    public long memCgroupMargin(Memcg memcg) {
        long margin = Math.max(0, memcg.memoryMax - memcg.memoryUsage);
        if (doMemswAccount(memcg)) margin = Math.min(margin, Math.max(0, memcg.memswMax - memcg.memswUsage));
        return margin;
    }

    /** css_for_each_descendant_pre(). */
    public static List<Memcg> preOrder(Memcg from) {
        List<Memcg> out = new ArrayList<>();
        walk(from, out);
        return out;
    }

    private static void walk(Memcg m, List<Memcg> out) {
        out.add(m);
        for (Memcg c : m.children) walk(c, out);
    }

    /**
     * mem_cgroup_scan_tasks(): pre-order over the subtree, css_task_iter order within each memcg; processes
     * only (CSS_TASK_ITER_PROCS) when {@code leadersOnly} (5.3+), every thread before. Stops when fn
     * returns true. BUG_ON for the root memcg.
     */
    public static void memCgroupScanTasks(Memcg memcg, boolean leadersOnly, Predicate<Task> fn) {
        if (memcg.isRoot()) throw new IllegalStateException("BUG_ON(mem_cgroup_is_root(memcg)) in mem_cgroup_scan_tasks");
        for (Memcg m : preOrder(memcg))
            for (Task t : List.copyOf(m.tasks)) {
                if (leadersOnly && !t.threadGroupLeader()) continue;
                if (fn.test(t)) return;
            }
    }

    /** memcg_memory_event(): counts on the memcg and (hierarchical memory.events) its non-root ancestors. */
    public void memcgMemoryEvent(Memcg memcg, Memcg.Event event) {
        memcg.eventsLocal.merge(event, 1L, Long::sum);
        for (Memcg m = memcg; m != null && !m.isRoot(); m = m.parent) m.events.merge(event, 1L, Long::sum);
    }

    /**
     * mem_cgroup_get_oom_group(): v2 only; the highest memcg with memory.oom.group between
     * the victim's memcg and the OOM domain (the OOMing memcg, or root for a global OOM).
     */
    public Memcg memCgroupGetOomGroup(Task victim, Memcg oomDomain) {
        if (!world.profile().oomGroup()) return null;
        Memcg domain = oomDomain == null ? root : oomDomain;
        Memcg memcg = victim.memcg();
        if (memcg == null || memcg.hierarchy != Memcg.Hierarchy.V2 || memcg.isRoot()) return null;
        if (!memcg.isDescendantOf(domain)) return null;
        Memcg oomGroup = null;
        for (Memcg m = memcg; m != null; m = m.parent) {
            if (m.oomGroup) oomGroup = m;
            if (m == domain) break;
        }
        return oomGroup;
    }

    /**
     * mem_cgroup_out_of_memory(): the charge-path memcg OOM. Takes oom_lock killably, skips the OOM if the
     * margin already fits 1 << order, else runs out_of_memory(). Returns out_of_memory()'s result, or
     * false on -EINTR (the kernel returns false there too).
     */
    public boolean memCgroupOutOfMemory(Memcg memcg, int gfpMask, int order) {
        OomControl oc = OomControl.memcg(memcg, gfpMask, order);
        if (world.oomLock().lockKillable() != 0) return true; // fatal signal: mutex_lock_killable fails → ret = true
        try {
            if (memCgroupMargin(memcg) >= (1L << order)) return true;
            return world.oomKill().outOfMemory(oc);
        } finally {
            world.oomLock().unlock();
        }
    }

    /** mem_cgroup_oom() from try_charge_memcg(): raise MEMCG_OOM, then the OOM (skipped for order > 3). */
    public boolean memCgroupOom(Memcg memcg, int gfpMask, int order) {
        if (order > OomKill.PAGE_ALLOC_COSTLY_ORDER) return false;
        memcgMemoryEvent(memcg, Memcg.Event.OOM);
        return memCgroupOutOfMemory(memcg, gfpMask, order);
    }
}
