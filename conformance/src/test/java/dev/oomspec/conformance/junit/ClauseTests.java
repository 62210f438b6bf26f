package dev.oomspec.conformance.junit;

import dev.oomspec.conformance.runner.Cell;
import dev.oomspec.conformance.runner.ClauseRunner;
import dev.oomspec.conformance.runner.Result;
import dev.oomspec.conformance.runner.RunRecord;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;

/**
 * The JUnit binding of {@link ClauseRunner}: one {@link DynamicTest} per (clause, target), named
 * {@code <clause id> @ <target>}. PASS/SAME pass; FAIL and DIFFERS fail with the mismatches (message prefixed
 * {@code [FAIL]} / {@code [differs, expected]}, which the Allure categories use); n/a and documented abort, which
 * Allure shows as skipped.
 */
public final class ClauseTests {
  private ClauseTests() {}

  public static Stream<DynamicTest> of(Predicate<Clause> select, Scope scope) {
    return Kit.SPEC.clauses().stream().filter(select)
        .flatMap(c -> ClauseRunner.plan(c, Kit.TARGETS, scope).stream())
        .map(p -> DynamicTest.dynamicTest(p.name(), () -> execute(p)));
  }

  public static Stream<DynamicTest> ofKind(ClauseKind kind, Scope scope) {
    return of(c -> c.kind() == kind, scope);
  }

  static void execute(ClauseRunner.Planned p) {
    AllureDecor.labels(p);
    Result r = ClauseRunner.run(p);
    Kit.RUNS.add(RunRecord.of(r));
    AllureDecor.attachments(r);
    switch (r.cell()) {
      case PASS, SAME -> { }
      case FAIL -> throw new AssertionFailedError("[FAIL] " + p.clause().id() + " on " + p.target().id() + ": "
          + r.detail());
      case DIFFERS -> throw new AssertionFailedError("[differs, expected] " + p.clause().id() + " does not claim "
          + p.target().id() + " and " + p.target().id() + " differs: " + r.detail());
      case NOT_APPLICABLE -> Assumptions.abort("not applicable to " + p.target().id() + ": " + r.detail());
      case DOCUMENTED -> Assumptions.abort("documented, not executable: " + r.detail());
      case NOT_RUN -> throw new IllegalStateException();
    }
  }

  static boolean is(Cell c, Cell... any) {
    for (Cell a : any) if (a == c) return true;
    return false;
  }
}
