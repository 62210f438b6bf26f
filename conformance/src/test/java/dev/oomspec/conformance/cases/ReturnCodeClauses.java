package dev.oomspec.conformance.cases;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.ClauseKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** Kfunc return codes (kind return-code), in-revision. */
public class ReturnCodeClauses {
  @TestFactory
  @Tag("return-codes")
  Stream<DynamicTest> clauses() {
    return ClauseTests.ofKind(ClauseKind.RETURN_CODE, Scope.IN_REVISION);
  }
}
