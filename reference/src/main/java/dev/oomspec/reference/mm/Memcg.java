package dev.oomspec.reference.mm;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * struct mem_cgroup: page counters (memory, memsw for v1, swap for v2, kmem for the report), swappiness,
 * memory.oom.group, memory.events. All counters in pages. Tasks are kept in attach order
 * (css_task_iter order).
 */
public final class Memcg {
    /** PAGE_COUNTER_MAX on 64-bit with 4 KiB pages: LONG_MAX / PAGE_SIZE; prints as 9007199254740988kB. */
    public static final long PAGE_COUNTER_MAX = Long.MAX_VALUE / 4096;

    /** Which hierarchy the memory controller is mounted on. */
    public enum Hierarchy { V1, V2 }

    /** enum memcg_memory_event. */
    public enum Event { LOW, HIGH, MAX, OOM, OOM_KILL, OOM_GROUP_KILL }

    final String name;
    final Memcg parent;
    final Hierarchy hierarchy;
    final List<Memcg> children = new ArrayList<>();
    final List<Task> tasks = new ArrayList<>();
    long memoryMax = PAGE_COUNTER_MAX, memswMax = PAGE_COUNTER_MAX, swapMax = PAGE_COUNTER_MAX,
            kmemMax = PAGE_COUNTER_MAX;
    long memoryUsage, memswUsage, swapUsage, kmemUsage;
    /** NR_FILE_PAGES as a report printed it (pages); -1: computed from the subtree's mms. */
    long filePages = -1;
    long memoryFailcnt, memswFailcnt, swapFailcnt, kmemFailcnt;
    int swappiness = 60;
    boolean oomGroup;
    boolean dying;
    final Map<Event, Long> events = new EnumMap<>(Event.class);
    final Map<Event, Long> eventsLocal = new EnumMap<>(Event.class);
    /** memcg1 page-state counters by memory.stat name (cache, rss, …, inactive_anon, …), in pages; absent = 0. */
    final Map<String, Long> v1Stats = new java.util.HashMap<>();
    final long id;

    Memcg(String name, Memcg parent, Hierarchy hierarchy, long id) {
        this.name = name; this.parent = parent; this.hierarchy = hierarchy; this.id = id;
    }

    /** Task leaves this memcg (exit). */
    public void tasksRemove(Task t) { tasks.remove(t); }

    public String name() { return name; }
    public Memcg parent() { return parent; }
    public Hierarchy hierarchy() { return hierarchy; }
    public List<Memcg> children() { return List.copyOf(children); }
    public List<Task> tasks() { return List.copyOf(tasks); }
    public boolean isRoot() { return parent == null; }
    /** cgroup id (kernfs ino); root is 1. */
    public long cgroupId() { return id; }
    public boolean oomGroup() { return oomGroup; }
    public boolean dying() { return dying; }
    public long memoryMax() { return memoryMax; }
    public long memswMax() { return memswMax; }
    public long swapMax() { return swapMax; }
    public long memoryUsage() { return memoryUsage; }
    public int swappiness() { return swappiness; }

    /** cgroup_path(): "/" for root, else "/a/b". */
    public String path() {
        if (parent == null) return "/";
        String pp = parent.path();
        return (pp.equals("/") ? "" : pp) + "/" + name;
    }

    /** memory.events (hierarchical). */
    public long events(Event e) { return events.getOrDefault(e, 0L); }
    /** memory.events.local. */
    public long eventsLocal(Event e) { return eventsLocal.getOrDefault(e, 0L); }

    /** Is this memcg {@code ancestor} or below it (mem_cgroup_is_descendant). */
    public boolean isDescendantOf(Memcg ancestor) {
        for (Memcg m = this; m != null; m = m.parent) if (m == ancestor) return true;
        return false;
    }

    public Memcg setMemoryMax(long pages) { memoryMax = pages; return this; }
    public Memcg setMemswMax(long pages) { memswMax = pages; return this; }
    public Memcg setSwapMax(long pages) { swapMax = pages; return this; }
    public Memcg setSwappiness(int v) { swappiness = v; return this; }
    public Memcg setOomGroup(boolean v) { oomGroup = v; return this; }
    /** Sets one memcg1 stat (pages) printed by the ≤5.2 "Memory cgroup stats for" lines. */
    public Memcg setV1Stat(String name, long pages) { v1Stats.put(name, pages); return this; }
    /** One memcg1 stat in pages (0 if never set). */
    public long v1Stat(String name) { return v1Stats.getOrDefault(name, 0L); }
    public Memcg setDying(boolean v) { dying = v; return this; }
    /** NR_FILE_PAGES of this memcg as printed (pages), instead of the file + shmem rss of its tasks' mms. */
    public Memcg setFilePages(long pages) { filePages = pages; return this; }
    public Memcg setMemoryUsage(long pages, long failcnt) { memoryUsage = pages; memoryFailcnt = failcnt; return this; }
    public Memcg setMemswUsage(long pages, long failcnt) { memswUsage = pages; memswFailcnt = failcnt; return this; }
    public Memcg setSwapUsage(long pages, long failcnt) { swapUsage = pages; swapFailcnt = failcnt; return this; }
    public Memcg setKmem(long usagePages, long maxPages, long failcnt) {
        kmemUsage = usagePages; kmemMax = maxPages; kmemFailcnt = failcnt; return this;
    }

    /** The page counters mem_cgroup_print_oom_meminfo() prints. */
    public dev.oomspec.reference.mm.OomReport.MemcgCounters counters() {
        return new dev.oomspec.reference.mm.OomReport.MemcgCounters(memoryUsage, memoryFailcnt, memswUsage, memswFailcnt,
                swapUsage, swapFailcnt, kmemUsage, kmemMax, kmemFailcnt);
    }

    @Override public String toString() { return "memcg " + path(); }
}
