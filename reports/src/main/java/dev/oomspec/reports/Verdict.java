package dev.oomspec.reports;

import java.util.Locale;

/** How the model's choice compares with the victim the kernel recorded for one OOM event. */
public enum Verdict {
  /** The model picked the same victim as the kernel. */
  AGREE,
  /** The model picked another victim (or none) where the kernel killed one. */
  DISAGREE,
  /** The recorded log does not hold enough to decide (e.g. no task dump). */
  UNDECIDABLE;

  /** The lower-case name used in JSON lines, CSV and HTML: {@code agree}, {@code disagree}, {@code undecidable}. */
  public String wireName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
