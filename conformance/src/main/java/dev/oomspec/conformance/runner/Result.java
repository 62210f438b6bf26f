package dev.oomspec.conformance.runner;

import dev.oomspec.conformance.target.Answer;
import dev.oomspec.spec.model.Clause;
import java.util.List;

/**
 * One clause run against one target, judged.
 *
 * @param clause the clause
 * @param targetId the target's id
 * @param scope in-revision or cross-revision
 * @param cell the verdict (the matrix cell)
 * @param detail one line: the reason for n/a / documented, what did not match, or what differs
 * @param observed the target's answer, judged against the clause
 * @param evidence the finding or documented difference the run was also judged by
 */
public record Result(Clause clause, String targetId, Scope scope, Cell cell, String detail, Side observed,
    Evidence evidence) {

  /** What the target said (null for documented clauses). */
  public Answer answer() {
    return observed.answer();
  }

  /** The clause's expected fields the target does not satisfy. */
  public List<Mismatch> mismatches() {
    return observed.mismatches();
  }

  public boolean failsBuild() {
    return cell.failsBuild();
  }
}
