package dev.oomspec.conformance.runner;

/**
 * One cell of the revision matrix: what one clause × target run showed. Only {@link #FAIL} is red; the rule that
 * decides each cell is in docs/conformance.md ("What runs where, and what is red").
 */
public enum Cell {
  /** In-revision run, observed = expected. */
  PASS("pass"),
  /**
   * A real problem: an in-revision mismatch, a documented difference that does not hold, or a finding that no
   * longer reproduces. Fails the build.
   */
  FAIL("FAIL"),
  /** In-revision run that disagrees exactly where docs/findings.md says the revision's code disagrees. */
  FINDING("finding"),
  /** Cross-revision run that differs exactly as a sibling clause says this revision behaves (asserted). */
  DIFFERS("differs"),
  /** Cross-revision run that differs, and no clause says what this revision does: a gap in the spec, not red. */
  UNDOCUMENTED("undocumented"),
  /** Cross-revision run where the clause's words hold here too (it does not claim this revision). */
  SAME("same"),
  /** The target cannot express the call (reason recorded). */
  NOT_APPLICABLE("n/a"),
  /** Kind documented (op none): words only, not executable (reason recorded), never counted as passed. */
  DOCUMENTED("documented"),
  /** Not run against this target. */
  NOT_RUN("—");

  private final String spelling;

  Cell(String spelling) {
    this.spelling = spelling;
  }

  public String spelling() {
    return spelling;
  }

  public boolean failsBuild() {
    return this == FAIL;
  }

  public static Cell of(String s) {
    for (Cell c : values()) if (c.spelling.equals(s) || c.name().equals(s)) return c;
    throw new IllegalArgumentException("unknown cell '" + s + "'");
  }
}
