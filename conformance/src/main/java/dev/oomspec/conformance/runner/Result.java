package dev.oomspec.conformance.runner;

import dev.oomspec.conformance.target.Answer;
import dev.oomspec.spec.model.Clause;
import java.util.List;

/**
 * One clause run against one target.
 *
 * @param clause the clause
 * @param targetId the target's id
 * @param scope in-revision or cross-revision
 * @param cell the matrix cell
 * @param mismatches the fields that did not match (empty unless FAIL / DIFFERS)
 * @param answer what the target said (null for documented clauses)
 * @param detail one line: reason for n/a / documented, mismatches for FAIL / DIFFERS
 */
public record Result(Clause clause, String targetId, Scope scope, Cell cell, List<Mismatch> mismatches,
    Answer answer, String detail) {

  public boolean failsBuild() {
    return cell == Cell.FAIL;
  }
}
