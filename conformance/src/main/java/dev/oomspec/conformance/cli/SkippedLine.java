package dev.oomspec.conformance.cli;

import dev.oomspec.conformance.replay.ReplayDetails;
import dev.oomspec.reports.NoReportView;
import dev.oomspec.traces.event.OomEvent;

/** How an event without a kernel report is named and shown in the terminal output. */
final class SkippedLine {
  private SkippedLine() {}

  /** The kind counted in the totals: the origin, and the tool for a user-space kill. */
  static String kind(OomEvent e) {
    if (e.origin().equals("userspace-kill")) {
      String tool = e.notes().stream().filter(n -> n.startsWith("tool ")).map(n -> n.substring(5)).findFirst()
          .orElse("a user-space OOM killer");
      return "user-space kill by " + tool;
    }
    return e.origin() + " event";
  }

  /** One line for the text output. */
  static String line(OomEvent e) {
    NoReportView v = ReplayDetails.noReport(e);
    String what = e.origin().equals("userspace-kill")
        ? " — a user-space OOM killer's kill, not a kernel OOM report"
        : " — no kernel report (task table) to replay";
    return String.format("%-11s %s  %s: %s%s", "not-replayed", v.location(), e.origin(), v.says(), what);
  }
}
