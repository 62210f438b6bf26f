package dev.oomspec.fleet.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.fleet.input.HostRule;
import dev.oomspec.fleet.input.InputFile;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.zip.GZIPOutputStream;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The task's stream of records over real corpus logs: each file's events (the kernel's victims as the corpus index
 * records them, in order), then its file row; a missing file and a file whose read breaks half way are rows with
 * the reason, the events read before the break are kept, and the files after them are still read.
 */
class ReplayStreamTest {
  static final Path CORPUS = repoRoot().resolve("traces/corpus");

  static Path repoRoot() {
    String root = System.getProperty("oomspec.repo.root");
    return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
  }

  /** The victims the corpus index records for a file (kill order), read from INDEX.tsv, not from the replay. */
  static List<Integer> indexedVictims(String file) throws Exception {
    for (String line : Files.readAllLines(CORPUS.resolve("INDEX.tsv"), StandardCharsets.UTF_8)) {
      String[] cols = line.split("\t");
      if (cols[0].equals(file)) {
        List<Integer> pids = new ArrayList<>();
        for (String p : cols[cols.length - 1].split(" ")) {
          pids.add(Integer.parseInt(p));
        }
        return pids;
      }
    }
    throw new AssertionError(file + " not in INDEX.tsv");
  }

  static InputFile local(String corpusFile) throws Exception {
    Path p = CORPUS.resolve(corpusFile);
    return new InputFile("file:" + p, Files.size(p));
  }

  static Configuration conf() {
    Configuration c = new Configuration();
    c.set("fs.broken.impl", BrokenFileSystem.class.getName());
    c.setBoolean("fs.broken.impl.disable.cache", true);
    return c;
  }

  static List<Row> drain(ReplayStream s) {
    List<Row> rows = new ArrayList<>();
    s.forEachRemaining(rows::add);
    return rows;
  }

  @Test
  void eachFilesEventsThenItsRowAndAFailingFileDoesNotStopTheOthers() throws Exception {
    InputFile cascade = local("live-6.18/cascade.dmesg");
    InputFile missing = new InputFile("file:" + CORPUS.resolve("live-6.18/no-such.dmesg"), 0);
    InputFile broken = new InputFile("broken://" + CORPUS.resolve("live-6.18/cascade.dmesg"), cascade.bytes());
    InputFile hog = local("live-6.18/single-hog.dmesg");
    List<Row> rows;
    try (ReplayStream s = new ReplayStream(List.of(cascade, missing, broken, hog), conf(),
        HostRule.parentDirectory(), null, 5)) {
      rows = drain(s);
    }
    List<List<Integer>> victims = new ArrayList<>();
    List<Row> files = new ArrayList<>();
    List<Integer> current = new ArrayList<>();
    for (Row r : rows) {
      if (r.getString(0).equals(FleetSchema.KIND_EVENT)) {
        Row e = r.getStruct(1);
        assertEquals("live-6.18", e.getString(10), "host");
        current.add(e.getStruct(3).getInt(0));
      } else {
        files.add(r.getStruct(2));
        victims.add(current);
        current = new ArrayList<>();
      }
    }
    assertEquals(4, files.size(), "a row per file, in order");
    assertEquals(indexedVictims("live-6.18/cascade.dmesg"), victims.get(0));
    Row ok = files.get(0);
    assertNull(ok.get(12));
    assertEquals(ok.getLong(5), ok.getLong(6) + ok.getLong(7) + ok.getLong(8), "every line accounted");
    assertEquals(5L, ok.getLong(10));

    assertEquals(List.of(), victims.get(1));
    assertEquals("no such file", files.get(1).getString(12));

    // whatever the readers delivered before the break is kept and counted (today they deliver none: OomLogReader
    // drops the reports it holds when its input fails, where a clean cut at the same byte yields 3)
    List<Integer> before = victims.get(2);
    assertTrue(before.size() < 5, "the break cut the file: " + before);
    assertEquals(indexedVictims("live-6.18/cascade.dmesg").subList(0, before.size()), before);
    assertEquals("unreadable" + (before.isEmpty() ? "" : " after " + before.size() + " events") + ": "
        + BrokenFileSystem.MESSAGE, files.get(2).getString(12));
    assertEquals(before.size(), files.get(2).getLong(10));
    assertTrue(files.get(2).isNullAt(5), "no line accounting for a file not read to its end");

    assertEquals(indexedVictims("live-6.18/single-hog.dmesg"), victims.get(3), "read after the failures");
    assertNull(files.get(3).get(12));
  }

  /** The file rows of a stream, in order (its events dropped). */
  static List<Row> fileRows(List<Row> rows) {
    List<Row> files = new ArrayList<>();
    for (Row r : rows) {
      if (r.getString(0).equals(FleetSchema.KIND_FILE)) {
        files.add(r.getStruct(2));
      }
    }
    return files;
  }

  @Test
  void binaryFilesAreNamedAndNotReadAsLines(@TempDir Path dir) throws Exception {
    Path ls = Files.copy(Path.of("/bin/ls"), dir.resolve("ls"));
    Path lsGz = dir.resolve("ls.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(lsGz))) {
      Files.copy(ls, out);
    }
    byte[] random = new byte[200_000];
    new Random(18).nextBytes(random);
    Path noise = Files.write(dir.resolve("kern.log.3"), random);
    Path empty = Files.createFile(dir.resolve("kern.log.4"));
    InputFile hog = local("live-6.18/single-hog.dmesg");
    List<InputFile> files = new ArrayList<>();
    for (Path p : List.of(ls, lsGz, noise, empty)) {
      files.add(new InputFile("file:" + p, Files.size(p)));
    }
    files.add(hog);
    List<Row> rows;
    try (ReplayStream s = new ReplayStream(files, conf(), HostRule.parentDirectory(), null, 5)) {
      rows = drain(s);
    }
    List<Row> f = fileRows(rows);
    assertEquals(5, f.size());
    assertEquals(indexedVictims("live-6.18/single-hog.dmesg").size(), rows.size() - 5, "only the log has events");
    int error = FleetSchema.FILE.fieldIndex("error");
    int content = FleetSchema.FILE.fieldIndex("content");
    int total = FleetSchema.FILE.fieldIndex("total");
    int unrelated = FleetSchema.FILE.fieldIndex("unrelated");
    assertEquals("binary input (an ELF executable or library), not a log", f.get(0).getString(error));
    assertEquals("gzip data: binary input (an ELF executable or library), not a log", f.get(1).getString(error));
    assertTrue(f.get(2).getString(error).startsWith("binary input (binary data: "), f.get(2).getString(error));
    for (Row b : f.subList(0, 3)) {
      assertEquals("binary", b.getString(content));
      assertTrue(b.isNullAt(total) && b.isNullAt(unrelated), "a binary file's bytes are not lines: " + b);
    }
    assertNull(f.get(3).get(error), "an empty file is not an error (as for oomspec replay)");
    assertEquals("empty", f.get(3).getString(content));
    assertEquals(0L, f.get(3).getLong(total));
    assertNull(f.get(4).get(error));
    assertEquals("text", f.get(4).getString(content));
  }

  @Test
  void theHostTheLogPrintsWhenThePathGivesNone(@TempDir Path dir) throws Exception {
    // journalctl -o json: _HOSTNAME of every record ("steamdeck")
    InputFile journal = local("public/014-steamdeck-6.1-global-journal-json.log");
    // the same capture as rsyslog writes it: "Mon DD HH:MM:SS HOST kernel: [ts] text"
    Path syslog = dir.resolve("messages");
    List<String> lines = new ArrayList<>();
    for (String l : Files.readAllLines(CORPUS.resolve("live-6.18/single-hog.dmesg"), StandardCharsets.UTF_8)) {
      lines.add("Dec  6 02:07:27 web-17 kernel: " + l);
    }
    Files.write(syslog, lines, StandardCharsets.UTF_8);
    List<Row> rows;
    HostRule none = HostRule.pattern("/hosts/([^/]+)/"); // matches neither path
    try (ReplayStream s = new ReplayStream(List.of(journal, new InputFile("file:" + syslog, Files.size(syslog))),
        conf(), none, null, 5)) {
      rows = drain(s);
    }
    int host = FleetSchema.EVENT.fieldIndex("host");
    List<String> eventHosts = new ArrayList<>();
    for (Row r : rows) {
      if (r.getString(0).equals(FleetSchema.KIND_EVENT)) {
        eventHosts.add(r.getStruct(1).getString(host));
      }
    }
    List<Row> f = fileRows(rows);
    assertEquals("steamdeck", eventHosts.get(0));
    assertEquals("web-17", eventHosts.get(eventHosts.size() - 1));
    assertEquals(indexedVictims("live-6.18/single-hog.dmesg").size(),
        eventHosts.stream().filter("web-17"::equals).count(), "every syslog event: " + eventHosts);
    assertEquals("steamdeck", f.get(0).getString(FleetSchema.FILE.fieldIndex("host")));
    assertEquals("web-17", f.get(1).getString(FleetSchema.FILE.fieldIndex("host")));
  }

  @Test
  void withPoliciesEachEventCarriesTheirResults() throws Exception {
    // Michal Hocko's leaker report (LKML): the kernel killed leaker (23793), the largest process of the memcg
    InputFile leaker = local("published/042-lkml-hocko-leaker-5.2-memcg-v1-dmesg.log");
    ReplaySettings settings = new ReplaySettings(HostRule.parentDirectory(), null, 5,
        new PolicySetup("largest-rss,test-oom", "v3", List.of()));
    List<Row> rows;
    try (ReplayStream s = new ReplayStream(List.of(leaker), conf(), settings)) {
      rows = drain(s);
    }
    assertEquals(2, rows.size(), "one event, one file row");
    Row e = rows.get(0).getStruct(1);
    assertEquals(FleetSchema.EVENT_WITH_POLICIES.length(), e.length());
    List<Row> p = e.getList(FleetSchema.EVENT_WITH_POLICIES.fieldIndex("policies"));
    assertEquals(List.of("largest-rss", "test-oom"), p.stream().map(r -> r.getString(0)).toList(), "command-line order");
    Row rss = p.get(0);
    assertEquals("v3", rss.getString(FleetSchema.POLICY.fieldIndex("revision")));
    assertEquals("same", rss.getString(FleetSchema.POLICY.fieldIndex("verdict")));
    List<Row> victims = rss.getList(FleetSchema.POLICY.fieldIndex("victims"));
    assertEquals(23793, victims.get(0).getInt(0));
    assertEquals("leaker", victims.get(0).getString(1));
    assertTrue(rss.<Row>getList(FleetSchema.POLICY.fieldIndex("calls")).stream()
        .anyMatch(c -> c.getString(0).equals("bpf_oom_kill_process")), "the kfunc calls are kept");
  }

  @Test
  void closingTheStreamStopsItsThread() throws Exception {
    List<InputFile> many = new ArrayList<>();
    for (int i = 0; i < 200; i++) {
      many.add(local("live-6.18/cascade.dmesg"));
    }
    ReplayStream s = new ReplayStream(many, conf(), HostRule.parentDirectory(), null, 5);
    assertTrue(s.hasNext());
    s.next();
    s.close();
    long deadline = System.nanoTime() + 10_000_000_000L;
    while (readerThreads() > 0 && System.nanoTime() < deadline) {
      Thread.sleep(20);
    }
    assertEquals(0, readerThreads(), "no reader thread left after close");
  }

  private static long readerThreads() {
    return Thread.getAllStackTraces().keySet().stream()
        .filter(t -> t.getName().equals("oomspec-fleet-read") && t.isAlive()).count();
  }
}
