package dev.oomspec.conformance.cli;

import dev.oomspec.traces.replay.ReplayInput;
import dev.oomspec.traces.replay.ReplayResult;
import dev.oomspec.traces.replay.ScoredCandidate;
import dev.oomspec.traces.replay.Verdict;
import java.util.Map;

/** The terminal form of a replay: one line per event, then the totals. */
final class TextSummary {
  private TextSummary() {}

  static String line(ReplayResult r) {
    ReplayInput in = r.input();
    StringBuilder b = new StringBuilder();
    b.append(String.format("%-11s %s:%d-%d  ", r.verdict().wireName(), in.source(), in.firstLine(), in.lastLine()));
    ReplayInput.KernelChoice k = in.kernelChoice();
    b.append("kernel: ").append(k == null ? "?" : k.comm() + " (" + k.pid() + ")");
    ReplayInput.KernelChoice m = r.modelVictim();
    b.append("  model: ").append(m == null ? "-" : m.comm() + " (" + m.pid() + ")");
    b.append("  — ").append(r.reason());
    if (r.verdict() == Verdict.DISAGREE) {
      b.append(System.lineSeparator()).append("            top candidates:");
      for (ScoredCandidate c : r.top(5)) {
        b.append(' ').append(c.comm()).append('(').append(c.pid()).append(")=")
            .append(c.points() == null ? c.verdict() : c.points().toString());
      }
    }
    return b.toString();
  }

  /** {@code             policy largest-rss (v3): different — the policy kills …} under its event's line. */
  static String policyLine(dev.oomspec.reports.PolicyView p) {
    return String.format("            policy %s (%s): %s — %s", p.name(), p.revision(), p.verdict(), p.reason());
  }

  static String totals(Map<Verdict, Long> counts, Map<String, Long> skipped) {
    long all = counts.values().stream().mapToLong(Long::longValue).sum();
    return String.format("%d OOM events replayed: %d agree, %d disagree, %d undecidable%s", all,
        counts.get(Verdict.AGREE), counts.get(Verdict.DISAGREE), counts.get(Verdict.UNDECIDABLE),
        skipped.isEmpty() ? "" : "; " + skipped(skipped));
  }

  /** {@code 1 user-space kill by earlyoom, 2 ftrace events: no kernel report, not replayed}. */
  static String skipped(Map<String, Long> byKind) {
    StringBuilder b = new StringBuilder();
    for (Map.Entry<String, Long> e : byKind.entrySet()) {
      if (b.length() > 0) {
        b.append(", ");
      }
      String kind = e.getKey();
      b.append(e.getValue()).append(' ').append(e.getValue() == 1 ? kind : plural(kind));
    }
    return b.append(": no kernel report, not replayed").toString();
  }

  private static String plural(String kind) {
    return kind.startsWith("user-space kill") ? kind.replaceFirst("kill", "kills") : kind + "s";
  }
}
