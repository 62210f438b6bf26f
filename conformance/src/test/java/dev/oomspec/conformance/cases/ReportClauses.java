package dev.oomspec.conformance.cases;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.ClauseKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** OOM report lines (kind report), in-revision. */
public class ReportClauses {
  @TestFactory
  @Tag("report")
  Stream<DynamicTest> clauses() {
    return ClauseTests.ofKind(ClauseKind.REPORT, Scope.IN_REVISION);
  }
}
