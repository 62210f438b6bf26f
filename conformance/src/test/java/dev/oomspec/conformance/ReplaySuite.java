package dev.oomspec.conformance;

import org.junit.platform.suite.api.IncludeClassNamePatterns;
import org.junit.platform.suite.api.SelectClasses;
import org.junit.platform.suite.api.Suite;
import org.junit.platform.suite.api.SuiteDisplayName;

/** Epic "Replay": the bundled corpus of real OOM reports through the reference model (tag {@code replay}). */
@Suite(failIfNoTests = false) // -DexcludedGroups=live-kernel (or -Dgroups=<area>) leaves it empty: not an error
@SuiteDisplayName("Replay of the bundled corpus")
@SelectClasses(dev.oomspec.conformance.replaycases.ReplayCorpusCases.class)
@IncludeClassNamePatterns(".*")
public class ReplaySuite {}
