package dev.oomspec.conformance;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Mutation check (teeth) Selects its case classes explicitly (no package scan: toolchain.md P5). */
@Suite
@SuiteDisplayName("Mutation check (teeth)")
@SelectClasses({dev.oomspec.conformance.cases.MutationCheck.class})
public class MutationSuite {}
