package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.TaskRow;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The live captures of {@code traces/corpus/live-6.18/}: per scenario the kmsg, dmesg and ftrace files are read
 * (format sniffed) and must agree with each other and with the capture harness's {@code NAME.json} record,
 * which is read only as expectations (it is not a log).
 */
class LiveCrossSourceTest {

  static final Path DIR = Path.of("corpus", "live-6.18");

  static Stream<String> scenarios() throws IOException {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".json"))
          .map(n -> n.substring(0, n.length() - 5)).sorted().toList().stream();
    }
  }

  static ReadResult read(String name) throws IOException {
    ReadResult r = OomLogReader.read(DIR.resolve(name));
    LineAccounting a = r.accounting();
    assertTrue(a.holds(), a.summary());
    assertEquals(Logs.lineCount(Files.readString(DIR.resolve(name))), a.total(), name);
    assertEquals(0, a.malformed(), () -> a.malformedLines().toString());
    return r;
  }

  static List<Integer> victims(ReadResult r) {
    return r.events().stream().map(e -> e.victim().pid()).toList();
  }

  static Stream<JsonNode> each(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false);
  }

  @ParameterizedTest
  @MethodSource("scenarios")
  void kmsgDmesgAndFtraceAgreeWithTheCaptureRecord(String scenario) throws IOException {
    JsonNode record = new ObjectMapper().readTree(DIR.resolve(scenario + ".json").toFile());
    List<Integer> kills = each(record.get("kills")).map(k -> k.get("pid").asInt()).toList();
    List<Integer> marked = each(record.get("mark_victim")).map(k -> k.get("pid").asInt()).toList();
    assertEquals(record.get("expected_kills").asInt(), kills.size(), "the capture made the kills it expected");

    ReadResult kmsg = read(scenario + ".kmsg");
    ReadResult dmesg = read(scenario + ".dmesg");
    ReadResult ftrace = read(scenario + ".ftrace");
    assertEquals("kmsg", kmsg.accounting().reader());
    assertEquals("dmesg", dmesg.accounting().reader());
    assertEquals("ftrace", ftrace.accounting().reader());

    assertEquals(kills, victims(dmesg), "dmesg victims in the order of the record's kills");
    assertEquals(kills, victims(kmsg), "kmsg victims in the order of the record's kills");
    assertEquals(marked, victims(ftrace), "ftrace mark_victim pids");
    assertEquals(kills, marked, "the record's kills and mark_victim agree");

    // dmesg and kmsg are the same records: the same events, field for field (but the source name)
    assertEquals(kmsg.events().size(), dmesg.events().size());
    for (int i = 0; i < kmsg.events().size(); i++) {
      OomEvent k = kmsg.events().get(i);
      OomEvent d = dmesg.events().get(i);
      assertEquals(k.victim(), d.victim());
      assertEquals(k.trigger(), d.trigger());
      assertEquals(k.killed(), d.killed());
      assertEquals(k.memcg(), d.memcg());
      assertEquals(k.tasks().stream().map(TaskRow::columns).toList(), d.tasks().stream().map(TaskRow::columns).toList());
      assertEquals(k.hints(), d.hints());
      assertEquals(record.get("kernel").asText(), d.hints().kernelRelease());
      assertEquals(record.get("limit_mb").asLong() * 1024, d.memcg().limitKb());
    }

    // the record's sizes of each kill (from the kmsg Killed lines) are the dmesg victim's and mark_victim's
    for (int i = 0; i < kills.size(); i++) {
      JsonNode k = record.get("kills").get(i);
      for (OomEvent e : List.of(dmesg.events().get(i), ftrace.events().get(i))) {
        assertEquals(k.get("comm").asText(), e.victim().comm());
        assertEquals(k.get("total_vm_kb").asLong(), e.victim().totalVmKb());
        assertEquals(k.get("anon_rss_kb").asLong(), e.victim().anonRssKb());
        assertEquals(k.get("file_rss_kb").asLong(), e.victim().fileRssKb());
        assertEquals(k.get("pgtables_kb").asLong(), e.victim().pgtablesKb());
        assertEquals(k.get("oom_score_adj").asInt(), e.victim().oomScoreAdj());
      }
    }
  }
}
