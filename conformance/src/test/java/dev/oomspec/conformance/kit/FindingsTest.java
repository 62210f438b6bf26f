package dev.oomspec.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oomspec.conformance.runner.Cell;
import dev.oomspec.conformance.runner.ClauseRunner;
import dev.oomspec.conformance.runner.Result;
import dev.oomspec.conformance.runner.RevisionMatrix;
import dev.oomspec.conformance.runner.RunRecord;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.conformance.target.ReferenceTarget;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.Clause;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.AllureResultsWriter;
import io.qameta.allure.FileSystemResultsWriter;
import io.qameta.allure.junitplatform.AllureJunitPlatform;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import io.qameta.allure.model.TestResultContainer;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.core.LauncherConfig;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;

/**
 * Findings (a revision's code known to disagree with a clause's words, docs/findings.md): a run that observes the
 * disagreement is neither green nor red — cell finding, Allure status unknown in the category Findings with both
 * citations and the docs/findings.md entry; a run that no longer disagrees FAILS. No clause of the spec carries a
 * finding yet, so the clauses here are synthetic (KILL-02's call on v3, whose code returns -EINVAL).
 */
class FindingsTest {
  static final Spec SPEC = Spec.loadDefault();
  static final List<Target> ALL = ReferenceTarget.all(SPEC);
  /** Words say v3 kills an OOM_SCORE_ADJ_MIN task; v3's code refuses it (-EINVAL): the finding reproduces. */
  static final Clause DISAGREES = Synthetic.kill("SYN-F1", "v3, post", -1000, "{ret: 0, killed: true}",
      Synthetic.finding("F-99", "v3"));
  /** Words and code agree on v3, yet the clause names a finding there: the finding no longer reproduces. */
  static final Clause FIXED = Synthetic.kill("SYN-F2", "v3", -1000, "{ret: -EINVAL, killed: false}",
      Synthetic.finding("F-97", "v3"));

  static Result run(Clause c, String target) {
    return ClauseRunner.run(ClauseRunner.plan(c, ALL, Scope.IN_REVISION).stream()
        .filter(p -> p.target().id().equals(target)).findFirst().orElseThrow());
  }

  @Test
  void aReproducedFindingIsItsOwnCellNeitherPassNorFail() {
    Result r = run(DISAGREES, "v3");
    assertEquals(Cell.FINDING, r.cell());
    assertFalse(r.failsBuild());
    assertTrue(r.detail().startsWith("finding F-99 (docs/findings.md): ret: expected 0, observed -EINVAL (-22)"),
        r.detail());
    assertEquals("F-99", RunRecord.of(r).finding());
    assertEquals(Cell.FAIL, run(DISAGREES, "post").cell(), "post has no finding: the same mismatch is a failure");
  }

  @Test
  void aFindingThatNoLongerReproducesFails() {
    Result r = run(FIXED, "v3");
    assertEquals(Cell.FAIL, r.cell());
    assertEquals("finding F-97 no longer reproduces on v3 — the code changed; update docs/findings.md", r.detail());
  }

  @Test
  void theMatrixCountsAndListsFindings() {
    RevisionMatrix m = new RevisionMatrix(List.of(DISAGREES), List.of("v3", "post"),
        List.of(RunRecord.of(run(DISAGREES, "v3"))));
    assertEquals(1, m.counts().get("v3").get(Cell.FINDING));
    assertTrue(m.markdown().contains("## Findings (docs/findings.md) (1)"));
    assertTrue(m.markdown().contains("| SYN-F1 | v3 | F-99 | finding F-99 (docs/findings.md): ret: expected 0"));
  }

  @Test
  void inAllureAFindingIsUnknownInTheCategoryFindingsWithBothCitations() throws Exception {
    // also on disk: docs/images/screenshots.sh makes the Findings screenshot from these results
    List<TestResult> written = launch(List.of(DISAGREES, FIXED), Path.of("target", "allure-results-synthetic"));
    TestResult finding = named(written, "SYN-F1 [4 v3]");
    assertNull(finding.getStatus(), "no status = Allure's unknown");
    assertTrue(finding.getStatusDetails().getMessage().startsWith("[finding F-99] SYN-F1 on v3: finding F-99"));
    String page = finding.getDescriptionHtml();
    assertTrue(page.contains("href=\"https://github.com/teawater/linux/blob/08e1c0fd6339e0cab247c38c67e0c82e12277062/mm/oom_kill.c\""),
        "the finding's code citation");
    assertTrue(page.contains("href=\"https://lkml.iu.edu/hypermail/linux/kernel/2604.3/08958.html\""),
        "the clause's citation");
    assertTrue(page.contains("href=\"../../../docs/findings.md\""), "the docs/findings.md entry");
    assertTrue(finding.getLinks().stream().anyMatch(l -> l.getName().equals("docs/findings.md F-99")));
    assertEquals("Findings (docs/findings.md): the code disagrees with the words", category(finding, "unknown"));
    assertEquals("4 v3", label(finding, "parentSuite"));
    assertNull(label(finding, "testClass"), "no Java names in the report's trees");

    TestResult fixed = named(written, "SYN-F2 [4 v3]");
    assertEquals(Status.FAILED, fixed.getStatus());
    assertTrue(fixed.getStatusDetails().getMessage().contains("finding F-97 no longer reproduces on v3"));
    assertEquals("Conformance failures", category(fixed, "failed"));
    assertEquals(Status.FAILED, named(written, "SYN-F1 [5 post]").getStatus());
  }

  @Test
  void inAllureADocumentedDifferenceThatHoldsIsPassedInItsCategory() throws Exception {
    Clause v3 = Synthetic.kill("SYN-A", "v3", -1000, "{ret: -EINVAL, killed: false}", null);
    Clause v2 = Synthetic.kill("SYN-B", "v2", -1000, "{ret: 0, killed: true}", null);
    List<TestResult> written = launch(List.of(v3, v2), null);
    TestResult d = named(written, "SYN-A [3 v2] differs: ret 0, not -EINVAL; killed true, not false (SYN-B)");
    assertEquals(Status.PASSED, d.getStatus());
    assertTrue(d.getStatusDetails().getMessage().startsWith("[differs as documented] SYN-A [3 v2] differs"));
    assertEquals("Documented differences between revisions (asserted)", category(d, "passed"));
    assertTrue(d.getDescriptionHtml().contains("<th style=\"border:1px solid #ccc;padding:2px 6px;text-align:left\">"
        + "v2 (this run) observed</th>"), "the revision diff");
    assertEquals(Status.PASSED, named(written, "SYN-B [4 v3] differs: ret -EINVAL, not 0; killed false, not true (SYN-A)")
        .getStatus());
    assertTrue(written.stream().noneMatch(r -> r.getName().startsWith("SYN-A [1 RFC]")),
        "an undocumented difference is not a test");
  }

  /** Runs {@code clauses} through {@link SyntheticCases} with an Allure lifecycle of its own (and a copy on disk). */
  private static List<TestResult> launch(List<Clause> clauses, Path disk) throws IOException {
    List<TestResult> written = new CopyOnWriteArrayList<>();
    FileSystemResultsWriter files = null;
    if (disk != null) {
      deleteRecursively(disk);
      files = new FileSystemResultsWriter(disk);
    }
    FileSystemResultsWriter copy = files;
    AllureLifecycle life = new AllureLifecycle(new AllureResultsWriter() {
      @Override
      public void write(TestResult r) {
        written.add(r);
        if (copy != null) copy.write(r);
      }

      @Override
      public void write(TestResultContainer c) {}

      @Override
      public void write(String source, InputStream attachment) {
        if (copy != null) copy.write(source, attachment);
      }
    });
    AllureLifecycle before = Allure.getLifecycle();
    Allure.setLifecycle(life);
    try {
      SyntheticCases.clauses = clauses;
      Launcher launcher = LauncherFactory.create(LauncherConfig.builder()
          .enableTestExecutionListenerAutoRegistration(false)
          .addTestExecutionListeners(new AllureJunitPlatform(life)).build());
      launcher.execute(LauncherDiscoveryRequestBuilder.request().selectors(selectClass(SyntheticCases.class)).build());
    } finally {
      Allure.setLifecycle(before);
      SyntheticCases.clauses = List.of();
    }
    return written;
  }

  private static void deleteRecursively(Path dir) throws IOException {
    if (!Files.exists(dir)) return;
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted(Comparator.reverseOrder()).toList()) Files.delete(p);
    }
  }

  private static TestResult named(List<TestResult> rs, String name) {
    return rs.stream().filter(r -> r.getName().equals(name)).findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + rs.stream().map(TestResult::getName).toList()));
  }

  private static String label(TestResult r, String name) {
    return r.getLabels().stream().filter(l -> l.getName().equals(name)).map(Label::getValue).findFirst().orElse(null);
  }

  /**
   * The category of src/test/allure/categories.json that Allure files the result under; Allure files a result
   * under every category it matches, so exactly one must match.
   */
  static String category(TestResult r, String status) throws Exception {
    JsonNode cats = new ObjectMapper().readTree(Path.of("src/test/allure/categories.json").toFile());
    List<String> matched = new java.util.ArrayList<>();
    for (JsonNode c : cats) {
      boolean statusOk = false;
      for (JsonNode s : c.get("matchedStatuses")) statusOk |= s.asText().equals(status);
      String message = r.getStatusDetails() == null ? "" : r.getStatusDetails().getMessage();
      boolean messageOk = !c.has("messageRegex") || message != null && message.matches(c.get("messageRegex").asText());
      if (statusOk && messageOk) matched.add(c.get("name").asText());
    }
    assertEquals(1, matched.size(), "categories of '" + r.getName() + "': " + matched);
    return matched.get(0);
  }
}
