package dev.oomspec.reference.mm;

import dev.oomspec.reference.profile.Formats;
import dev.oomspec.reference.profile.KernelProfile;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;

/** The OOM report's format strings by profile, as pure functions. */
public final class OomReport {
    private OomReport() {}

    /** K(x): pages → kB on 4 KiB pages. */
    public static long k(long pages) { return pages << 2; }

    /** %*pbl of a node set: "0-7", "0,2"; null → "(null)". */
    public static String bitmapList(Set<Integer> nodes) {
        if (nodes == null) return "(null)";
        List<String> parts = new ArrayList<>();
        Integer start = null, prev = null;
        for (int n : new TreeSet<>(nodes)) {
            if (start == null) { start = n; prev = n; continue; }
            if (n == prev + 1) { prev = n; continue; }
            parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
            start = n; prev = n;
        }
        if (start != null) parts.add(start.equals(prev) ? "" + start : start + "-" + prev);
        return String.join(",", parts);
    }

    /** dump_header() first line. {@code nodemask} only matters ≤4.20. */
    public static String header(KernelProfile p, Task current, int gfp, int order, Set<Integer> nodemask) {
        String comm = current.comm();
        int adj = current.oomScoreAdj();
        return switch (p.header()) {
            case V5_0 -> String.format(Locale.ROOT, "%s invoked oom-killer: gfp_mask=%s, order=%d, oom_score_adj=%d",
                    comm, Gfp.format(gfp), order, adj);
            case V4_15_NODEMASK, V4_9_NODEMASK -> String.format(Locale.ROOT,
                    "%s invoked oom-killer: gfp_mask=%s, nodemask=%s, order=%d, oom_score_adj=%d",
                    comm, Gfp.format(gfp), bitmapList(nodemask), order, adj);
            case V4_12_NODEMASK_CONT -> String.format(Locale.ROOT,
                    "%s invoked oom-killer: gfp_mask=%s, nodemask=%s,  order=%d, oom_score_adj=%d",
                    comm, Gfp.format(gfp), bitmapList(nodemask), order, adj);
            case V4_4_NO_FLAGS -> String.format(Locale.ROOT, "%s invoked oom-killer: gfp_mask=0x%x, order=%d, oom_score_adj=%d",
                    comm, gfp, order, adj);
        };
    }

    /** mem_cgroup_print_oom_meminfo() usage lines, without the stats body. */
    public static List<String> memcgMeminfo(KernelProfile p, Memcg m, MemcgCounters c) {
        List<String> out = new ArrayList<>();
        out.add(String.format(Locale.ROOT, "memory: usage %dkB, limit %dkB, failcnt %d", k(c.memoryUsage()), k(m.memoryMax()), c.memoryFailcnt()));
        if (m.hierarchy() == Memcg.Hierarchy.V2 && !p.memcgV1LinesAlways())
            out.add(String.format(Locale.ROOT, "swap: usage %dkB, limit %dkB, failcnt %d", k(c.swapUsage()), k(m.swapMax()), c.swapFailcnt()));
        else {
            out.add(String.format(Locale.ROOT, "memory+swap: usage %dkB, limit %dkB, failcnt %d", k(c.memswUsage()), k(m.memswMax()), c.memswFailcnt()));
            out.add(String.format(Locale.ROOT, "kmem: usage %dkB, limit %dkB, failcnt %d", k(c.kmemUsage()), k(c.kmemMax()), c.kmemFailcnt()));
        }
        out.add("Memory cgroup stats for " + m.path() + ":");
        return out;
    }

    /** memcg1_stat_names[] of mem_cgroup_print_oom_info() ≤5.2 (4.4: no shmem), then mem_cgroup_lru_names[]. */
    private static final List<String> V1_STATS_4_4 = List.of("cache", "rss", "rss_huge", "mapped_file", "dirty", "writeback", "swap");
    private static final List<String> V1_STATS = List.of("cache", "rss", "rss_huge", "shmem", "mapped_file", "dirty", "writeback", "swap");
    private static final List<String> LRU_NAMES = List.of("inactive_anon", "active_anon", "inactive_file", "active_file", "unevictable");

    /**
     * The memcg block of a memcg OOM report by profile. ≤4.20 starts with {@code "Task in " + path +
     * " killed as a result of limit of " + path} (or {@code "Memory limit reached of cgroup " + path} without a
     * victim); ≤5.2 prints the three usage lines and one {@code "Memory cgroup stats for <path>:"} line per memcg of
     * the subtree with {@code " %s:%luKB"} pairs (swap only with swap accounting); 5.3+ see {@link #memcgMeminfo}.
     *
     * @param victimMemcg the chosen task's memcg, or null when nothing was chosen
     */
    public static List<String> memcgOomInfo(KernelProfile p, Memcg oomMemcg, Memcg victimMemcg, boolean swapAccount) {
        if (p.memcgInfo() == Formats.MemcgInfo.V5_3_STAT_BUFFER) return memcgMeminfo(p, oomMemcg, oomMemcg.counters());
        List<String> out = new ArrayList<>();
        if (p.memcgInfo() != Formats.MemcgInfo.V5_0_SUBTREE_LINES)
            out.add(victimMemcg != null
                    ? "Task in " + victimMemcg.path() + " killed as a result of limit of " + oomMemcg.path()
                    : "Memory limit reached of cgroup " + oomMemcg.path());
        List<String> usage = memcgMeminfo(p, oomMemcg, oomMemcg.counters());
        out.addAll(usage.subList(0, usage.size() - 1)); // ≤5.2: memory, memory+swap, kmem (memcgV1LinesAlways)
        List<String> names = p.memcgInfo() == Formats.MemcgInfo.V4_4_TASK_IN ? V1_STATS_4_4 : V1_STATS;
        for (Memcg m : dev.oomspec.reference.mm.Memcontrol.preOrder(oomMemcg)) { // for_each_mem_cgroup_tree
            StringBuilder sb = new StringBuilder("Memory cgroup stats for ").append(m.path()).append(':');
            for (String n : names) {
                if (n.equals("swap") && !swapAccount) continue;
                sb.append(' ').append(n).append(':').append(k(m.v1Stat(n))).append("KB");
            }
            for (String n : LRU_NAMES) sb.append(' ').append(n).append(':').append(k(m.v1Stat(n))).append("KB");
            out.add(sb.toString());
        }
        return out;
    }

    /** The counters printed by mem_cgroup_print_oom_meminfo(), in pages. */
    public record MemcgCounters(long memoryUsage, long memoryFailcnt, long memswUsage, long memswFailcnt,
                                long swapUsage, long swapFailcnt, long kmemUsage, long kmemMax, long kmemFailcnt) {}

    /** dump_tasks() header line(s). */
    public static List<String> taskTableHeader(KernelProfile p) {
        return switch (p.taskTable()) {
            case V6_8_RSS_SPLIT -> List.of("Tasks state (memory values in pages):",
                    "[  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name");
            case V4_19_PID7 -> List.of("Tasks state (memory values in pages):",
                    "[  pid  ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name");
            case V4_15_PGTABLES -> List.of("[ pid ]   uid  tgid total_vm      rss pgtables_bytes swapents oom_score_adj name");
            case V4_0_NR_PTES -> List.of("[ pid ]   uid  tgid total_vm      rss nr_ptes nr_pmds swapents oom_score_adj name");
        };
    }

    /** dump_task() row; {@code t} is the thread holding the mm (find_lock_task_mm). */
    public static String taskRow(KernelProfile p, Task t) {
        Mm mm = t.mm();
        return switch (p.taskTable()) {
            case V6_8_RSS_SPLIT -> String.format(Locale.ROOT, "[%7d] %5d %5d %8d %8d %8d %8d %9d %8d %8d         %5d %s",
                    t.pid(), t.uid(), t.tgid(), mm.totalVm(), mm.getMmRss(), mm.anonRss(), mm.fileRss(), mm.shmemRss(),
                    mm.pgtablesBytes(), mm.swapEnts(), t.oomScoreAdj(), t.comm());
            case V4_19_PID7 -> String.format(Locale.ROOT, "[%7d] %5d %5d %8d %8d %8d %8d         %5d %s",
                    t.pid(), t.uid(), t.tgid(), mm.totalVm(), mm.getMmRss(), mm.pgtablesBytes(), mm.swapEnts(),
                    t.oomScoreAdj(), t.comm());
            case V4_15_PGTABLES -> String.format(Locale.ROOT, "[%5d] %5d %5d %8d %8d %8d %8d         %5d %s",
                    t.pid(), t.uid(), t.tgid(), mm.totalVm(), mm.getMmRss(), mm.pgtablesBytes(), mm.swapEnts(),
                    t.oomScoreAdj(), t.comm());
            // ≤4.14: nr_ptes/nr_pmds modelled as pgtables_bytes / PAGE_SIZE and 0 (the model keeps bytes only)
            case V4_0_NR_PTES -> String.format(Locale.ROOT, "[%5d] %5d %5d %8d %8d %7d %7d %8d         %5d %s",
                    t.pid(), t.uid(), t.tgid(), mm.totalVm(), mm.getMmRss(), mm.pgtablesBytes() / 4096, 0,
                    mm.swapEnts(), t.oomScoreAdj(), t.comm());
        };
    }

    /** dump_oom_victim() summary line (5.0+). */
    public static String summary(String constraintText, Set<Integer> nodemask, Task current, Set<Integer> currentMems,
                                 Memcg oomMemcg, Task victim) {
        StringBuilder sb = new StringBuilder("oom-kill:constraint=").append(constraintText)
                .append(",nodemask=").append(bitmapList(nodemask))
                .append(",cpuset=").append(current.cpusetName())
                .append(",mems_allowed=").append(bitmapList(currentMems));
        if (oomMemcg != null) sb.append(",oom_memcg=").append(oomMemcg.path());
        else sb.append(",global_oom");
        sb.append(",task_memcg=").append(victim.memcg() == null ? "/" : victim.memcg().path());
        sb.append(",task=").append(victim.comm()).append(",pid=").append(victim.pid()).append(",uid=").append(victim.uid());
        return sb.toString();
    }

    /** ≤5.0: {@code "%s: Kill process %d (%s) score %u or sacrifice child"}; null from 5.1. */
    public static String killScoreLine(KernelProfile p, String message, Task chosen, long score) {
        return switch (p.killLine()) {
            case V4_4_NO_SHMEM, V4_5_SACRIFICE_CHILD ->
                    String.format(Locale.ROOT, "%s: Kill process %d (%s) score %d or sacrifice child", message, chosen.pid(), chosen.comm(), score);
            case V5_1_NO_SCORE, V5_4_UID_PGTABLES -> null;
        };
    }

    /** The "Killed process" line of __oom_kill_process(); {@code victim} is the thread holding the mm. */
    public static String killedLine(KernelProfile p, String message, Task victim) {
        List<String> l = killLines(p, message, victim, 0, victim);
        return l.get(l.size() - 1);
    }

    /** "Killed process" line(s); {@code score} only for ≤5.0 "Kill process … score". */
    public static List<String> killLines(KernelProfile p, String message, Task chosen, long score, Task victim) {
        Mm mm = victim.mm();
        String base = String.format(Locale.ROOT, "Killed process %d (%s) total-vm:%dkB, anon-rss:%dkB, file-rss:%dkB",
                victim.pid(), victim.comm(), k(mm.totalVm()), k(mm.anonRss()), k(mm.fileRss()));
        return switch (p.killLine()) {
            case V5_4_UID_PGTABLES -> List.of(String.format(Locale.ROOT, "%s: %s, shmem-rss:%dkB, UID:%d pgtables:%dkB oom_score_adj:%d",
                    message, base, k(mm.shmemRss()), victim.uid(), mm.pgtablesBytes() >> 10, victim.oomScoreAdj()));
            case V5_1_NO_SCORE -> List.of(String.format(Locale.ROOT, "%s: %s, shmem-rss:%dkB", message, base, k(mm.shmemRss())));
            case V4_5_SACRIFICE_CHILD -> List.of(
                    String.format(Locale.ROOT, "%s: Kill process %d (%s) score %d or sacrifice child", message, chosen.pid(), chosen.comm(), score),
                    String.format(Locale.ROOT, "%s, shmem-rss:%dkB", base, k(mm.shmemRss())));
            case V4_4_NO_SHMEM -> List.of(
                    String.format(Locale.ROOT, "%s: Kill process %d (%s) score %d or sacrifice child", message, chosen.pid(), chosen.comm(), score),
                    base);
        };
    }

    /** oom:mark_victim TP_printk; null when the profile has no such event. */
    public static String markVictim(KernelProfile p, Task t) {
        Mm mm = t.mm();
        return switch (p.markVictim()) {
            case NONE -> null;
            case PID_ONLY -> "pid=" + t.pid();
            case V6_9_EXTENDED -> String.format(Locale.ROOT,
                    "pid=%d comm=%s total-vm=%dkB anon-rss=%dkB file-rss:%dkB shmem-rss:%dkB uid=%d pgtables=%dkB oom_score_adj=%d",
                    t.pid(), t.comm(), k(mm.totalVm()), k(mm.anonRss()), k(mm.fileRss()), k(mm.shmemRss()), t.uid(),
                    mm.pgtablesBytes() >> 10, t.oomScoreAdj());
        };
    }

    /** Reaper success line. */
    public static String reaped(Task t, Mm mm) {
        return String.format(Locale.ROOT, "oom_reaper: reaped process %d (%s), now anon-rss:%dkB, file-rss:%dkB, shmem-rss:%dkB",
                t.pid(), t.comm(), k(mm.anonRss()), k(mm.fileRss()), k(mm.shmemRss()));
    }

    public static String unableToReap(Task t) { return String.format(Locale.ROOT, "oom_reaper: unable to reap pid:%d (%s)", t.pid(), t.comm()); }

    /** Version marker kept for callers that want to know which table format a profile prints. */
    public static Formats.TaskTable tableFormat(KernelProfile p) { return p.taskTable(); }
}
