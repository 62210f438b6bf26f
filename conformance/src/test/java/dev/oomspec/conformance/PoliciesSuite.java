package dev.oomspec.conformance;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/**
 * Epic "Policies": the series' selftests through the policy API, and each shipped BPF OOM policy over the bundled
 * corpus on v3 and post (tag {@code policies}).
 */
@Suite(failIfNoTests = false) // -Dgroups=<another area> leaves it empty: not an error
@SuiteDisplayName("Policies on the bundled corpus")
@SelectClasses({dev.oomspec.conformance.policycases.PolicySelftestCases.class,
    dev.oomspec.conformance.policycases.PolicyCorpusCases.class})
@IncludeClassNamePatterns(".*")
public class PoliciesSuite {}
