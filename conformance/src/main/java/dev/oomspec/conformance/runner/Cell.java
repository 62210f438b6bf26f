package dev.oomspec.conformance.runner;

/** One cell of the revision matrix. */
public enum Cell {
  /** In-revision run, observed = expected. */
  PASS("pass"),
  /** In-revision run, observed ≠ expected: a conformance failure. */
  FAIL("FAIL"),
  /** Cross-revision run, observed ≠ expected: the revisions differ (expected, not a failure). */
  DIFFERS("differs"),
  /** Cross-revision run, observed = expected: the clause holds in this revision as well. */
  SAME("same"),
  /** The target cannot express the call (reason recorded). */
  NOT_APPLICABLE("n/a"),
  /** Kind documented: not executable (reason recorded), never counted as passed. */
  DOCUMENTED("documented"),
  /** Not run against this target (other revision's own expanded row, or proposed variant). */
  NOT_RUN("—");

  private final String spelling;

  Cell(String spelling) {
    this.spelling = spelling;
  }

  public String spelling() {
    return spelling;
  }

  public static Cell of(String s) {
    for (Cell c : values()) if (c.spelling.equals(s) || c.name().equals(s)) return c;
    throw new IllegalArgumentException("unknown cell '" + s + "'");
  }
}
