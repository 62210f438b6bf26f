package dev.oomspec.conformance.junit;

import dev.oomspec.conformance.runner.RevisionMatrix;
import dev.oomspec.conformance.runner.RunRecord;
import dev.oomspec.conformance.target.Target;
import io.qameta.allure.Allure;
import io.qameta.allure.AllureLifecycle;
import io.qameta.allure.model.Label;
import io.qameta.allure.model.Status;
import io.qameta.allure.model.TestResult;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * After a failsafe execution: writes this JVM's runs to {@code target/oomspec-runs/<role>.tsv}; the {@code main}
 * execution (which runs after {@code cross}) then merges both into the revision matrix
 * ({@code target/oomspec-matrix.{csv,md,html}}) and adds it to the Allure results as the test "Revision matrix"
 * (epic Summary). Does nothing outside failsafe ({@code oomspec.role} unset).
 */
public final class MatrixListener implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    String role = Kit.role();
    if (role == null) return;
    try {
      Path runs = Kit.out().resolve("oomspec-runs");
      Files.createDirectories(runs);
      Files.write(runs.resolve(role + ".tsv"), RunRecord.toLines(Kit.RUNS), StandardCharsets.UTF_8);
      if (!role.equals("main")) return;
      List<RunRecord> all = new ArrayList<>(Kit.RUNS);
      Path cross = runs.resolve("cross.tsv");
      if (Files.exists(cross))
        for (String l : Files.readAllLines(cross, StandardCharsets.UTF_8)) if (!l.isBlank()) all.add(RunRecord.parse(l));
      RevisionMatrix m = new RevisionMatrix(Kit.SPEC.clauses(), Kit.TARGETS.stream().map(Target::id).toList(), all);
      m.write(Kit.out());
      report(m);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One Allure test case carrying the matrix (HTML table, Markdown, full CSV). */
  private static void report(RevisionMatrix m) {
    AllureLifecycle life = Allure.getLifecycle();
    String uuid = UUID.randomUUID().toString();
    TestResult tr = new TestResult().setUuid(uuid).setName("Revision matrix").setFullName("oomspec.RevisionMatrix")
        .setHistoryId("oomspec-revision-matrix").setTestCaseId("oomspec-revision-matrix")
        .setDescriptionHtml("<p>Clause × target verdicts of this run, also written to"
            + " conformance/target/oomspec-matrix.{csv,md,html}.</p>" + m.htmlFragment())
        .setLabels(List.of(label("epic", "Summary"), label("feature", "revision matrix"),
            label("story", "Revision matrix"), label("suite", "Summary"), label("parentSuite", "oomspec")))
        .setStatus(Status.PASSED);
    life.scheduleTestCase(tr);
    life.startTestCase(uuid);
    life.addAttachment("revision matrix (hand-written clauses)", "text/html", ".html",
        m.html().getBytes(StandardCharsets.UTF_8));
    life.addAttachment("oomspec-matrix.md", "text/markdown", ".md", m.markdown().getBytes(StandardCharsets.UTF_8));
    life.addAttachment("oomspec-matrix.csv (every clause)", "text/csv", ".csv", m.csv().getBytes(StandardCharsets.UTF_8));
    life.stopTestCase(uuid);
    life.writeTestCase(uuid);
  }

  private static Label label(String name, String value) {
    return new Label().setName(name).setValue(value);
  }
}
