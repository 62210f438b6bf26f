package dev.oomspec.traces.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.event.OomEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The replay without the model's printed report ({@link ModelSelection}: the model's oom_badness() per row and
 * select_bad_process()'s rule) chooses exactly what the model's full out_of_memory() chooses, with the same
 * scores: on every replayed report of the corpus and the test logs, and on generated tables (kernel versions
 * from 3.10 to 6.18, memcg and global OOMs, oom_score_adj extremes, equal scores, pid 1, root tasks, repeated
 * pids), under each version's profile.
 */
class ModelSelectionTest {

  private static final ReplayEngine FULL = new ReplayEngine(null, true);
  private static final ReplayEngine FAST = new ReplayEngine(null, false);

  /** What a replay decided, without the model's printed report. */
  private static String decided(ReplayResult r) {
    StringBuilder b = new StringBuilder(r.verdict() + " | " + r.reason() + " | " + r.profile() + " | "
        + r.totalpages() + " | " + r.totalpagesNote() + " | " + r.modelVictim());
    for (ScoredCandidate c : r.candidates()) {
      b.append(" | ").append(c);
    }
    return b.toString();
  }

  @Test
  void everyReplayedReportOfTheLogsIsDecidedAlike() throws IOException {
    List<Path> logs = new ArrayList<>();
    for (String d : List.of("corpus", "src/test/resources/logs", "src/test/resources/published")) {
      try (Stream<Path> s = Files.walk(Path.of(d))) {
        s.filter(Files::isRegularFile).filter(p -> !p.toString().endsWith(".json") && !p.toString().endsWith(".yaml")
            && !p.toString().endsWith(".tsv") && !p.toString().endsWith(".md") && !p.toString().endsWith(".py"))
            .sorted().forEach(logs::add);
      }
    }
    int events = 0;
    for (Path p : logs) {
      for (OomEvent e : OomLogReader.read(p).events()) {
        if (!EventReplayInput.replayable(e)) {
          continue;
        }
        ReplayInput in = EventReplayInput.of(e);
        assertEquals(decided(FULL.replay(in)), decided(FAST.replay(in)), p + ":" + e.firstLine());
        events++;
      }
    }
    assertTrue(events >= 60, "replayed reports: " + events);
  }

  private static final List<String> VERSIONS =
      List.of("3.10", "4.4", "4.9", "4.14", "4.19", "5.4", "5.10", "5.15", "6.1", "6.8", "6.12", "6.18");

  @Test
  void generatedTablesAreDecidedAlike() {
    long seed = Long.getLong("oomspec.seed", 0x5eedL);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = 0; i < 400; i++) {
      ReplayInput in = table(random);
      String version = VERSIONS.get(random.nextInt(VERSIONS.size()));
      ReplayEngine full = new ReplayEngine(version, true);
      ReplayEngine fast = new ReplayEngine(version, false);
      assertEquals(decided(full.replay(in)), decided(fast.replay(in)),
          "seed " + seed + ", try " + i + ", kernel " + version + ": " + in);
    }
  }

  private static ReplayInput table(SplittableRandom r) {
    int rows = 1 + r.nextInt(12);
    List<ReplayInput.TaskRow> tasks = new ArrayList<>();
    long base = 1 + r.nextInt(50_000);
    for (int k = 0; k < rows; k++) {
      int pid = r.nextInt(10) == 0 ? 1 : r.nextInt(20) == 0 && k > 0 ? tasks.get(0).pid() : (int) base + k;
      long rss = r.nextInt(4) == 0 ? 1000 : r.nextLong(1, 2_000_000); // equal scores now and then
      int adj = switch (r.nextInt(6)) {
        case 0 -> -1000;
        case 1 -> 1000;
        case 2 -> 0;
        case 3 -> -17; // a legacy oom_adj value
        default -> r.nextInt(-1000, 1001);
      };
      boolean split = r.nextBoolean();
      long anon = split ? rss / 2 : 0;
      tasks.add(new ReplayInput.TaskRow(pid, r.nextInt(3) == 0 ? 0 : 1000, pid, rss * 2, rss,
          split ? anon : null, split ? rss - anon : null, split ? 0L : null,
          r.nextBoolean() ? r.nextLong(4096, 1 << 22) : null, r.nextBoolean() ? r.nextLong(0, 500) : null,
          null, r.nextInt(5) == 0 ? r.nextLong(0, 100_000) : 0, adj, "t" + k));
    }
    boolean memcg = r.nextBoolean();
    long limitKb = r.nextLong(1, 1L << 26);
    ReplayInput.MemcgLimits limits = memcg ? new ReplayInput.MemcgLimits("/a/b", limitKb, limitKb,
        r.nextBoolean() ? limitKb : null, null) : null;
    ReplayInput.GlobalTotals totals = memcg ? null
        : new ReplayInput.GlobalTotals(r.nextLong(1, 1L << 24), r.nextLong(0, 1000), null, r.nextLong(0, 1L << 22));
    ReplayInput.OomKind kind = memcg ? ReplayInput.OomKind.MEMCG_V1 : ReplayInput.OomKind.GLOBAL;
    ReplayInput.TaskRow victim = tasks.get(r.nextInt(rows));
    return new ReplayInput("generated", 1, 100, null, Set.of(), kind, memcg ? "CONSTRAINT_MEMCG" : null,
        limits, totals, tasks, r.nextInt(8) != 0,
        new ReplayInput.KernelChoice(victim.pid(), victim.name(), null, "killed-line"), List.of(victim.pid()),
        false, null, new ReplayInput.Trigger(r.nextBoolean() ? tasks.get(0).pid() : null, "trigger"));
  }

  @Test
  void theFirstRepeatedPidInTableOrderIsNamed() {
    assertEquals(null, ModelSelection.repeatedPid(rows()));
    assertEquals(null, ModelSelection.repeatedPid(rows(7, 3, 9, 1)));
    assertEquals(3, ModelSelection.repeatedPid(rows(9, 3, 5, 3, 9)));  // 3 is repeated first, though 9 sorts after
    assertEquals(9, ModelSelection.repeatedPid(rows(9, 1, 9, 1)));
    assertEquals(4, ModelSelection.repeatedPid(rows(4, 4)));
  }

  private static List<ReplayInput.TaskRow> rows(int... pids) {
    List<ReplayInput.TaskRow> rows = new ArrayList<>();
    for (int pid : pids) {
      rows.add(new ReplayInput.TaskRow(pid, 0, pid, 10, 5, null, null, null, null, null, null, 0, 0, "t" + pid));
    }
    return rows;
  }
}
