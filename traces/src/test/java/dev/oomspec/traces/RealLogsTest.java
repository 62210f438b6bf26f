package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.TaskRow;
import dev.oomspec.traces.event.Victim;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every real log in logs/INDEX.tsv: the events, victims and reader named there; accounting holds. */
class RealLogsTest {

  static Stream<String> indexed() {
    return Logs.index().keySet().stream();
  }

  @ParameterizedTest
  @MethodSource("indexed")
  void eventsVictimsReaderAndAccountingMatchTheIndex(String file) {
    Map<String, String> row = Logs.index().get(file);
    String text = Logs.text(file);
    ReadResult r = Logs.read(file);
    LineAccounting a = r.accounting();
    assertTrue(a.holds(), a.summary());
    assertEquals(Logs.lineCount(text), a.total(), "every input line is counted");
    assertEquals(0, a.malformed(), () -> a.malformedLines().toString());
    assertEquals(row.get("wrapping"), a.reader(), "sniffed reader");
    assertEquals(Integer.parseInt(row.get("events")), r.events().size(), "events");
    List<Integer> victims = Arrays.stream(row.get("victims").split(",")).map(Integer::parseInt).toList();
    assertEquals(victims, r.events().stream().map(e -> e.victim().pid()).toList(), "victims in order");
    for (OomEvent e : r.events()) {
      assertEquals(file, e.source());
      assertTrue(e.firstLine() >= 1 && e.lastLine() <= a.total());
      if (e.origin().equals("kernel-report")) {
        assertEquals(List.of(), e.missing(), "a complete real report lacks nothing");
        assertEquals(List.of(e.victim().pid()), e.killed());
      }
    }
  }

  @Test
  void steamDeckConsoleAndJournalJsonGiveTheSameEvent() {
    // public/INDEX.tsv: table_rows 101, victim_pid 27345, same event
    OomEvent console = only(Logs.read("013-steamdeck-6.1-global-console-no-timestamps.log"));
    OomEvent journal = only(Logs.read("014-steamdeck-6.1-global-journal-json.log"));
    for (OomEvent e : List.of(console, journal)) {
      assertEquals(101, e.tasks().size());
      assertEquals(27345, e.victim().pid());
      assertEquals("gotg.exe", e.victim().comm());
      assertEquals("CONSTRAINT_NONE", e.constraint());
      assertEquals(Boolean.TRUE, e.globalOom());
      assertEquals("0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)", e.gfpMask());
      assertEquals("6.1.52-valve19-2-neptune-61-00002-g985d0b7eb257", e.hints().kernelRelease());
      assertEquals(List.of("pid", "uid", "tgid", "total_vm", "rss", "pgtables_bytes", "swapents",
          "oom_score_adj", "name"), e.taskColumns());
      assertEquals(0L, e.globalMemory().get("total_swap_kb"));
      assertEquals(3892604L, e.globalMemory().get("pages_RAM"));
    }
    assertEquals(console.tasks().stream().map(TaskRow::columns).toList(),
        journal.tasks().stream().map(TaskRow::columns).toList());
    assertEquals(console.victim(), journal.victim());
    assertEquals(List.of(), console.reaper(), "013 ends at the kill line");
    assertEquals("reaped", journal.reaper().get(0).outcome());
    assertEquals(27345, journal.reaper().get(0).pid());
    assertEquals("steamdeck/09d4b429", journal.stream());
  }

  @Test
  void fiveIdleKillsInTheScenarioOrderInEveryWrapping() {
    JsonNode scenario = Logs.json("live-6.18-five-idle.scenario.json");
    List<Integer> died = stream(scenario.get("died_first")).map(p -> p.get(1).asInt()).toList();
    List<String> names = stream(scenario.get("died_first")).map(p -> p.get(0).asText()).toList();
    for (String f : List.of("live-6.18-five-idle.dmesg", "live-6.18-five-idle.kmsg",
        "live-6.18-five-idle.ftrace")) {
      List<OomEvent> ev = Logs.read(f).events();
      assertEquals(died, ev.stream().map(e -> e.victim().pid()).toList(), f);
      assertEquals(names, ev.stream().map(e -> e.victim().comm()).toList(), f);
      assertEquals(7251, ev.get(0).trigger().pid(), "the hog triggered both");
    }
    OomEvent first = Logs.read("live-6.18-five-idle.dmesg").events().get(0);
    int limitMb = scenario.get("limit_mb").asInt();
    assertEquals(limitMb * 1024L, first.memcg().limitKb());
    assertEquals(5, first.tasks().size(), "all five tasks in the first table");
    assertEquals("v1", first.hints().cgroup());
    assertEquals(scenario.get("kernel").asText(), first.hints().kernelRelease());
  }

  @Test
  void dmesgAndFtraceAgreeOnTheVictimSizes() {
    Victim fromLog = only(Logs.read("live-6.18-single-hog.dmesg")).victim();
    Victim fromTrace = only(Logs.read("live-6.18-single-hog.ftrace")).victim();
    assertEquals(fromLog.pid(), fromTrace.pid());
    assertEquals(fromLog.totalVmKb(), fromTrace.totalVmKb());
    assertEquals(fromLog.anonRssKb(), fromTrace.anonRssKb());
    assertEquals(fromLog.fileRssKb(), fromTrace.fileRssKb());
    assertEquals(fromLog.pgtablesKb(), fromTrace.pgtablesKb());
  }

  @Test
  void traceCmdDefaultAndRawReportsGiveTheSameVictim() {
    // the victim of traces/corpus/trace-cmd/memcg-oom-v7-zstd.trace.dat, as its mark_victim event prints it: pid=18811 comm=python3 total-vm=75160kB anon-rss=65152kB file-rss:6600kB
    for (String f : List.of("memcg-oom-v7.report.txt", "memcg-oom-v7.report-raw.txt")) {
      Victim v = only(Logs.read(f)).victim();
      assertEquals(new Victim(18811, "python3", 0L, 75160L, 65152L, 6600L, 0L, 192L, 0, "mark_victim"), v, f);
    }
  }

  @Test
  void namesWithSpacesColonsAndBracketsSurviveEveryWrapping() {
    JsonNode scenario = Logs.json("live-6.18-names.scenario.json");
    List<String> comms = stream(scenario.get("tasks")).map(t -> t.get("comm").asText()).sorted().toList();
    for (String f : List.of("live-6.18-names.kmsg", "live-6.18-names.dmesg", "live-6.18-names.dmesg-T",
        "live-6.18-names.dmesg-x")) {
      OomEvent e = only(Logs.read(f));
      assertEquals(comms, e.tasks().stream().map(TaskRow::name).sorted().toList(), f);
      assertEquals("Web Content", e.victim().comm(), f);
      assertEquals("Web Content", e.trigger().comm(), f);
      assertNotNull(e.memcg());
      assertEquals(scenario.get("limit_mb").asLong() * 1024, e.memcg().limitKb());
    }
  }

  static OomEvent only(ReadResult r) {
    assertEquals(1, r.events().size(), () -> "events: " + r.events());
    return r.events().get(0);
  }

  static Stream<JsonNode> stream(JsonNode array) {
    return java.util.stream.StreamSupport.stream(array.spliterator(), false);
  }
}
