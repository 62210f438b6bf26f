package dev.oomspec.traces.tracedat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.ftrace.FtraceEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real recording decodes to exactly the events the real {@code trace-cmd report -R} printed for it. */
class TraceDatCorpusTest {

  static Stream<Path> datFiles() {
    List<Path> files = Corpus.datFiles();
    assertFalse(files.isEmpty(), "no .dat files in " + Corpus.DIR.toAbsolutePath());
    return files.stream();
  }

  static List<FtraceEvent> read(Path dat) throws Exception {
    try (TraceDatReader r = TraceDatReader.open(dat)) {
      return r.events().toList();
    }
  }

  @ParameterizedTest(name = "{0} matches trace-cmd report -R")
  @MethodSource("datFiles")
  void matchesReportRawMicroseconds(Path dat) throws Exception {
    compare(dat, Corpus.DIR.resolve(Corpus.fact(dat, "reportRaw")));
  }

  @ParameterizedTest(name = "{0} matches trace-cmd report -R -t (ns)")
  @MethodSource("datFiles")
  void matchesReportRawNanoseconds(Path dat) throws Exception {
    compare(dat, Corpus.DIR.resolve(Corpus.fact(dat, "reportRawNs")));
  }

  private static void compare(Path dat, Path report) throws Exception {
    List<ReportText.Line> expected = ReportText.parse(report);
    List<FtraceEvent> actual = read(dat);
    assertEquals(expected.size(), actual.size(), dat + ": event count vs " + report.getFileName());
    for (int i = 0; i < expected.size(); i++) {
      ReportText.Line want = expected.get(i);
      FtraceEvent got = actual.get(i);
      String at = dat.getFileName() + " event #" + i + " (" + want.time() + " " + want.event() + ")";
      assertEquals(want.event(), got.event(), at + ": event");
      assertEquals(want.pid(), got.pid(), at + ": pid");
      assertEquals(want.cpu(), got.cpu(), at + ": cpu");
      assertEquals(want.comm(), got.comm(), at + ": task comm");
      assertTrue(want.timeMatches(got.timestampNs()), at + ": timestamp " + got.timestampNs() + " ns");
      assertEquals(want.fields(), got.fields(), at + ": fields");
    }
  }

  @ParameterizedTest(name = "{0} has the recorded number of mark_victim events")
  @MethodSource("datFiles")
  void markVictims(Path dat) throws Exception {
    long victims = read(dat).stream()
        .filter(e -> e.system().equals("oom") && e.event().equals("mark_victim")).count();
    assertEquals(Long.parseLong(Corpus.fact(dat, "markVictims")), victims, dat.toString());
  }

  @ParameterizedTest(name = "{0} summary matches trace-cmd dump --summary")
  @MethodSource("datFiles")
  void summary(Path dat) throws Exception {
    try (TraceDatReader r = TraceDatReader.open(dat)) {
      TraceDatInfo info = r.info();
      assertEquals(Integer.parseInt(Corpus.fact(dat, "version")), info.version(), "version");
      assertEquals(Corpus.fact(dat, "endian").equals("big"), info.bigEndian(), "endianness");
      assertEquals(Integer.parseInt(Corpus.fact(dat, "longSize")), info.longSize(), "long size");
      assertEquals(Integer.parseInt(Corpus.fact(dat, "pageSize")), info.pageSize(), "page size");
      assertEquals(Corpus.fact(dat, "compression"), info.compression(), "compression");
      assertEquals(Corpus.fact(dat, "compressionVersion"), info.compressionVersion(), "compression version");
      assertEquals(Integer.parseInt(Corpus.fact(dat, "cpus")), info.cpus(), "cpus");
      assertEquals(Corpus.fact(dat, "clock"), info.clock(), "clock");
      long ftrace = info.events().stream().filter(e -> e.system().equals("ftrace")).count();
      long systems = info.events().stream().map(EventFormat::system).filter(s -> !s.equals("ftrace"))
          .distinct().count();
      assertEquals(Long.parseLong(Corpus.fact(dat, "ftraceEvents")), ftrace, "ftrace formats");
      assertEquals(Long.parseLong(Corpus.fact(dat, "eventSystems")), systems, "event systems");
    }
  }
}
