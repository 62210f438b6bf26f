package dev.oomspec.conformance.cases;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.ClauseKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** Documented, not executable clauses: reported as skipped with the reason, never as passed. */
public class DocumentedClauses {
  @TestFactory
  @Tag("documented")
  Stream<DynamicTest> clauses() {
    return ClauseTests.ofKind(ClauseKind.DOCUMENTED, Scope.IN_REVISION);
  }
}
