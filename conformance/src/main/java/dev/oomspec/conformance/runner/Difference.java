package dev.oomspec.conformance.runner;

import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.model.Clause;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A difference between revisions that the spec documents: {@code sibling} makes the same call from the same world
 * as the clause, claims the target the clause is run on cross-revision, and expects something the clause
 * contradicts.
 *
 * @param sibling the clause that says what the target does
 * @param contradictions where the two clauses' expectations disagree (never empty)
 * @param clauseTargets the targets where the clause itself holds (the other side of the difference)
 */
public record Difference(Clause sibling, List<Contradiction> contradictions, List<Target> clauseTargets) {
  public Difference {
    contradictions = List.copyOf(contradictions);
    clauseTargets = List.copyOf(clauseTargets);
    if (contradictions.isEmpty()) throw new IllegalArgumentException("a difference needs a contradiction");
  }

  /** "ret -EINVAL, killed false" — what the clause says, field by field. */
  public String clauseSide() {
    return contradictions.stream().map(c -> c.field() + " " + c.clauseSays()).collect(Collectors.joining(", "));
  }

  /** "ret 0, killed true" — what the sibling says, field by field. */
  public String siblingSide() {
    return contradictions.stream().map(c -> c.field() + " " + c.siblingSays()).collect(Collectors.joining(", "));
  }

  /** "v3, post" */
  public String clauseTargetIds() {
    return clauseTargets.stream().map(Target::id).collect(Collectors.joining(", "));
  }
}
