package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.Victim;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The real trace-cmd recordings in {@code traces/corpus/trace-cmd/} read through {@link OomLogReader} (binary
 * magic sniffed): the mark_victim events are those the real {@code trace-cmd report -R} printed for each file,
 * the accounting counts one record per event the report printed.
 */
class TraceDatThroughOomLogReaderTest {

  static final Path DIR = Path.of("corpus", "trace-cmd");
  private static final Pattern MARK = Pattern.compile(
      "^\\s*(\\S+)-(\\d+)\\s+\\[\\d+\\]\\s+[\\d.]+: mark_victim:\\s+pid=(\\d+) comm=(\\S+) total_vm=(\\d+) "
          + "anon_rss=(\\d+) file_rss=(\\d+) shmem_rss=(\\d+) uid=(\\d+) pgtables=(\\d+) oom_score_adj=(-?\\d+)$");

  static Stream<String> datFiles() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".dat")).sorted().toList().stream();
    }
  }

  static Properties facts() throws IOException {
    Properties p = new Properties();
    try (InputStream in = TraceDatThroughOomLogReaderTest.class.getResourceAsStream("/tracedat/corpus.properties")) {
      p.load(in);
    }
    return p;
  }

  record Expected(List<Victim> victims, List<String> triggers, long records) {}

  /** The victims and event count of the real {@code trace-cmd report -R} text. */
  static Expected fromReport(Path report) throws IOException {
    List<Victim> victims = new ArrayList<>();
    List<String> triggers = new ArrayList<>();
    long records = 0;
    for (String l : Files.readAllLines(report)) {
      if (l.startsWith("cpus=") || l.isBlank()) {
        continue;
      }
      records++;
      Matcher m = MARK.matcher(l);
      if (m.matches()) {
        victims.add(new Victim(Integer.parseInt(m.group(3)), m.group(4), Long.parseLong(m.group(9)),
            Long.parseLong(m.group(5)), Long.parseLong(m.group(6)), Long.parseLong(m.group(7)),
            Long.parseLong(m.group(8)), Long.parseLong(m.group(10)), Integer.parseInt(m.group(11)), "mark_victim"));
        triggers.add(m.group(1) + "-" + m.group(2));
      }
    }
    return new Expected(victims, triggers, records);
  }

  @ParameterizedTest
  @MethodSource("datFiles")
  void markVictimsAreThoseTraceCmdReported(String dat) throws IOException {
    Properties facts = facts();
    Expected want = fromReport(DIR.resolve(facts.getProperty(dat + ".reportRaw")));
    assertEquals(Integer.parseInt(facts.getProperty(dat + ".markVictims")), want.victims().size());

    ReadResult r = OomLogReader.read(DIR.resolve(dat));
    LineAccounting a = r.accounting();
    assertEquals("tracedat", a.reader());
    assertEquals("records", a.unit());
    assertTrue(a.holds(), a.summary());
    assertEquals(want.records(), a.total(), "one record per event trace-cmd report printed");
    assertEquals(0, a.malformed(), a.malformedLines().toString());
    assertEquals(want.victims(), r.events().stream().map(OomEvent::victim).toList());
    assertEquals(want.triggers(), r.events().stream().map(e -> e.trigger().comm() + "-" + e.trigger().pid()).toList());
    for (OomEvent e : r.events()) {
      assertEquals("ftrace", e.origin());
      assertEquals(List.of(e.victim().pid()), e.killed());
      assertTrue(e.firstLine() >= 1 && e.lastLine() <= a.total());
    }
  }

  @ParameterizedTest
  @MethodSource("datFiles")
  void aStreamOfDatBytesIsReadTheSame(String dat) throws IOException {
    ReadResult fromPath = OomLogReader.read(DIR.resolve(dat));
    List<OomEvent> events = new ArrayList<>();
    LineAccounting a = OomLogReader.read(new ByteArrayInputStream(Files.readAllBytes(DIR.resolve(dat))), dat,
        ReadOptions.defaults(), events::add);
    assertEquals(fromPath.accounting().total(), a.total());
    assertEquals(fromPath.events().stream().map(OomEvent::victim).toList(),
        events.stream().map(OomEvent::victim).toList());
  }

  @ParameterizedTest
  @MethodSource("datFiles")
  void theDefaultReportTextGivesTheSameVictims(String dat) throws IOException {
    String raw = facts().getProperty(dat + ".reportRaw");
    Path report = DIR.resolve(raw.replace(".report-raw.txt", ".report.txt"));
    List<Victim> fromText = OomLogReader.read(report).events().stream().map(OomEvent::victim).toList();
    List<Victim> fromDat = OomLogReader.read(DIR.resolve(dat)).events().stream().map(OomEvent::victim).toList();
    assertEquals(fromText, fromDat);
  }

  @ParameterizedTest
  @MethodSource("datFiles")
  void aTruncatedDatIsReportedMalformedNotDropped(String dat) throws IOException {
    byte[] all = Files.readAllBytes(DIR.resolve(dat));
    byte[] cut = java.util.Arrays.copyOf(all, all.length / 2);
    LineAccounting a = OomLogReader.read(new ByteArrayInputStream(cut), dat, ReadOptions.defaults(), e -> { });
    assertTrue(a.holds(), a.summary());
    assertTrue(a.malformed() >= 1, a.summary());
    assertTrue(a.malformedLines().get(0).why().length() > 10, a.malformedLines().toString());
  }
}
