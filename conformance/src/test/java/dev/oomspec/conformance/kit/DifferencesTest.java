package dev.oomspec.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.conformance.runner.Cell;
import dev.oomspec.conformance.runner.ClauseRunner;
import dev.oomspec.conformance.runner.Difference;
import dev.oomspec.conformance.runner.Result;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.conformance.runner.Siblings;
import dev.oomspec.conformance.target.ReferenceTarget;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.Clause;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The cross-revision rule: a difference a sibling clause documents is asserted (passes when the revisions differ
 * as the spec says, fails when they do not); a difference no clause documents is an observation, never red.
 */
class DifferencesTest {
  static final Spec SPEC = Spec.loadDefault();
  static final List<Target> ALL = ReferenceTarget.all(SPEC);
  static final Siblings REAL = Siblings.of(SPEC.clauses(), ALL);

  static Target target(String id) {
    return ALL.stream().filter(t -> t.id().equals(id)).findFirst().orElseThrow();
  }

  static Result cross(Clause c, String target, Siblings s) {
    ClauseRunner.Planned p = ClauseRunner.plan(c, ALL, Scope.CROSS_REVISION, s).stream()
        .filter(x -> x.target().id().equals(target)).findFirst().orElseThrow();
    return ClauseRunner.run(p);
  }

  static Clause spec(String id) {
    return SPEC.clause(id).orElseThrow();
  }

  @Test
  void kill02OnV2DiffersAsKill02AbsentBeforeV3Says() {
    Difference d = REAL.documented(spec("KILL-02"), target("v2"));
    assertNotNull(d);
    assertEquals("KILL-02-absent-before-v3", d.sibling().id());
    assertEquals("ret 0, killed true, bpfMemoryFreed true", d.siblingSide());
    assertEquals("ret -EINVAL, killed false, bpfMemoryFreed false", d.clauseSide());
    assertEquals("v3, post", d.clauseTargetIds());
    Result r = cross(spec("KILL-02"), "v2", REAL);
    assertEquals(Cell.DIFFERS, r.cell(), r.detail());
    assertTrue(r.detail().startsWith("v2 does what KILL-02-absent-before-v3 says — ret 0"), r.detail());
  }

  @Test
  void proposalsAreSiblingsAcrossTheVariantAxis() {
    Difference d = REAL.documented(spec("KILL-02"), target("v3-proposed"));
    assertEquals("P-01", d.sibling().id(), "given.proposedVariant is not part of the comparison");
    assertEquals(Cell.DIFFERS, cross(spec("KILL-02"), "v3-proposed", REAL).cell());
    assertEquals(Cell.DIFFERS, cross(spec("P-01"), "v3", REAL).cell());
  }

  @Test
  void withoutASiblingADifferenceIsUndocumentedAndAMatchIsSame() {
    assertNull(REAL.documented(spec("KILL-03"), target("v3")), "KILL-03b is words only: no executable sibling");
    assertEquals(Cell.UNDOCUMENTED, cross(spec("KILL-03"), "v3", REAL).cell());
    assertEquals(Cell.SAME, cross(spec("OOM-07-v2"), "v3", REAL).cell());
    assertEquals(Cell.UNDOCUMENTED, cross(spec("KILL-02"), "v2", Siblings.none()).cell(), "no sibling index");
    assertTrue(!Cell.UNDOCUMENTED.failsBuild() && !Cell.SAME.failsBuild());
  }

  @Test
  void compatibleSiblingsAreNamedWhereADifferenceIsUndocumented() {
    assertEquals(List.of("OOM-07-v2"), REAL.compatible(spec("OOM-07b"), target("v2")),
        "same call, but OOM-07-v2 states the same words (the v2 code disagrees with both: finding F-04)");
    assertEquals(Cell.UNDOCUMENTED, cross(spec("OOM-07b"), "v2", REAL).cell());
  }

  @Test
  void compatibleSiblingsDocumentNoDifference() {
    assertTrue(Siblings.contradictions(spec("REP-constraint-kernel-memcg").expect(), spec("REP-v1v2-kernel").expect()).isEmpty(),
        "the constraint line (every revision) and oom_policy=default (v1/v2) can both hold");
    assertTrue(Siblings.contradictions(spec("REP-gfp-v3").expect(), spec("REP-constraint-null").expect()).isEmpty(),
        "different report lines");
    assertEquals(1, Siblings.contradictions(spec("REP-gfp-v3").expect(), spec("REP-gfp-rfc-v2").expect()).size(),
        "the same header line rendered differently");
    assertEquals("report line \"oom_policy=%s\"", Siblings.contradictions(spec("REP-v3-kernel").expect(),
        spec("REP-v1v2-kernel").expect()).get(0).field(), "absent here, present there");
  }

  @Test
  void aDifferenceThatIsNotTheDocumentedOneFails() {
    Clause v3 = Synthetic.kill("SYN-A", "v3", -1000, "{ret: -EINVAL}", null);
    Clause v2 = Synthetic.kill("SYN-B", "v2", -1000, "{ret: -EPERM}", null);
    Result r = cross(v3, "v2", Siblings.of(List.of(v3, v2), ALL));
    assertEquals(Cell.FAIL, r.cell());
    assertTrue(r.detail().startsWith("v2 differs from SYN-A, but not as SYN-B says (ret: expected -EPERM, observed 0)"),
        r.detail());
  }

  @Test
  void aDocumentedDifferenceThatIsAbsentFails() {
    Clause v3 = Synthetic.kill("SYN-X", "v3", -999, "{ret: 0}", null);
    Clause v2 = Synthetic.kill("SYN-Y", "v2", -999, "{ret: -EINVAL}", null);
    Result r = cross(v3, "v2", Siblings.of(List.of(v3, v2), ALL));
    assertEquals(Cell.FAIL, r.cell());
    assertTrue(r.detail().startsWith("v2 does what SYN-X says: the difference SYN-Y documents is absent"), r.detail());
  }

  @Test
  void theClausesOwnSideMustHoldToo() {
    Clause v3 = Synthetic.kill("SYN-C", "v3", -1000, "{ret: -EPERM}", null);
    Clause v2 = Synthetic.kill("SYN-D", "v2", -1000, "{ret: 0}", null);
    Result r = cross(v3, "v2", Siblings.of(List.of(v3, v2), ALL));
    assertEquals(Cell.FAIL, r.cell());
    assertTrue(r.detail().contains("on v3 SYN-C itself does not hold (ret: expected -EPERM, observed -EINVAL (-22))"),
        r.detail());
  }

  @Test
  void aSiblingsFindingMakesTheRunAFinding() {
    Clause v3 = Synthetic.kill("SYN-E", "v3", -1000, "{ret: -EINVAL}", null);
    Clause v2 = Synthetic.kill("SYN-F", "v2", -1000, "{ret: -EPERM}", Synthetic.finding("F-98", "v2"));
    Result r = cross(v3, "v2", Siblings.of(List.of(v3, v2), ALL));
    assertEquals(Cell.FINDING, r.cell(), r.detail());
    assertTrue(r.detail().startsWith("finding F-98 (docs/findings.md) of SYN-F"), r.detail());
  }
}
