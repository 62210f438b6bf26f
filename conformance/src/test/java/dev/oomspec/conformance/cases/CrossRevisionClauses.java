package dev.oomspec.conformance.cases;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.ClauseKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Hand-written clauses against the targets they do not claim (other revisions; proposed ↔ plain). A run that a
 * sibling clause documents is a test asserting the difference (it fails when the revisions stop differing as the
 * spec says); any other cross-revision run is an observation recorded in the matrix (same / undocumented / n/a),
 * never a test and never red. The rule: docs/conformance.md, "Differences between revisions".
 */
@Tag("cross-revision")
public class CrossRevisionClauses {
  @TestFactory
  @Tag("return-codes")
  Stream<DynamicTest> returnCodes() {
    return ClauseTests.ofKind(ClauseKind.RETURN_CODE, Scope.CROSS_REVISION);
  }

  @TestFactory
  @Tag("attach")
  @Tag("attach-dispatch")
  Stream<DynamicTest> attach() {
    return ClauseTests.ofKind(ClauseKind.ATTACH, Scope.CROSS_REVISION);
  }

  @TestFactory
  @Tag("dispatch")
  @Tag("attach-dispatch")
  Stream<DynamicTest> dispatch() {
    return ClauseTests.ofKind(ClauseKind.DISPATCH, Scope.CROSS_REVISION);
  }

  @TestFactory
  @Tag("report")
  Stream<DynamicTest> report() {
    return ClauseTests.ofKind(ClauseKind.REPORT, Scope.CROSS_REVISION);
  }

  @TestFactory
  @Tag("proposed")
  Stream<DynamicTest> proposed() {
    return ClauseTests.ofKind(ClauseKind.PROPOSED, Scope.CROSS_REVISION);
  }
}
