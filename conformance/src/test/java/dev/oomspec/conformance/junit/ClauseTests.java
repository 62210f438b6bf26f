package dev.oomspec.conformance.junit;

import dev.oomspec.conformance.runner.Cell;
import dev.oomspec.conformance.runner.ClauseRunner;
import dev.oomspec.conformance.runner.Contradiction;
import dev.oomspec.conformance.runner.Difference;
import dev.oomspec.conformance.runner.Result;
import dev.oomspec.conformance.runner.RunRecord;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.conformance.runner.Siblings;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.opentest4j.AssertionFailedError;
import org.opentest4j.TestAbortedException;

/**
 * The JUnit binding of {@link ClauseRunner}. In-revision: one {@link DynamicTest} per (clause, target), named
 * {@code KILL-02 [4 v3]}. Cross-revision: one test per <em>documented</em> difference, named after what differs
 * ({@code KILL-02 [3 v2] differs: ret 0, not -EINVAL (KILL-02-absent-before-v3)}); a cross-revision run that no
 * clause documents is an observation, not a test — it is recorded for the matrix and the revision summaries
 * (same / undocumented / n/a) and never shown red.
 *
 * <p>Outcomes: pass and documented differences pass; a FAIL fails with {@code [FAIL] …}; a finding aborts with
 * {@code [finding F-NN] …} (Allure: status unknown, category Findings, see {@link ReportShaping}); n/a and
 * documented clauses abort with their reason (Allure: skipped).
 */
public final class ClauseTests {
  private ClauseTests() {}

  public static Stream<DynamicTest> of(Predicate<Clause> select, Scope scope) {
    return of(Kit.SPEC.clauses().stream().filter(select).toList(), Kit.TARGETS, Kit.SIBLINGS, scope);
  }

  /** The tests of {@code clauses} on {@code targets} (the kit's own tests pass synthetic clauses here). */
  public static Stream<DynamicTest> of(List<Clause> clauses, List<? extends Target> targets, Siblings siblings,
      Scope scope) {
    List<DynamicTest> tests = new ArrayList<>();
    for (Clause c : clauses) {
      for (ClauseRunner.Planned p : ClauseRunner.plan(c, targets, scope, siblings)) {
        if (scope == Scope.CROSS_REVISION && !p.assertsDifference()) {
          Result r = ClauseRunner.run(p);
          RunRecord rec = RunRecord.of(r);
          if (r.cell() == Cell.UNDOCUMENTED)
            rec = rec.withSibling(String.join(" ", siblings.compatible(c, p.target())));
          Kit.RUNS.add(rec);
          continue;
        }
        tests.add(DynamicTest.dynamicTest(name(p), () -> execute(p)));
      }
    }
    return tests.stream();
  }

  public static Stream<DynamicTest> ofKind(ClauseKind kind, Scope scope) {
    return of(c -> c.kind() == kind, scope);
  }

  /** {@code KILL-02 [4 v3]}, or for a documented difference what differs and who says so. */
  static String name(ClauseRunner.Planned p) {
    String base = p.clause().id() + " [" + Kit.revisionLabel(p.target().id()) + "]";
    Difference d = p.difference();
    if (d == null) return base;
    List<String> parts = new ArrayList<>();
    for (Contradiction c : d.contradictions()) {
      if (parts.size() == 2) {
        parts.add("…");
        break;
      }
      parts.add(c.field() + " " + c.siblingSays() + ", not " + c.clauseSays());
    }
    return base + " differs: " + String.join("; ", parts) + " (" + d.sibling().id() + ")";
  }

  static void execute(ClauseRunner.Planned p) {
    AllureDecor.labels(p);
    Result r = ClauseRunner.run(p);
    Kit.RUNS.add(RunRecord.of(r));
    AllureDecor.describe(p, r);
    String on = p.clause().id() + " on " + p.target().id() + ": ";
    switch (r.cell()) {
      case PASS, DIFFERS -> { }
      case FAIL -> throw new AssertionFailedError("[FAIL] " + on + r.detail());
      case FINDING -> throw new TestAbortedException("[finding " + RunRecord.of(r).finding() + "] " + on + r.detail());
      case NOT_APPLICABLE -> throw new TestAbortedException("not applicable to " + p.target().id() + ": " + r.detail());
      case DOCUMENTED -> throw new TestAbortedException("documented, not executable: " + r.detail());
      case SAME, UNDOCUMENTED, NOT_RUN -> throw new IllegalStateException(r.cell() + " is not a test outcome: " + on);
    }
  }
}
