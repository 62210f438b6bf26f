package dev.oomspec.conformance.cases;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.ClauseKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** Review proposals (kind proposed) against the proposed variant of the model. */
public class ProposedClauses {
  @TestFactory
  @Tag("proposed")
  Stream<DynamicTest> clauses() {
    return ClauseTests.ofKind(ClauseKind.PROPOSED, Scope.IN_REVISION);
  }
}
