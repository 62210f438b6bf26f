package dev.oomspec.conformance;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Cross-revision differences (expected) Selects its case classes explicitly (no package scan: toolchain.md P5). */
@Suite(failIfNoTests = false)
@SuiteDisplayName("Cross-revision differences (expected)")
@SelectClasses({dev.oomspec.conformance.cases.CrossRevisionClauses.class})
public class CrossRevisionSuite {}
