package dev.oomspec.conformance;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Return codes Selects its case classes explicitly (no package scan: toolchain.md P5). */
@Suite
@SuiteDisplayName("Return codes")
@SelectClasses({dev.oomspec.conformance.cases.ReturnCodeClauses.class})
public class ReturnCodesSuite {}
