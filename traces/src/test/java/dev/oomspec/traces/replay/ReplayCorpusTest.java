package dev.oomspec.traces.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every event of the bundled corpus replays with verdict agree, or undecidable for a reason that is true of the
 * report. The kernel's choices are checked against what was recorded independently of the log text: for the live
 * captures, the order in which the harness saw its worker processes die (SIGKILL) in the scenario JSON; for the
 * published and public reports, the victim named in their INDEX.tsv by the people who collected them.
 */
class ReplayCorpusTest {
  private static List<ReplayResult> replay(ReplayCorpus corpus, ReplayCorpus.Entry e) throws IOException {
    List<ReplayResult> out = new ArrayList<>();
    try (InputStream in = corpus.open(e); ReplayPipeline p = new ReplayPipeline(new ReplayEngine(null), 2)) {
      ReplayPipeline.Summary s = p.run(in, corpus.displayName(e), ReadOptions.defaults(), out::add, sk -> {});
      assertTrue(s.accounting().holds(), s.accounting().summary());
    }
    return out;
  }

  @TestFactory
  Stream<DynamicTest> everyCorpusEventAgreesOrIsUndecidableForATrueReason() throws IOException {
    ReplayCorpus corpus = ReplayCorpus.locate(Path.of("..").toAbsolutePath().normalize());
    assertTrue(corpus.entries().size() >= 20, "corpus entries: " + corpus.entries().size());
    return corpus.entries().stream().map(e -> DynamicTest.dynamicTest(e.file(), () -> {
      List<ReplayResult> results = replay(corpus, e);
      assertFalse(results.isEmpty(), "no OOM event replayed from " + e.file());
      for (ReplayResult r : results) {
        assertTrue(r.verdict() != Verdict.DISAGREE, r.input().source() + ":" + r.input().firstLine() + " " + r.reason());
        if (r.verdict() == Verdict.UNDECIDABLE) assertUndecidableReasonIsTrue(r);
      }
      if (!e.victims().isEmpty()) assertKillOrder(results, e.victims());
    }));
  }

  /**
   * The recorded victims (INDEX {@code victims}) are the kernel's choices in order, one per event, and the model
   * agrees on every one of them.
   */
  private static void assertKillOrder(List<ReplayResult> results, List<Integer> victims) {
    List<Integer> kernel = new ArrayList<>();
    for (ReplayResult r : results) {
      assertEquals(Verdict.AGREE, r.verdict(), r.input().source() + ":" + r.input().firstLine() + " " + r.reason());
      kernel.add(r.input().kernelChoice().pid());
      assertEquals(r.input().kernelChoice().pid(), r.modelVictim().pid());
    }
    assertEquals(victims, kernel, "kernel victims in order vs the recorded victims");
  }

  private static void assertUndecidableReasonIsTrue(ReplayResult r) {
    ReplayInput in = r.input();
    String why = r.reason();
    if (why.startsWith("no task table")) {
      assertTrue(in.tasks().isEmpty(), "said no table but has rows: " + why);
    } else if (why.startsWith("the report does not say which process")) {
      assertTrue(in.kernelChoice() == null, why);
    } else if (why.contains("is not in the printed task table")) {
      assertNotNull(in.kernelChoice());
      assertTrue(in.tasks().stream().noneMatch(t -> t.pid() == in.kernelChoice().pid()), why);
    } else if (why.startsWith("the task table is incomplete")) {
      assertFalse(in.tableComplete(), why);
    } else if (why.startsWith("the outcome depends on what the report does not print")) {
      assertTrue(!TotalPagesRange.estimate(in).exact() || ProfileChoice.choose(in, null).versions().size() > 1, why);
    } else {
      throw new AssertionError("unexpected undecidable reason: " + why);
    }
  }
}
