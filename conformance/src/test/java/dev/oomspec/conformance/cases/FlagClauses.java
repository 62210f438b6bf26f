package dev.oomspec.conformance.cases;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.ClauseKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** bpf_out_of_memory() flag patterns (kind flag, expanded from rules.yaml), in-revision. */
public class FlagClauses {
  @TestFactory
  @Tag("flags")
  Stream<DynamicTest> clauses() {
    return ClauseTests.ofKind(ClauseKind.FLAG, Scope.IN_REVISION);
  }
}
