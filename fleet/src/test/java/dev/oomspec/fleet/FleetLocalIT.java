package dev.oomspec.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The job in local mode as {@code ./oomspec fleet --out OUT DIR} starts it (the build's java @-files, a process of
 * its own, relative paths from another directory) over 1,000 hosts' logs built from the corpus, plus files that are
 * not logs (an ELF binary, random bytes, an empty file) and a file no one can read, with {@code --kernel 5.0} (whose
 * tie-break makes the model disagree on the equal-sized captures, so the disagreement outputs have something to show)
 * and {@code --policy largest-rss,first-task} (the second from a {@code --policy-jar} the job's class path lacks): the
 * JSON lines hold one object per event with the replay's fields, the same objects as {@code oomspec replay --format
 * json} with the same options on the same files, and the same {@code policies} arrays; the Parquet read back with
 * Spark SQL holds the same events; every input file has its row (the binary ones with why); the summaries add up; the
 * disagreements are listed.
 */
class FleetLocalIT {
  static final List<String> REPLAY_FIELDS = List.of("source", "firstLine", "lastLine", "kernelVictim", "modelVictim",
      "verdict", "reason", "profile", "totalpages", "candidates");

  /** A real file whose read fails (EIO): the reading process's own memory at address 0. */
  static final Path UNREADABLE = Path.of("/proc/self/mem");

  static final String KERNEL = "5.0";

  /** A shipped policy and one from the test jar (dev.oomspec.fleet.jarpolicy). */
  static final String POLICIES = "largest-rss,first-task";

  static List<Path> odd;

  static Path work;
  static FleetLogs.Built logs;
  static ReplayOracle.Replay replay;
  static int exitCode;
  static Path out;
  static SparkSession spark;

  @BeforeAll
  static void run() throws Exception {
    work = Files.createDirectories(FleetRuns.target().resolve("fleet-it"));
    logs = FleetLogs.hosts(work.resolve("logs"), 1000);
    odd = FleetLogs.oddFiles(work.resolve("odd-logs"));
    Path jar = FleetLogs.policyJar(work.resolve("first-task.jar"), FleetRuns.target().resolve("test-classes"));
    List<Path> inputs = new ArrayList<>(logs.files());
    inputs.addAll(odd);
    inputs.add(UNREADABLE);
    replay = ReplayOracle.replay(inputs, work.resolve("replay-local.jsonl"), "--kernel", KERNEL, "--policy", POLICIES,
        "--policy-jar", jar.toString());
    out = work.resolve("local-out");
    FleetLogs.deleteTree(out);
    Path cwd = Files.createDirectories(work.resolve("cwd"));
    ProcessBuilder pb = new ProcessBuilder(FleetRuns.javaBin(), FleetRuns.jvmArgsFile(),
        "@" + FleetRuns.target().resolve("fleet-classpath.args"), "-Xmx1g", "dev.oomspec.fleet.FleetMain",
        "--kernel", KERNEL, "--policy", POLICIES, "--policy-jar", "../first-task.jar", "--out", "../local-out",
        "../logs", "../odd-logs", UNREADABLE.toString()).directory(cwd.toFile());
    long t0 = System.nanoTime();
    exitCode = FleetRuns.run(pb, work.resolve("local.log"), 8);
    System.out.printf("fleet local: %d files, %d bytes, %d events, %.1f s%n", logs.files().size(), logs.bytes(),
        replay.events().size(), (System.nanoTime() - t0) / 1e9);
    spark = SparkSession.builder().master("local[2]").appName("FleetLocalIT")
        .config("spark.ui.enabled", "false").config("spark.driver.host", "127.0.0.1")
        .config("spark.driver.bindAddress", "127.0.0.1").config("spark.sql.shuffle.partitions", "4")
        .getOrCreate();
  }

  @AfterAll
  static void stop() {
    if (spark != null) {
      spark.stop();
    }
  }

  @Test
  void exitCodeIsTheReplays() throws Exception {
    // both say 2: the unreadable file; everything else was still replayed and written
    assertEquals(2, replay.exitCode());
    assertEquals(replay.exitCode(), exitCode, Files.readString(work.resolve("local.log")));
  }

  @Test
  void jsonLinesHoldTheReplaysObjects() {
    List<JsonNode> fleet = FleetRuns.jsonLines(out.resolve(FleetJob.EVENTS_JSON));
    assertTrue(replay.events().size() >= 1000, "a fleet worth the name: " + replay.events().size() + " events");
    Map<String, Integer> expected = new HashMap<>();
    for (JsonNode e : replay.events()) {
      ObjectNode replayPart = ReplayOracle.JSON.createObjectNode();
      for (String f : REPLAY_FIELDS) {
        replayPart.set(f, e.get(f));
      }
      expected.merge(replayPart.toString(), 1, Integer::sum);
    }
    Map<String, Integer> actual = new HashMap<>();
    for (JsonNode e : fleet) {
      List<String> names = new ArrayList<>();
      e.fieldNames().forEachRemaining(names::add);
      assertEquals(REPLAY_FIELDS, names.subList(0, REPLAY_FIELDS.size()), "replay-format.md's fields first, in order");
      assertEquals("policies", names.get(names.size() - 1), "the policies column last");
      ObjectNode replayPart = ReplayOracle.JSON.createObjectNode();
      for (String f : REPLAY_FIELDS) {
        replayPart.set(f, e.get(f));
      }
      replayPart.put("source", FleetRuns.localPath(e.get("source").asText()));
      actual.merge(replayPart.toString(), 1, Integer::sum);
      Path file = Path.of(replayPart.get("source").asText());
      assertEquals(file.getParent().getFileName().toString(), e.get("host").asText(), "host from the directory");
    }
    assertEquals(expected.size(), actual.size());
    assertEquals(expected, actual);
  }

  @Test
  void parquetReadBackWithSparkSqlHoldsTheSameEvents() {
    spark.read().parquet(out.resolve(FleetJob.EVENTS).toString()).createOrReplaceTempView("events");
    List<Row> rows = spark.sql("SELECT source, firstLine, verdict, kernelVictim.pid, kernelVictim.comm,"
        + " modelVictim.pid, modelVictim.comm FROM events").collectAsList();
    Set<String> fleet = new HashSet<>();
    for (Row r : rows) {
      ObjectNode e = ReplayOracle.JSON.createObjectNode();
      e.put("firstLine", r.getLong(1)).put("verdict", r.getString(2));
      e.putObject("kernelVictim").put("pid", r.getInt(3)).put("comm", r.getString(4));
      if (r.isNullAt(5)) {
        e.putNull("modelVictim");
      } else {
        e.putObject("modelVictim").put("pid", r.getInt(5)).put("comm", r.getString(6));
      }
      fleet.add(ReplayOracle.key(FleetRuns.localPath(r.getString(0)), e));
    }
    Set<String> expected = new HashSet<>();
    for (JsonNode e : replay.events()) {
      expected.add(ReplayOracle.key(e.get("source").asText(), e));
    }
    assertEquals(replay.events().size(), rows.size());
    assertEquals(expected, fleet);
  }

  @Test
  void everyFileHasItsRowAndNothingIsLost() {
    spark.read().parquet(out.resolve(FleetJob.FILES).toString()).createOrReplaceTempView("files");
    List<Row> rows = spark.sql("SELECT source, error, total, event, unrelated, malformed, events FROM files")
        .collectAsList();
    assertEquals(logs.files().size() + odd.size() + 1, rows.size());
    Set<String> sources = new HashSet<>();
    long events = 0;
    for (Row r : rows) {
      String path = FleetRuns.localPath(r.getString(0));
      sources.add(path);
      events += r.getLong(6);
      if (path.equals(UNREADABLE.toString())) {
        assertTrue(r.getString(1).startsWith("unreadable: "), r.getString(1));
        continue;
      }
      if (odd.contains(Path.of(path))) {
        continue;
      }
      assertNull(r.get(1), path);
      assertEquals(r.getLong(2), r.getLong(3) + r.getLong(4) + r.getLong(5), "every line accounted: " + path);
    }
    assertEquals(replay.events().size(), events);
    Set<String> expected = new HashSet<>();
    logs.files().forEach(f -> expected.add(f.toString()));
    odd.forEach(f -> expected.add(f.toString()));
    expected.add(UNREADABLE.toString());
    assertEquals(expected, sources);
  }

  @Test
  void filesThatAreNotLogsSayWhyAndTheirBytesAreNotCountedAsLines() {
    spark.read().parquet(out.resolve(FleetJob.FILES).toString()).createOrReplaceTempView("files");
    Map<String, Row> byPath = new HashMap<>();
    for (Row r : spark.sql("SELECT source, error, content, total, unrelated, events FROM files").collectAsList()) {
      byPath.put(FleetRuns.localPath(r.getString(0)), r);
    }
    Row elf = byPath.get(odd.get(0).toString());
    assertEquals("binary input (an ELF executable or library), not a log", elf.getString(1));
    Row random = byPath.get(odd.get(1).toString());
    assertTrue(random.getString(1).startsWith("binary input (binary data: "), random.getString(1));
    for (Row b : List.of(elf, random)) {
      assertEquals("binary", b.getString(2));
      assertTrue(b.isNullAt(3) && b.isNullAt(4), "no line accounting for a binary file: " + b);
      assertEquals(0L, b.getLong(5));
    }
    Row empty = byPath.get(odd.get(2).toString());
    assertNull(empty.get(1), "an empty file is no error, as for oomspec replay");
    assertEquals("empty", empty.getString(2));
    assertEquals(0L, empty.getLong(3));
    Row log = byPath.get(logs.files().get(0).toString());
    assertEquals("text", log.getString(2));
  }

  /** (source, firstLine, policy, verdict, victim pids) of every policy result of every event. */
  static Set<String> policyKeys(String source, JsonNode event) {
    Set<String> keys = new HashSet<>();
    for (JsonNode p : event.get("policies")) {
      List<Integer> pids = new ArrayList<>();
      p.get("victims").forEach(v -> pids.add(v.get("pid").asInt()));
      keys.add(source + "\t" + event.get("firstLine").asLong() + "\t" + p.get("name").asText() + "\t"
          + p.get("verdict").asText() + "\t" + pids);
    }
    return keys;
  }

  @Test
  void thePoliciesAreTheReplays() {
    Set<String> expected = new HashSet<>();
    Map<String, Integer> expectedArrays = new HashMap<>();
    for (JsonNode e : replay.events()) {
      expected.addAll(policyKeys(e.get("source").asText(), e));
      expectedArrays.merge(e.get("source").asText() + "\t" + e.get("firstLine") + "\t" + e.get("policies"), 1,
          Integer::sum);
    }
    Set<String> fleet = new HashSet<>();
    Map<String, Integer> fleetArrays = new HashMap<>();
    for (JsonNode e : FleetRuns.jsonLines(out.resolve(FleetJob.EVENTS_JSON))) {
      String source = FleetRuns.localPath(e.get("source").asText());
      fleet.addAll(policyKeys(source, e));
      fleetArrays.merge(source + "\t" + e.get("firstLine") + "\t" + e.get("policies"), 1, Integer::sum);
    }
    assertEquals(expected, fleet);
    // every field of every policy result, as replay-format.md's "Policies" names them, equal to the replay's
    assertEquals(expectedArrays, fleetArrays);
    Set<String> decided = new HashSet<>();
    for (String k : fleet) {
      String[] f = k.split("\t");
      if (!f[3].equals("undecidable")) {
        decided.add(f[2]);
      }
    }
    assertEquals(Set.of("largest-rss", "first-task"), decided, "both policies decide some events: " + decided);
  }

  @Test
  void thePolicySummaryAddsUp() throws Exception {
    // per policy, from the replay's JSON: events, verdicts, first victim not the kernel's, memory where both known
    Map<String, Map<String, Long>> expected = new HashMap<>();
    for (JsonNode e : replay.events()) {
      for (JsonNode p : e.get("policies")) {
        Map<String, Long> m = expected.computeIfAbsent(p.get("name").asText(), k -> new HashMap<>());
        m.merge("events", 1L, Long::sum);
        m.merge(p.get("verdict").asText(), 1L, Long::sum);
        JsonNode first = p.get("victims").size() > 0 ? p.get("victims").get(0)
            : p.get("kernelKilled").size() > 0 ? p.get("kernelKilled").get(0) : null;
        if (first != null && first.get("pid").asInt() != e.get("kernelVictim").get("pid").asInt()) {
          m.merge("victimDiffers", 1L, Long::sum);
        }
        if (!p.get("verdict").asText().equals("undecidable") && !p.get("freedKb").isNull()
            && !p.get("kernelFreedKb").isNull()) {
          m.merge("compared", 1L, Long::sum);
          m.merge("freedKb", p.get("freedKb").asLong(), Long::sum);
          m.merge("kernelFreedKb", p.get("kernelFreedKb").asLong(), Long::sum);
        }
      }
    }
    List<String> cols = List.of("events", "same", "different", "refused", "declined", "not-loaded", "error",
        "undecidable", "victimDiffers", "compared", "freedKb", "kernelFreedKb");
    Map<String, Map<String, Long>> all = new HashMap<>();
    Map<String, Map<String, Long>> perKernel = new HashMap<>();
    List<String> order = new ArrayList<>();
    try (CSVParser csv = CSVParser.parse(out.resolve("summary/policies.csv"), StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      for (CSVRecord r : csv) {
        Map<String, Map<String, Long>> into = r.get("kernelVersion").equals("(all)") ? all : perKernel;
        if (into == all) {
          order.add(r.get("policy"));
        }
        assertEquals("v3", r.get("revision"));
        Map<String, Long> m = into.computeIfAbsent(r.get("policy"), k -> new HashMap<>());
        for (String c : cols) {
          m.merge(c, Long.parseLong(r.get(c)), Long::sum);
        }
      }
    }
    assertEquals(List.of("largest-rss", "first-task"), order, "per-policy rows in --policy order");
    for (String policy : order) {
      for (String c : cols) {
        long want = expected.get(policy).getOrDefault(c, 0L);
        assertEquals(want, all.get(policy).get(c), policy + " " + c);
        assertEquals(want, perKernel.get(policy).get(c), policy + " " + c + " summed over the kernel versions");
      }
    }
    String page = Files.readString(out.resolve(FleetJob.SUMMARY_HTML));
    assertTrue(page.contains("<section id=\"policies\">") && page.contains("first-task / v3"), "the page's policy part");
  }

  @Test
  void summariesAddUpAndThePageIsWellFormed() throws Exception {
    Map<String, Long> verdicts = new HashMap<>();
    for (JsonNode e : replay.events()) {
      verdicts.merge(e.get("verdict").asText(), 1L, Long::sum);
    }
    for (String name : List.of("by-kernel", "by-release", "by-scope", "by-victim", "by-host")) {
      long[] sums = new long[4];
      List<String> cols = List.of("events", "agree", "disagree", "undecidable");
      try (CSVParser csv = CSVParser.parse(out.resolve("summary").resolve(name + ".csv"), StandardCharsets.UTF_8,
          CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
        for (CSVRecord r : csv) {
          for (int i = 0; i < 4; i++) {
            sums[i] += Long.parseLong(r.get(cols.get(i)));
          }
        }
      }
      assertEquals(replay.events().size(), sums[0], name);
      assertEquals(verdicts.getOrDefault("agree", 0L), sums[1], name);
      assertEquals(verdicts.getOrDefault("disagree", 0L), sums[2], name);
      assertEquals(verdicts.getOrDefault("undecidable", 0L), sums[3], name);
    }
    List<String> unreadable = Files.readAllLines(out.resolve("summary/unreadable.csv"), StandardCharsets.UTF_8);
    Set<String> listed = new HashSet<>();
    for (String line : unreadable.subList(1, unreadable.size())) {
      listed.add(line.substring(0, line.indexOf(',')));
    }
    assertEquals(Set.of("file:" + odd.get(0), "file:" + odd.get(1), "file:" + UNREADABLE), listed,
        "the two binary files and the unreadable one: " + unreadable);
    assertTrue(Files.readString(work.resolve("local.log")).contains(" files (3 unreadable)"), "the totals count them");
    for (String page : List.of(FleetJob.SUMMARY_HTML, FleetJob.DISAGREEMENTS_HTML)) {
      String html = Files.readString(out.resolve(page));
      assertTrue(!html.contains("<script"), page + ": no scripts");
      DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(out.resolve(page).toFile());
    }
  }

  @Test
  void theDisagreementsAreListedForFollowUp() throws Exception {
    Set<String> expected = new HashSet<>();
    for (JsonNode e : replay.events()) {
      if (e.get("verdict").asText().equals("disagree")) {
        expected.add(ReplayOracle.key(e.get("source").asText(), e));
      }
    }
    assertTrue(expected.size() > 0, "--kernel " + KERNEL + " makes the model disagree on some events");
    Set<String> listed = new HashSet<>();
    for (JsonNode e : FleetRuns.jsonLines(out.resolve(FleetJob.DISAGREEMENTS_JSON))) {
      listed.add(ReplayOracle.key(FleetRuns.localPath(e.get("source").asText()), e));
    }
    assertEquals(expected, listed);
    try (CSVParser csv = CSVParser.parse(out.resolve("summary/reasons.csv"), StandardCharsets.UTF_8,
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
      long disagree = 0;
      for (CSVRecord r : csv) {
        if (r.get("verdict").equals("disagree")) {
          assertEquals("the kernel killed <kernel victim> but the model selects <model victim>", r.get("reason"));
          disagree += Long.parseLong(r.get("events"));
        }
      }
      assertEquals(expected.size(), disagree, "one folded reason for all of them");
    }
    String page = Files.readString(out.resolve(FleetJob.DISAGREEMENTS_HTML));
    String first = expected.iterator().next().split("\t")[0];
    assertTrue(page.contains(first), "disagreements.html shows " + first);
    assertTrue(page.contains("<h4>Policies</h4>") && page.contains("first-task"), "with the policies' parts");
  }
}
