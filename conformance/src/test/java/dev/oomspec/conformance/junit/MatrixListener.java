package dev.oomspec.conformance.junit;

import dev.oomspec.conformance.runner.Cell;
import dev.oomspec.conformance.runner.ReportNames;
import dev.oomspec.conformance.runner.RevisionMatrix;
import dev.oomspec.conformance.runner.RevisionSummary;
import dev.oomspec.conformance.runner.RunRecord;
import dev.oomspec.conformance.runner.Scope;
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
import java.util.Map;
import java.util.UUID;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * After the conformance run (failsafe only): writes the runs ({@code target/oomspec-runs.tsv}), the revision matrix
 * ({@code target/oomspec-matrix.{csv,md,html}}) and one page per revision ({@code target/oomspec-revision-<id>.md});
 * adds the matrix and the revision pages to the Allure results (parent suite "Summary"), puts the counts on the
 * overview (the Environment widget) and prints them.
 */
public final class MatrixListener implements TestExecutionListener {

  @Override
  public void testPlanExecutionFinished(TestPlan plan) {
    if (!Kit.underFailsafe() || Kit.RUNS.isEmpty()) return;
    try {
      Path out = Kit.out();
      Files.createDirectories(out);
      List<RunRecord> runs = new ArrayList<>(Kit.RUNS);
      Files.write(out.resolve("oomspec-runs.tsv"), RunRecord.toLines(runs), StandardCharsets.UTF_8);
      RevisionMatrix m = new RevisionMatrix(Kit.SPEC.clauses(), ReportNames.ids(Kit.TARGETS), runs);
      String base = out.toAbsolutePath().normalize().relativize(Kit.repoRoot()).toString();
      m.write(out, base.isEmpty() ? "" : base + "/");
      List<RevisionSummary> pages = new ArrayList<>();
      for (String t : m.targetIds()) {
        RevisionSummary s = new RevisionSummary(m, t);
        pages.add(s);
        Files.writeString(out.resolve("oomspec-revision-" + t + ".md"), s.markdown(), StandardCharsets.UTF_8);
      }
      report(m, pages);
      String counts = counts(runs, m);
      environment(counts, m);
      System.out.println("[oomspec] " + counts.replace("\n", "\n[oomspec] ") + "\n[oomspec] matrix: "
          + out.resolve("oomspec-matrix.md"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The overview's numbers, one "key: value" per line. */
  static String counts(List<RunRecord> runs, RevisionMatrix m) {
    long in = runs.stream().filter(r -> r.scope() == Scope.IN_REVISION).count();
    Map<Cell, Integer> t = m.totals();
    return "in-revision runs: " + in + " (" + t.get(Cell.PASS) + " pass, " + t.get(Cell.FAIL) + " FAIL, "
        + t.get(Cell.FINDING) + " findings, " + t.get(Cell.DOCUMENTED) + " documented)\n"
        + "documented differences between revisions (asserted): " + t.get(Cell.DIFFERS) + " hold\n"
        + "undocumented differences (no clause says what the revision does): " + t.get(Cell.UNDOCUMENTED) + "\n"
        + "same (words hold on a revision the clause does not claim): " + t.get(Cell.SAME) + "\n"
        + "not applicable (the target cannot express the call): " + t.get(Cell.NOT_APPLICABLE);
  }

  /** Allure's Environment widget (overview): the series, the targets and the counts. */
  private static void environment(String counts, RevisionMatrix m) throws IOException {
    String dir = System.getProperty("allure.results.directory");
    if (dir == null) return;
    StringBuilder b = new StringBuilder();
    b.append(prop("Series", "mm: BPF OOM (Roman Gushchin), RFC → v1 → v2 → v3 → post-v3"));
    b.append(prop("Targets (chronological)", String.join(", ", m.targetIds())));
    for (String line : counts.split("\n")) {
      int colon = line.indexOf(": ");
      String key = line.substring(0, colon);
      b.append(prop(Character.toUpperCase(key.charAt(0)) + key.substring(1), line.substring(colon + 2)));
    }
    b.append(prop("Matrix", "conformance/target/oomspec-matrix.{html,md,csv}"));
    b.append(prop("Java", System.getProperty("java.version")));
    b.append(prop("OS", System.getProperty("os.name") + " " + System.getProperty("os.version")));
    Files.createDirectories(Path.of(dir));
    Files.writeString(Path.of(dir, "environment.properties"), b.toString(), StandardCharsets.ISO_8859_1);
    Files.writeString(Path.of(dir, "executor.json"), "{\"name\": \"Maven\", \"type\": \"maven\", "
        + "\"buildName\": \"./mvnw -B verify (conformance)\"}\n", StandardCharsets.UTF_8);
  }

  private static String prop(String k, String v) {
    return esc(k).replace(" ", "\\ ").replace(":", "\\:").replace("=", "\\=") + "=" + esc(v) + "\n";
  }

  /** .properties is Latin-1: everything else as \\uXXXX. */
  private static String esc(String s) {
    StringBuilder b = new StringBuilder();
    for (char c : s.toCharArray()) b.append(c < 0x20 || c > 0x7e ? String.format("\\u%04x", (int) c) : String.valueOf(c));
    return b.toString();
  }

  /** The matrix page and one page per revision, parent suite "Summary". */
  private static void report(RevisionMatrix m, List<RevisionSummary> pages) {
    AllureLifecycle life = Allure.getLifecycle();
    String uuid = UUID.randomUUID().toString();
    String file = Kit.repoRoot().toUri().toString();
    TestResult tr = page(uuid, RevisionMatrix.TITLE, "revision-matrix", "Revision matrix",
        "<p>Clause × target verdicts of this run, also written to conformance/target/oomspec-matrix.{html,md,csv}."
            + " This entry is a page of the report, not a test.</p>" + m.htmlFragment());
    life.scheduleTestCase(tr);
    life.startTestCase(uuid);
    life.addAttachment("oomspec-matrix.html (every clause, filterable)", "text/html", ".html",
        m.html(file).getBytes(StandardCharsets.UTF_8));
    life.addAttachment("oomspec-matrix.md", "text/markdown", ".md", m.markdown().getBytes(StandardCharsets.UTF_8));
    life.addAttachment("oomspec-matrix.csv", "text/csv", ".csv", m.csv().getBytes(StandardCharsets.UTF_8));
    life.stopTestCase(uuid);
    life.writeTestCase(uuid);
    for (RevisionSummary s : pages) {
      String id = UUID.randomUUID().toString();
      life.scheduleTestCase(page(id, "Revision " + Kit.revisionLabel(s.target()) + ": summary",
          "revision-" + s.target(), "Revision summaries",
          "<p>This entry is a page of the report, not a test.</p>" + s.html()));
      life.startTestCase(id);
      life.addAttachment("oomspec-revision-" + s.target() + ".md", "text/markdown", ".md",
          s.markdown().getBytes(StandardCharsets.UTF_8));
      life.stopTestCase(id);
      life.writeTestCase(id);
    }
  }

  private static TestResult page(String uuid, String name, String key, String feature, String html) {
    return new TestResult().setUuid(uuid).setName(name).setFullName("oomspec." + key)
        .setHistoryId(AllureDecor.md5("oomspec:" + key)).setTestCaseId(AllureDecor.md5("oomspec:" + key))
        .setDescriptionHtml(html)
        .setLabels(List.of(label("epic", "Summary"), label("feature", feature), label("story", name),
            label("parentSuite", "Summary"), label("suite", feature)))
        .setStatus(Status.PASSED);
  }

  private static Label label(String name, String value) {
    return new Label().setName(name).setValue(value);
  }
}
