package dev.oomspec.traces.replay;

/** Whether the model picks the process the kernel picked. */
public enum Verdict {
  /** The model selects the kernel's victim (or, like the kernel, finds nobody to kill). */
  AGREE,
  /** The model selects another process; the result lists both sides' top candidates. */
  DISAGREE,
  /** The report lacks something the decision depends on; the reason says what. */
  UNDECIDABLE;

  public String wireName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }
}
