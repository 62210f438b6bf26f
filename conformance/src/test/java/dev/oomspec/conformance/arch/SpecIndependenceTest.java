package dev.oomspec.conformance.arch;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

/**
 * The two sides of the kit stay independent: the spec (clauses, tables, their loader and expander) and the code that
 * turns a clause into its expected result and judges an answer ({@code dev.oomspec.conformance.runner}) must not
 * reach the model of the series ({@code dev.oomspec.reference..}), directly or through other classes. Otherwise an
 * expected value could be computed by the code under test. Fails naming the offending dependency path.
 */
class SpecIndependenceTest {
  private static final JavaClasses CLASSES = new ClassFileImporter()
      .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
      .importPackages("dev.oomspec");

  @Test
  void specDoesNotReachTheModel() {
    noClasses().that().resideInAPackage("dev.oomspec.spec..")
        .should().transitivelyDependOnClassesThat().resideInAPackage("dev.oomspec.reference..")
        .because("clause expectations come from the series' words and cited tables, never from the model")
        .check(CLASSES);
  }

  @Test
  void clauseExpectationsDoNotReachTheModel() {
    noClasses().that().resideInAPackage("dev.oomspec.conformance.runner..")
        .should().transitivelyDependOnClassesThat().resideInAPackage("dev.oomspec.reference..")
        .because("the runner compares a clause's expect with an answer; it must not compute either from the model")
        .check(CLASSES);
  }

  @Test
  void specDependsOnNoOtherModule() {
    noClasses().that().resideInAPackage("dev.oomspec.spec..")
        .should().dependOnClassesThat().resideInAnyPackage("dev.oomspec.conformance..", "dev.oomspec.traces..",
            "dev.oomspec.reports..", "dev.oomspec.reference..")
        .check(CLASSES);
  }
}
