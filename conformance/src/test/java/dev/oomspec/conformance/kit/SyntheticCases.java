package dev.oomspec.conformance.kit;

import dev.oomspec.conformance.junit.ClauseTests;
import dev.oomspec.conformance.junit.Kit;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.conformance.runner.Siblings;
import dev.oomspec.spec.model.Clause;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Synthetic clauses through the real JUnit binding, launched by {@link FindingsTest} with its own Launcher and
 * Allure lifecycle (the name matches neither surefire's nor failsafe's includes: it never runs on its own).
 */
public class SyntheticCases {
  static volatile List<Clause> clauses = List.of();

  @TestFactory
  Stream<DynamicTest> inRevision() {
    return ClauseTests.of(clauses, Kit.ALL_TARGETS, Siblings.of(clauses, Kit.ALL_TARGETS), Scope.IN_REVISION);
  }

  @TestFactory
  Stream<DynamicTest> crossRevision() {
    return ClauseTests.of(clauses, Kit.ALL_TARGETS, Siblings.of(clauses, Kit.ALL_TARGETS), Scope.CROSS_REVISION);
  }
}
