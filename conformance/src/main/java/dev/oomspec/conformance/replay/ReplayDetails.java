package dev.oomspec.conformance.replay;

import dev.oomspec.reports.EventContext;
import dev.oomspec.reports.NoReportView;
import dev.oomspec.reports.PointsBreakdown;
import dev.oomspec.traces.event.MemcgInfo;
import dev.oomspec.traces.event.Missing;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.Victim;
import dev.oomspec.traces.read.SyslogPrefix;
import dev.oomspec.traces.replay.ReplayInput;
import dev.oomspec.traces.replay.ReplayResult;
import dev.oomspec.traces.replay.ScoredCandidate;
import dev.oomspec.traces.replay.Verdict;
import java.util.List;
import java.util.Locale;

/**
 * The parts of the HTML page that explain a kill: the event's context (when, trigger, scope, the kernel's kill
 * line), each candidate's points in their parts, why an ineligible one was skipped, and what an event without a
 * kernel report says.
 */
public final class ReplayDetails {
  /** The model's page size for page-table bytes ({@code PAGE_SIZE} of the reference model). */
  static final long PAGE_BYTES = 4096;

  private ReplayDetails() {}

  /** The context of a replayed event; {@code lines} (may be empty) give the wall clock of its first line. */
  public static EventContext context(OomEvent e, ReplayResult r, List<String> lines) {
    EventContext.Trigger trigger = e.trigger() == null && e.gfpMask() == null ? null : new EventContext.Trigger(
        e.trigger() == null ? null : e.trigger().comm(), e.trigger() == null ? null : e.trigger().pid(),
        e.gfpMask(), e.order(), e.trigger() == null ? null : e.trigger().oomScoreAdj());
    return new EventContext(when(e, lines), trigger, scope(e, r), kill(e),
        e.hints() == null ? null : e.hints().kernelRelease(), note(r),
        e.missing().stream().map(Missing::what).toList());
  }

  /** What the reason adds to the verdict: for an agree only the qualifications (incomplete table, no killable). */
  static String note(ReplayResult r) {
    if (r.verdict() != Verdict.AGREE) {
      return r.reason();
    }
    String reason = r.reason();
    if (reason.contains("incomplete") || reason.contains("no killable") || reason.contains("neither")) {
      return reason;
    }
    return null;
  }

  static String when(OomEvent e, List<String> lines) {
    String wall = null;
    if (lines != null && !lines.isEmpty()) {
      SyslogPrefix p = SyslogPrefix.parse(lines.get(0));
      if (p != null) {
        wall = p.wallClock();
      }
    }
    String mono = e.timestamp() == null ? null
        : String.format(Locale.ROOT, "%.3f s after boot", e.timestamp());
    if (wall == null) {
      return mono;
    }
    return mono == null ? wall : wall + " (" + mono + ")";
  }

  static EventContext.Scope scope(OomEvent e, ReplayResult r) {
    String c = e.constraint();
    MemcgInfo m = e.memcg();
    String kind;
    if (c != null && c.contains("MEMCG") || m != null && m.limitKb() != null) {
      kind = "memcg";
    } else if (c != null && c.contains("CPUSET")) {
      kind = "cpuset";
    } else if (c != null && c.contains("MEMORY_POLICY")) {
      kind = "mempolicy";
    } else if (Boolean.TRUE.equals(e.globalOom()) || c != null && c.contains("NONE")
        || r.input().kind() == ReplayInput.OomKind.GLOBAL) {
      kind = "global";
    } else {
      kind = "unknown";
    }
    Long swapLimit = null;
    String swapLabel = null;
    if (m != null && m.memoryAndSwap() != null) {
      swapLimit = m.memoryAndSwap().limitKb();
      swapLabel = "memory+swap";
    } else if (m != null && m.swap() != null) {
      swapLimit = m.swap().limitKb();
      swapLabel = "swap";
    }
    String oomMemcg = e.oomMemcg() != null ? e.oomMemcg()
        : r.input().memcg() == null ? null : r.input().memcg().oomMemcg();
    return new EventContext.Scope(kind, c, oomMemcg, e.taskMemcg(), m == null ? null : m.usageKb(),
        m == null ? null : m.limitKb(), swapLimit, swapLabel, e.cpuset(), e.memsAllowed(), null);
  }

  static EventContext.Kill kill(OomEvent e) {
    Victim v = e.victim();
    if (v == null) {
      return null;
    }
    return new EventContext.Kill(v.pid(), v.comm(), v.uid() == null ? null : v.uid().intValue(), v.totalVmKb(),
        v.anonRssKb(), v.fileRssKb(), v.shmemRssKb(), v.pgtablesKb(), v.oomScoreAdj());
  }

  /** The candidate's points in their parts, or null when its row or the totalpages is not known. */
  public static PointsBreakdown breakdown(ReplayResult r, ScoredCandidate c) {
    Long tp = r.totalpages();
    if (tp == null || c.points() == null) {
      return null;
    }
    ReplayInput.TaskRow row = r.input().tasks().stream().filter(t -> t.pid() == c.pid()).findFirst().orElse(null);
    if (row == null) {
      return null;
    }
    long pgt = row.pgtablesBytes() != null ? row.pgtablesBytes() / PAGE_BYTES
        : (row.nrPtes() == null ? 0 : row.nrPtes()) + (row.nrPmds() == null ? 0 : row.nrPmds());
    long base = row.rss() + row.swapents() + pgt;
    int adj = Math.max(-1000, Math.min(1000, row.oomScoreAdj()));
    long adjPoints = adj * (tp / 1000);
    long points = c.points();
    long bonus = 0;
    String note = null;
    if (base + adjPoints != points) {
      long withBonus = base - base * 3 / 100 + adjPoints;
      if (withBonus == points || withBonus <= 0 && points == 1) {
        bonus = base * 3 / 100; // ≤4.16: root (uid 0 stands in for CAP_SYS_ADMIN) loses 3 %
      }
      if (base - bonus + adjPoints <= 0 && points == 1) {
        note = "the sum is not positive; kernels before 5.9 return 1 (unsigned badness)";
      } else if (base - bonus + adjPoints != points) {
        note = "the model's points differ from the parts (" + (base - bonus + adjPoints) + ")";
      }
    }
    int pageKb = r.input().pageSizeKb() == null ? 4 : r.input().pageSizeKb();
    return new PointsBreakdown(row.rss(), row.swapents(), pgt, bonus, adj, tp, adjPoints, points, pageKb, note);
  }

  /** Why the model may not pick a candidate, in an SRE's words. */
  public static String whyIneligible(ScoredCandidate c) {
    String v = c.verdict();
    if (v == null) {
      return "ineligible";
    }
    return switch (v) {
      case "ineligible" -> c.oomScoreAdj() <= -1000
          ? "oom_score_adj -1000 (OOM_SCORE_ADJ_MIN): never killed"
          : "oom_badness() ineligible: its mm was already reaped (MMF_OOM_SKIP) or it is in vfork";
      case "unkillable" -> "unkillable: init or a kernel thread";
      case "existing victim: abort" -> "an earlier victim still exiting: the kernel waits instead of killing again";
      case "victim with MMF_OOM_SKIP" -> "an earlier victim whose memory was already reaped: skipped";
      default -> v;
    };
  }

  /** An event without a kernel report, for the page's list. */
  public static NoReportView noReport(OomEvent e) {
    String loc = e.firstLine() == e.lastLine() ? e.source() + ":" + e.firstLine()
        : e.source() + ":" + e.firstLine() + "-" + e.lastLine();
    StringBuilder b = new StringBuilder();
    if (e.victim() != null) {
      b.append("killed ").append(e.victim().comm() == null ? "?" : e.victim().comm()).append(" (pid ")
          .append(e.victim().pid()).append(')');
    } else if (!e.killed().isEmpty()) {
      b.append("killed pid ").append(e.killed());
    } else {
      b.append("no victim named");
    }
    if (e.trigger() != null && (e.trigger().comm() != null || e.trigger().pid() != null)) {
      b.append("; triggered by ").append(e.trigger().comm() == null ? "?" : e.trigger().comm());
      if (e.trigger().pid() != null) {
        b.append(" (pid ").append(e.trigger().pid()).append(')');
      }
    }
    if (e.taskMemcg() != null) {
      b.append("; cgroup ").append(e.taskMemcg());
    }
    for (String n : e.notes()) {
      b.append("; ").append(n);
    }
    return new NoReportView(loc, e.origin(), b.toString());
  }
}
