package dev.oomspec.conformance.replaycases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import dev.oomspec.conformance.replay.ReplayViews;
import dev.oomspec.reports.EventView;
import dev.oomspec.reports.JsonLinesWriter;
import dev.oomspec.reports.SvgBarChart;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.replay.ReplayCorpus;
import dev.oomspec.traces.replay.ReplayEngine;
import dev.oomspec.traces.replay.ReplayPipeline;
import dev.oomspec.traces.replay.ReplayResult;
import dev.oomspec.traces.replay.Verdict;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Epic "Replay": every OOM event of the bundled corpus is one test — the kernel's choice against the model's,
 * with the candidates' scores as an SVG chart, the original report lines and the lines the model printed.
 * A test fails when the model disagrees with the kernel, or when the kernel's choices differ from the victims
 * recorded in the corpus INDEX (outside the log text).
 */
@Tag("replay")
public class ReplayCorpusCases {

  @TestFactory
  public Stream<DynamicNode> bundledCorpus() throws IOException {
    Path root = Path.of(System.getProperty("oomspec.repo.root", ".."));
    ReplayCorpus corpus = ReplayCorpus.locate(root);
    List<DynamicNode> files = new ArrayList<>();
    for (ReplayCorpus.Entry e : corpus.entries()) {
      List<ReplayResult> results = new ArrayList<>();
      try (InputStream in = corpus.open(e); ReplayPipeline p = new ReplayPipeline(new ReplayEngine(null), 1)) {
        p.run(in, corpus.displayName(e), ReadOptions.defaults(), results::add, s -> {});
      }
      List<DynamicTest> tests = new ArrayList<>();
      for (int i = 0; i < results.size(); i++) {
        ReplayResult r = results.get(i);
        Integer recorded = i < e.victims().size() ? e.victims().get(i) : null;
        String name = e.file() + " — event " + (i + 1) + " (lines " + r.input().firstLine() + "-" + r.input().lastLine() + "): "
            + r.verdict().wireName();
        tests.add(DynamicTest.dynamicTest(name, () -> check(corpus, e, r, recorded)));
      }
      files.add(DynamicContainer.dynamicContainer(e.file(), tests));
    }
    return files.stream();
  }

  private static void check(ReplayCorpus corpus, ReplayCorpus.Entry e, ReplayResult r, Integer recorded)
      throws IOException {
    Allure.epic("Replay");
    Allure.feature(e.kind() + " — " + e.wrapping());
    Allure.story(e.file());
    Allure.parameter("source", corpus.displayName(e));
    Allure.parameter("lines", r.input().firstLine() + "-" + r.input().lastLine());
    Allure.parameter("profile", r.profile());
    Allure.parameter("totalpages", String.valueOf(r.totalpages()));
    Allure.description("Kernel " + e.kernel() + ", " + e.kind() + ", " + e.wrapping() + ". Source: " + e.source()
        + "\n\nVerdict: " + r.verdict().wireName() + " — " + r.reason() + "\n\ntotalpages: " + r.totalpagesNote());
    if (e.source().startsWith("http")) Allure.link("source", e.source());
    List<String> original = corpus.lines(e, r.input().firstLine(), r.input().lastLine());
    EventView view = ReplayViews.view(r, 10, original);
    Allure.addAttachment("candidates (chart)", "image/svg+xml", new SvgBarChart().render(view), ".svg");
    Allure.addAttachment("original report lines", "text/plain", String.join("\n", original), ".txt");
    Allure.addAttachment("what the model printed", "text/plain", String.join("\n", r.modelReport()), ".txt");
    StringWriter json = new StringWriter();
    JsonLinesWriter jw = new JsonLinesWriter(json, 10);
    jw.write(view);
    jw.flush();
    Allure.addAttachment("replay result (JSON)", "application/json", json.toString().strip(), ".json");

    assertNotEquals(Verdict.DISAGREE, r.verdict(), r.reason());
    if (recorded != null) {
      assertEquals(recorded, r.input().kernelChoice() == null ? null : r.input().kernelChoice().pid(),
          "the kernel's victim vs the victim recorded in traces/corpus/INDEX.tsv");
      assertEquals(Verdict.AGREE, r.verdict(), r.reason());
    }
  }
}
