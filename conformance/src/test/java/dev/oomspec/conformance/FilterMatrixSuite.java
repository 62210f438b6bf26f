package dev.oomspec.conformance;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Filter matrix Selects its case classes explicitly (no package scan: toolchain.md P5). */
@Suite
@SuiteDisplayName("Filter matrix")
@SelectClasses({dev.oomspec.conformance.cases.FilterClauses.class})
public class FilterMatrixSuite {}
