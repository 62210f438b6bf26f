package dev.oomspec.traces.capture;

import java.nio.file.Path;
import java.util.Optional;

/** What running one scenario gave. */
public sealed interface CaptureOutcome
    permits CaptureOutcome.Captured, CaptureOutcome.Skipped, CaptureOutcome.Failed {

  /** The scenario name. */
  String scenario();

  /** One line for a person. */
  String summary();

  /**
   * The kernel killed as expected (or not: see {@link CaptureReport#ok()}); the files are written.
   *
   * @param dir    the output directory holding NAME.kmsg, .dmesg, .ftrace, .json, .yaml
   * @param json   NAME.json
   * @param report what NAME.json holds
   */
  record Captured(String scenario, Path dir, Path json, CaptureReport report) implements CaptureOutcome {
    @Override
    public String summary() {
      return String.format(
          "%-22s %s  kills %d/%d  %d ms  -> %s",
          scenario,
          report.ok() ? "ok  " : "FAIL",
          report.kills().size(),
          report.expectedKills(),
          report.durationMs(),
          report.ok() ? json : report.outcome());
    }
  }

  /** Not run: this machine cannot (reason says why). */
  record Skipped(String scenario, String reason) implements CaptureOutcome {
    @Override
    public String summary() {
      return String.format("%-22s skip  %s", scenario, reason);
    }
  }

  /** Started but could not be completed (worker failed, timeout, interrupted); cleaned up. */
  record Failed(String scenario, String reason) implements CaptureOutcome {
    @Override
    public String summary() {
      return String.format("%-22s FAIL  %s", scenario, reason);
    }
  }

  /** Whether this outcome counts as a failure (unexpected kills or an error). */
  default boolean failed() {
    return this instanceof Failed || (this instanceof Captured c && !c.report().ok());
  }

  /** The report when there is one. */
  default Optional<CaptureReport> reportIfAny() {
    return this instanceof Captured c ? Optional.of(c.report()) : Optional.empty();
  }
}
