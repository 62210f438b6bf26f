package dev.oomspec.conformance.cases;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.model.ClauseKind;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/** Kfunc visibility per program type (kind filter, one row of filter-matrix.csv each). */
public class FilterClauses {
  @TestFactory
  @Tag("kfunc-filter")
  Stream<DynamicTest> clauses() {
    return ClauseTests.ofKind(ClauseKind.FILTER, Scope.IN_REVISION);
  }
}
