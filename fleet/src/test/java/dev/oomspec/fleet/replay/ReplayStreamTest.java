package dev.oomspec.fleet.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.fleet.input.HostRule;
import dev.oomspec.fleet.input.InputFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.sql.Row;
import org.junit.jupiter.api.Test;

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
