package dev.oomspec.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.conformance.runner.Cell;
import dev.oomspec.conformance.runner.ClauseRunner;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.conformance.runner.Siblings;
import dev.oomspec.conformance.runner.TargetSelection;
import dev.oomspec.conformance.target.Answer;
import dev.oomspec.conformance.target.ReferenceTarget;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.Clause;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Which targets a clause runs against, and what a target says when it cannot express a call. */
class ApplicabilityTest {
  static final Spec SPEC = Spec.loadDefault();
  static final List<Target> ALL = ReferenceTarget.all(SPEC);

  static List<String> ids(Clause c, Scope s) {
    return ClauseRunner.plan(c, ALL, s).stream().map(p -> p.target().id()).toList();
  }

  @Test
  void inRevisionFollowsRevisions() {
    Clause kill02 = SPEC.clause("KILL-02").orElseThrow();
    assertEquals(List.of("v3", "post"), ids(kill02, Scope.IN_REVISION));
    assertEquals(List.of("RFC", "v1", "v2", "v3-proposed", "post-proposed"), ids(kill02, Scope.CROSS_REVISION));
  }

  @Test
  void proposedClausesRunOnTheProposedVariant() {
    Clause p01 = SPEC.clause("P-01").orElseThrow();
    assertEquals(List.of("v3-proposed", "post-proposed"), ids(p01, Scope.IN_REVISION));
    assertEquals(List.of("v3", "post"), ids(p01, Scope.CROSS_REVISION));
  }

  @Test
  void expandedRowsAreNotRunCrossRevision() {
    Clause flag = SPEC.clause("FLAG-v3-bit01-alone").orElseThrow();
    assertEquals(List.of("v3"), ids(flag, Scope.IN_REVISION));
    assertTrue(ids(flag, Scope.CROSS_REVISION).isEmpty());
  }

  @Test
  void documentedClausesAreNeverPassed() {
    Clause doc = SPEC.clause("KILL-03b").orElseThrow();
    ClauseRunner.Planned p = ClauseRunner.plan(doc, ALL, Scope.IN_REVISION).get(0);
    assertEquals(Cell.DOCUMENTED, ClauseRunner.run(p).cell());
    assertTrue(ids(doc, Scope.CROSS_REVISION).isEmpty());
  }

  @Test
  void v1SignatureCannotExpressFlags() {
    Target v1 = ReferenceTarget.of(SPEC, dev.oomspec.spec.model.Revision.V1, false);
    Answer a = v1.answer(SPEC.clause("OOM-03-flags").orElseThrow());
    assertInstanceOf(Answer.NotApplicable.class, a);
    assertTrue(((Answer.NotApplicable) a).reason().contains("has no parameter 'flags'"));
  }

  @Test
  void sameClausePassesOnV3AndDiffersOnV2() {
    Clause kill02 = SPEC.clause("KILL-02").orElseThrow();
    for (ClauseRunner.Planned p : ClauseRunner.plan(kill02, ALL, Scope.IN_REVISION))
      assertEquals(Cell.PASS, ClauseRunner.run(p).cell(), p.name());
    ClauseRunner.Planned v2 = ClauseRunner.plan(kill02, ALL, Scope.CROSS_REVISION, Siblings.of(SPEC.clauses(), ALL))
        .stream()
        .filter(p -> p.target().id().equals("v2")).findFirst().orElseThrow();
    assertEquals(Cell.DIFFERS, ClauseRunner.run(v2).cell());
  }

  @Test
  void revisionSelection() {
    assertEquals(List.of("v2", "v3"), TargetSelection.select(ALL, "V3, v2").stream().map(Target::id).toList());
    assertEquals(7, TargetSelection.select(ALL, "all").size());
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> TargetSelection.select(ALL, "v4,v2"));
    assertEquals("-Doomspec.revision=v4,v2: unknown revision v4; valid: RFC, v1, v2, v3, post, v3-proposed, "
        + "post-proposed, all (comma-separated, case-insensitive)", e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> TargetSelection.select(ALL, ","));
  }
}
