package dev.oomspec.conformance;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** The live-kernel target: fresh OOM kills on the running kernel, predicted by the model (tag {@code live-kernel}). */
@Suite(failIfNoTests = false) // -DexcludedGroups=live-kernel (or -Dgroups=<area>) leaves it empty: not an error
@SuiteDisplayName("Live kernel")
@SelectClasses(dev.oomspec.conformance.livecases.LiveKernelCases.class)
@IncludeClassNamePatterns(".*")
public class LiveKernelSuite {}
