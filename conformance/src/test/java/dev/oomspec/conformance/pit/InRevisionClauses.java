package dev.oomspec.conformance.pit;

import dev.oomspec.conformance.runner.Cell;
import dev.oomspec.conformance.runner.ClauseRunner;
import dev.oomspec.conformance.runner.Result;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.conformance.target.ReferenceTarget;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.Revision;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.opentest4j.AssertionFailedError;

/**
 * The conformance suite as PIT's test suite (profile {@code mutation}): every in-revision clause run of one target,
 * one factory per target so that PIT runs only the target whose transcription a mutant touches. A run passes when
 * the model's observation meets the clause — the same {@link ClauseRunner} as the report, without Allure. Runs the
 * unmutated model already fails (candidate findings, handed to the spec side) are skipped, since PIT needs a green
 * baseline; every other run kills a mutant that changes its outcome.
 */
@Tag("pit")
@EnabledIfSystemProperty(named = "oomspec.pit", matches = "true")
class InRevisionClauses {
  static final Spec SPEC = Spec.loadDefault();

  /**
   * In-revision runs whose clause the unmutated transcription does not meet: the words and the code disagree. Each is
   * a candidate finding (docs/conformance.md, "Mutation testing (PIT)"); none is bent to pass.
   */
  static final Set<String> CANDIDATE_FINDINGS = Set.of(
      "v1:FILT-v1-STRUCT_OPS-bpf_oom_ops-s-bpf_psi_create_trigger",
      "v1:FILT-v1-STRUCT_OPS-bpf_oom_ops-ns-bpf_psi_create_trigger",
      "v1:FILT-v1-STRUCT_OPS-other_struct_ops-s-bpf_psi_create_trigger",
      "v1:FILT-v1-STRUCT_OPS-other_struct_ops-ns-bpf_psi_create_trigger");

  static Stream<DynamicTest> runs(Target target) {
    return SPEC.clauses().stream()
        .flatMap(c -> ClauseRunner.plan(c, List.of(target), Scope.IN_REVISION).stream())
        .filter(p -> p.scope() == Scope.IN_REVISION)
        .map(p -> DynamicTest.dynamicTest(p.name(), () -> {
          if (CANDIDATE_FINDINGS.contains(target.id() + ":" + p.clause().id())
              || p.clause().findingFor(target.revision()).isPresent())
            Assumptions.abort("the unmutated code disagrees with the clause (a finding)");
          Result r = ClauseRunner.run(p);
          // every in-revision run of the unmutated model is applicable: a mutant that makes one n/a changed it too
          if (r.cell() == Cell.FAIL || r.cell() == Cell.NOT_APPLICABLE)
            throw new AssertionFailedError(p.name() + ": " + r.cell() + " " + r.detail());
        }));
  }

  @TestFactory Stream<DynamicTest> rfc() { return runs(ReferenceTarget.of(SPEC, Revision.RFC, false)); }
  @TestFactory Stream<DynamicTest> v1() { return runs(ReferenceTarget.of(SPEC, Revision.V1, false)); }
  @TestFactory Stream<DynamicTest> v2() { return runs(ReferenceTarget.of(SPEC, Revision.V2, false)); }
  @TestFactory Stream<DynamicTest> v3() { return runs(ReferenceTarget.of(SPEC, Revision.V3, false)); }
  @TestFactory Stream<DynamicTest> post() { return runs(ReferenceTarget.of(SPEC, Revision.POST, false)); }
  @TestFactory Stream<DynamicTest> v3proposed() { return runs(ReferenceTarget.of(SPEC, Revision.V3, true)); }
  @TestFactory Stream<DynamicTest> postproposed() { return runs(ReferenceTarget.of(SPEC, Revision.POST, true)); }
}
