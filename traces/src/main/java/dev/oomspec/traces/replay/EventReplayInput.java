package dev.oomspec.traces.replay;

import dev.oomspec.traces.event.KillLine;
import dev.oomspec.traces.event.MemcgInfo;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.ProfileHints;
import dev.oomspec.traces.event.TaskRow;
import dev.oomspec.traces.event.Victim;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Turns an {@link OomEvent} read from any log format into the replay engine's {@link ReplayInput}. */
public final class EventReplayInput {
  private EventReplayInput() {}

  /** True when the event is a kernel OOM report (not a lone ftrace event or a tool line). */
  public static boolean replayable(OomEvent e) {
    return "kernel-report".equals(e.origin());
  }

  public static ReplayInput of(OomEvent e) {
    List<String> cols = e.taskColumns();
    List<ReplayInput.TaskRow> rows = new ArrayList<>();
    boolean rowsOk = true;
    for (TaskRow r : e.tasks()) {
      ReplayInput.TaskRow row = row(r);
      if (row == null) rowsOk = false;
      else rows.add(row);
    }
    boolean tableComplete = rowsOk && !e.lacks("task row") && !e.lacks("task rows") && !e.lacks("task table");
    ProfileHints h = e.hints();
    return new ReplayInput(
        e.source(), e.firstLine(), e.lastLine(),
        h == null ? null : h.kernelRelease(),
        hints(e, cols),
        kind(e),
        e.constraint(),
        memcg(e),
        global(e.globalMemory()),
        rows,
        tableComplete,
        choice(e),
        e.killed(),
        e.outcome().stream().anyMatch(o -> o.contains("no killable processes")),
        pageSizeKb(e),
        e.trigger() == null ? null : new ReplayInput.Trigger(e.trigger().pid(), e.trigger().comm()));
  }

  private static ReplayInput.TaskRow row(TaskRow r) {
    Long pid = r.pid();
    Long rss = r.number("rss");
    Long adj = r.number("oom_score_adj");
    String name = r.name();
    if (pid == null || rss == null || adj == null || name == null) return null;
    Long uid = r.number("uid");
    Long tgid = r.number("tgid");
    Long totalVm = r.number("total_vm");
    Long swap = r.number("swapents");
    return new ReplayInput.TaskRow(pid.intValue(), uid == null ? -1 : uid.intValue(),
        tgid == null ? pid.intValue() : tgid.intValue(), totalVm == null ? 0 : totalVm, rss,
        r.number("rss_anon"), r.number("rss_file"), r.number("rss_shmem"), r.number("pgtables_bytes"),
        r.number("nr_ptes"), r.number("nr_pmds"), swap == null ? 0 : swap, adj.intValue(), name);
  }

  private static Set<FormatHint> hints(OomEvent e, List<String> cols) {
    Set<FormatHint> s = EnumSet.noneOf(FormatHint.class);
    if (cols.contains("rss_anon")) s.add(FormatHint.TABLE_RSS_SPLIT);
    else if (cols.contains("pgtables_bytes")) s.add(FormatHint.TABLE_PGTABLES_BYTES);
    else if (cols.contains("nr_pmds")) s.add(FormatHint.TABLE_NR_PTES_PMDS);
    else if (cols.contains("nr_ptes")) s.add(FormatHint.TABLE_NR_PTES);
    else if (cols.contains("oom_adj") && cols.contains("cpu")) s.add(FormatHint.TABLE_CPU_OOM_ADJ);
    if (e.constraint() != null) s.add(FormatHint.SUMMARY_LINE);
    for (KillLine k : e.kills()) {
      if (k.kind().equals("kill-score")) s.add(FormatHint.KILL_SACRIFICE_CHILD);
      Victim v = k.sizes();
      if (k.kind().equals("killed") && v != null && v.uid() != null && v.pgtablesKb() != null && v.oomScoreAdj() != null) {
        s.add(FormatHint.KILL_UID_PGTABLES_ADJ);
      }
    }
    if (e.memcg() != null && e.memcg().swap() != null) s.add(FormatHint.MEMCG_SWAP_LINE);
    ProfileHints h = e.hints();
    if (h != null && "nodemask".equals(h.headerVariant())) s.add(FormatHint.HEADER_NODEMASK);
    if (h != null && "hex".equals(h.headerVariant())) s.add(FormatHint.HEADER_NO_GFP_NAMES);
    return s;
  }

  private static ReplayInput.OomKind kind(OomEvent e) {
    if (e.memcg() != null || "CONSTRAINT_MEMCG".equals(e.constraint())) {
      String cg = e.hints() == null ? null : e.hints().cgroup();
      if ("v1".equals(cg)) return ReplayInput.OomKind.MEMCG_V1;
      if ("v2".equals(cg)) return ReplayInput.OomKind.MEMCG_V2;
      return ReplayInput.OomKind.MEMCG_UNKNOWN_HIERARCHY;
    }
    if (Boolean.TRUE.equals(e.globalOom()) || e.constraint() != null || !e.globalMemory().isEmpty()) {
      return ReplayInput.OomKind.GLOBAL;
    }
    return ReplayInput.OomKind.UNKNOWN;
  }

  private static ReplayInput.MemcgLimits memcg(OomEvent e) {
    MemcgInfo m = e.memcg();
    if (m == null || m.memory() == null) return null;
    return new ReplayInput.MemcgLimits(e.oomMemcg(), m.usageKb(), m.limitKb(),
        m.memoryAndSwap() == null ? null : m.memoryAndSwap().limitKb(),
        m.swap() == null ? null : m.swap().limitKb());
  }

  private static ReplayInput.GlobalTotals global(Map<String, Long> g) {
    if (g.isEmpty()) return null;
    return new ReplayInput.GlobalTotals(g.get("pages_RAM"), g.get("pages_reserved"), g.get("pages_cma_reserved"),
        g.get("total_swap_kb"));
  }

  /** Before 5.1 the scored process ({@code Kill process … score}) is the selection; a child may be what died. */
  private static ReplayInput.KernelChoice choice(OomEvent e) {
    for (KillLine k : e.kills()) {
      if (k.kind().equals("kill-score")) {
        return new ReplayInput.KernelChoice(k.pid(), k.comm(), k.score(), "Kill process line " + k.line());
      }
    }
    Victim v = e.victim();
    if (v == null) return null;
    return new ReplayInput.KernelChoice(v.pid(), v.comm(), null, v.from());
  }

  /** The page size proven by a kill line's kB sizes against the victim's table row (pages). */
  private static Integer pageSizeKb(OomEvent e) {
    Victim v = e.victim();
    if (v == null || v.anonRssKb() == null || v.fileRssKb() == null || v.shmemRssKb() == null) return null;
    long kb = v.anonRssKb() + v.fileRssKb() + v.shmemRssKb();
    for (TaskRow r : e.tasks()) {
      Long pid = r.pid();
      Long rss = r.number("rss");
      if (pid != null && pid == v.pid() && rss != null && rss > 0 && kb > 0 && kb % rss == 0) {
        long size = kb / rss;
        if (size == 4 || size == 8 || size == 16 || size == 64) return (int) size;
      }
    }
    return null;
  }
}
