package dev.oomspec.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.OutputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code oomspec replay} and {@code events} on a user's own files: compressed input, exit codes for empty, binary
 * and missing input, option values checked when parsed, the line accounting, the page's original lines and points
 * breakdown, user-space kills said to be such. (Relative paths from another directory are run by
 * {@code .ci/docs-examples.sh}, which starts the launcher outside the checkout.)
 */
class ReplayUserFilesTest {

  /** A real report: Michal Hocko's 5.2 memcg v1 leaker (LKML, corpus published/042). */
  static final Path LEAKER = Path.of("..", "traces", "corpus", "published", "042-lkml-hocko-leaker-5.2-memcg-v1-dmesg.log");
  static final Path EARLYOOM = Path.of("..", "traces", "src", "test", "resources", "heldout", "earlyoom-readme-journal.log");

  record Run(int exit, String out, String err) {}

  static Run run(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cli = new CommandLine(new OomspecCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    int exit = cli.execute(args);
    return new Run(exit, out.toString(), err.toString());
  }

  static Path gzip(Path src, Path dst) throws Exception {
    try (OutputStream o = new GZIPOutputStream(Files.newOutputStream(dst))) {
      Files.copy(src, o);
    }
    return dst;
  }

  @Test
  void aGzippedRotatedLogIsReplayed(@TempDir Path dir) throws Exception {
    Path gz = gzip(LEAKER, dir.resolve("kern.log.1.gz"));
    Path out = dir.resolve("r.txt");
    Run r = run("replay", "--out", out.toString(), gz.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(Files.readString(out).contains("1 OOM events replayed: 1 agree"), Files.readString(out));
    assertTrue(r.err().contains("kern.log.1.gz (gzip): 47 lines: 47 event, 0 unrelated, 0 malformed (reader dmesg)"),
        r.err());
  }

  @Test
  void emptyBinaryAndMissingInputsExitTwoWithOneLine(@TempDir Path dir) throws Exception {
    Path empty = Files.createFile(dir.resolve("empty.log"));
    Run e = run("replay", "--out", dir.resolve("o1").toString(), empty.toString());
    assertEquals(2, e.exit());
    assertTrue(e.err().contains("empty.log: empty"), e.err());
    assertTrue(e.err().contains("no OOM event found in any input"), e.err());

    byte[] noise = new byte[1 << 20];
    new SplittableRandom(3).nextBytes(noise);
    noise[0] = 'x';
    Path bin = Files.write(dir.resolve("rand.bin"), noise);
    Run b = run("replay", "--out", dir.resolve("o2").toString(), bin.toString());
    assertEquals(2, b.exit());
    assertTrue(b.err().contains("rand.bin: binary input (binary data: "), b.err());
    assertFalse(b.err().contains("Exception"), b.err());

    Path ls = Path.of("/bin/ls");
    if (Files.isRegularFile(ls)) {
      Run l = run("events", ls.toString());
      assertEquals(2, l.exit());
      assertTrue(l.err().contains("/bin/ls: binary input (an ELF executable or library), not a log"), l.err());
    }
    Run n = run("events", dir.resolve("nope").toString());
    assertEquals(2, n.exit());
    assertTrue(n.err().contains("nope: no such file"), n.err());
    Run d = run("events", dir.toString());
    assertTrue(d.err().contains("is a directory"), d.err());
  }

  @Test
  void badOptionValuesAreUsageErrors(@TempDir Path dir) {
    for (String[] args : new String[][] {
        {"replay", "--reader", "nonsense", LEAKER.toString()},
        {"replay", "--jobs", "0", LEAKER.toString()},
        {"replay", "--jobs", "-3", LEAKER.toString()},
        {"replay", "--candidates", "0", LEAKER.toString()},
        {"replay", "--kernel", "99.99", LEAKER.toString()},
        {"replay", "--kernel", "banana", LEAKER.toString()},
        {"events", "--max-line", "4", LEAKER.toString()},
        {"events", "--reader", "nonsense", LEAKER.toString()}}) {
      Run r = run(args);
      assertEquals(2, r.exit(), String.join(" ", args));
      assertTrue(r.err().startsWith("Invalid value for option"), String.join(" ", args) + ": " + r.err());
      assertFalse(r.err().contains("\tat "), r.err()); // no stack trace
    }
    Run help = run("replay", "--help");
    assertTrue(help.out().contains("tracedat"), help.out());
  }

  @Test
  void theAccountingIsAlwaysPrintedUnlessQuiet(@TempDir Path dir) {
    Run loud = run("replay", "--out", dir.resolve("a").toString(), LEAKER.toString());
    assertTrue(loud.err().contains("47 lines: 47 event"), loud.err());
    Run quiet = run("replay", "--quiet", "--out", dir.resolve("b").toString(), LEAKER.toString());
    assertEquals(0, quiet.exit());
    assertEquals("", quiet.err());
  }

  @Test
  void thePageOfAUsersFileHasItsLinesAndThePointsInParts(@TempDir Path dir) throws Exception {
    Path gz = gzip(LEAKER, dir.resolve("kern.log.gz"));
    Path html = dir.resolve("report.html");
    Run r = run("replay", "--format", "html", "--out", html.toString(), gz.toString(), EARLYOOM.toString());
    assertEquals(0, r.exit(), r.err());
    String page = Files.readString(html, StandardCharsets.UTF_8);
    assertTrue(page.contains("Original log lines (47)"), "original lines");
    assertTrue(page.contains("leaker invoked oom-killer"), "a line of the log");
    assertFalse(page.contains("Original lines not recorded"));
    assertTrue(page.contains("<th>= rss</th>") && page.contains("+ adj × totalpages/1000"), "points in parts");
    assertTrue(page.contains("Triggered by"), "trigger");
    assertTrue(page.contains("memcg /leaker"), "scope");
    assertTrue(page.contains("Generated ") && page.contains(" by oomspec "), "header");
    assertTrue(page.contains("Events without a kernel report") && page.contains("tool earlyoom"), "unreplayed");
  }

  @Test
  void userSpaceKillsAreSaidToBeSuch(@TempDir Path dir) throws Exception {
    Path out = dir.resolve("t.txt");
    Run r = run("replay", "--out", out.toString(), EARLYOOM.toString());
    assertEquals(0, r.exit(), r.err()); // an event was found; nothing disagrees
    String text = Files.readString(out);
    assertTrue(text.contains("a user-space OOM killer's kill, not a kernel OOM report"), text);
    assertTrue(text.contains("1 user-space kill by earlyoom: no kernel report, not replayed"), text);
  }

  @Test
  void rotatedSetsAreReadOldestFirst(@TempDir Path dir) throws Exception {
    Path live = Files.copy(LEAKER, dir.resolve("kern.log"));
    Path old = gzip(LEAKER, dir.resolve("kern.log.2.gz"));
    Path mid = Files.copy(LEAKER, dir.resolve("kern.log.1"));
    Path out = dir.resolve("r.json");
    Run r = run("replay", "--format", "json", "--out", out.toString(), live.toString(), mid.toString(), old.toString());
    assertEquals(0, r.exit(), r.err());
    assertTrue(r.err().contains("reading rotated logs oldest first: " + old + " " + mid + " " + live), r.err());
    String[] lines = Files.readString(out).strip().split("\n");
    assertEquals(3, lines.length);
    assertTrue(lines[0].contains("kern.log.2.gz") && lines[2].contains("\"source\":\"" + live), lines[0]);
  }

  @Test
  void theProgressLineHasBytesPercentEventsRateAndEta() {
    long[] now = {0};
    StringWriter w = new StringWriter();
    Progress p = new Progress(new PrintWriter(w), 2, 100L << 20, true, () -> now[0]);
    p.bytes().set(25L << 20);
    now[0] = 5_000_000_000L;
    assertEquals("replaying 1/2 inputs  25.0 MiB of 100.0 MiB (25 %)  0 events  5.0 MiB/s  ETA 0:15", p.line(now[0]));
    p.event();
    p.clear();
    assertTrue(w.toString().endsWith("\r\033[K"), "cleared");
  }
}
