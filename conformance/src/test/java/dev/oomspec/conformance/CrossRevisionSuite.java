package dev.oomspec.conformance;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Differences between revisions that the spec documents, asserted. Selects its case classes explicitly (no package scan: toolchain.md P5). */
@Suite(failIfNoTests = false) // -Dgroups=<one area> leaves the other suites empty; @SelectClasses already rules out P5
@SuiteDisplayName("Differences between revisions (documented, asserted)")
@SelectClasses({dev.oomspec.conformance.cases.CrossRevisionClauses.class})
public class CrossRevisionSuite {}
