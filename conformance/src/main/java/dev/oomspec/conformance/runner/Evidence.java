package dev.oomspec.conformance.runner;

import dev.oomspec.spec.model.Finding;
import java.util.List;

/** What, besides the clause itself, a run was judged by. */
public sealed interface Evidence {

  /** Judged by the clause alone. */
  record None() implements Evidence {}

  /** The clause has a finding for this revision (docs/findings.md): the words and the code are known to disagree. */
  record OfFinding(Finding finding) implements Evidence {}

  /**
   * A documented difference: the run's target must do what {@code difference.sibling()} says, and the clause must
   * hold on its own targets.
   *
   * @param difference the sibling and where the two clauses contradict each other
   * @param againstSibling the sibling's expected fields the target does not satisfy (empty when it differs as
   *     documented)
   * @param clauseSide the clause's call on each of its own targets, judged against the clause
   * @param siblingFinding the sibling's finding for this revision, or null
   */
  record OfDifference(Difference difference, List<Mismatch> againstSibling, List<Side> clauseSide,
      Finding siblingFinding) implements Evidence {
    public OfDifference {
      againstSibling = List.copyOf(againstSibling);
      clauseSide = List.copyOf(clauseSide);
    }
  }

  Evidence NONE = new None();
}
