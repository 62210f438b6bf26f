package dev.oomspec.conformance.cases;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.ClauseKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** bpf_out_of_memory() order bounds per architecture (kind order), in-revision. */
public class OrderClauses {
  @TestFactory
  @Tag("order-bounds")
  Stream<DynamicTest> clauses() {
    return ClauseTests.ofKind(ClauseKind.ORDER, Scope.IN_REVISION);
  }
}
