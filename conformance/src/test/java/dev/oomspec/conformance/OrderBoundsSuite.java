package dev.oomspec.conformance;

import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Order bounds Selects its case classes explicitly (no package scan: toolchain.md P5). */
@Suite
@SuiteDisplayName("Order bounds")
@SelectClasses({dev.oomspec.conformance.cases.OrderClauses.class})
public class OrderBoundsSuite {}
