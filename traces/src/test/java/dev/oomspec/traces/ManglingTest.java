package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.TaskRow;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Real logs mangled the ways published OOM reports are mangled (quotes, CRLF, ANSI colour, indentation, lost
 * newlines, interleaved hosts, caller ids, truncation) still give the real log's events.
 */
class ManglingTest {

  private static final String NAMES = "live-6.18-names.dmesg";

  private static List<String> lines(String name) {
    return List.of(Logs.text(name).split("\n"));
  }

  private static ReadResult read(String text) {
    return Logs.readText("mangled", text, ReadOptions.defaults());
  }

  private static void sameAsOriginal(String original, ReadResult mangled) {
    OomEvent want = RealLogsTest.only(Logs.read(original));
    OomEvent got = RealLogsTest.only(mangled);
    assertTrue(mangled.accounting().holds());
    assertEquals(want.victim(), got.victim());
    assertEquals(want.tasks().stream().map(TaskRow::columns).toList(),
        got.tasks().stream().map(TaskRow::columns).toList());
    assertEquals(want.memcg(), got.memcg());
    assertEquals(want.gfpMask(), got.gfpMask());
  }

  @Test
  void mailQuotesAreStripped() {
    StringBuilder sb = new StringBuilder();
    lines(NAMES).forEach(l -> sb.append("> ").append(l).append('\n'));
    sameAsOriginal(NAMES, read(sb.toString()));
    StringBuilder twice = new StringBuilder();
    lines(NAMES).forEach(l -> twice.append("> : ").append(l).append('\n'));
    sameAsOriginal(NAMES, read(twice.toString()));
  }

  @Test
  void crlfAnsiColourAndIndentationAreHarmless() {
    String console = "013-steamdeck-6.1-global-console-no-timestamps.log";
    StringBuilder sb = new StringBuilder();
    for (String l : lines(console)) {
      sb.append("  \u001b[1;31m").append(l).append("\u001b[0m\r\n");
    }
    sameAsOriginal(console, read(sb.toString()));
  }

  @Test
  void linesThatLostTheirNewlineAreSplitAtTheirTimestamp() {
    List<String> ls = lines(NAMES);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < ls.size(); i++) {
      sb.append(ls.get(i)).append(i % 3 == 2 ? "\n" : "");
    }
    ReadResult r = read(sb.toString());
    sameAsOriginal(NAMES, r);
    assertEquals((ls.size() + 2) / 3, r.accounting().total());
  }

  @Test
  void twoHostsInterleavedInOneSyslogAreSeparated() {
    List<String> a = lines("live-6.18-single-hog.dmesg");
    List<String> b = lines(NAMES);
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i < a.size()) {
        sb.append("Nov 22 02:58:21 alpha kernel: ").append(a.get(i)).append('\n');
      }
      if (i < b.size()) {
        sb.append("Nov 22 02:58:21 beta kernel: ").append(b.get(i)).append('\n');
      }
      if (i % 10 == 0) {
        sb.append("Nov 22 02:58:21 beta systemd[1]: Started something.\n");
      }
    }
    ReadResult r = read(sb.toString());
    assertEquals("syslog", r.accounting().reader());
    assertEquals(List.of(7186, 24545), r.events().stream().map(e -> e.victim().pid()).toList());
    assertEquals(List.of("alpha", "beta"), r.events().stream().map(OomEvent::stream).toList());
    assertEquals(List.of(1, 3), r.events().stream().map(e -> e.tasks().size()).toList());
    assertTrue(r.events().stream().allMatch(e -> e.missing().isEmpty()), () -> r.events().toString());
    assertEquals(0, r.accounting().malformed());
  }

  @Test
  void callerIdsSeparateTwoReportsPrintedAtOnce() {
    List<String> a = withCaller(lines("live-6.18-single-hog.dmesg"), "T7186");
    List<String> b = withCaller(lines(NAMES), "T24545");
    List<String> mixed = new ArrayList<>();
    for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
      if (i < a.size()) {
        mixed.add(a.get(i));
      }
      if (i < b.size()) {
        mixed.add(b.get(i));
      }
    }
    ReadResult r = read(String.join("\n", mixed) + "\n");
    assertEquals(List.of(7186, 24545), r.events().stream().map(e -> e.victim().pid()).toList());
    assertEquals(List.of(1, 3), r.events().stream().map(e -> e.tasks().size()).toList());
    assertEquals(r.accounting().total(), r.accounting().event());
  }

  private static List<String> withCaller(List<String> dmesg, String id) {
    return dmesg.stream().map(l -> {
      int close = l.indexOf(']');
      return l.substring(0, close + 1) + "[" + " ".repeat(Math.max(0, 6 - id.length())) + id + "]"
          + l.substring(close + 1);
    }).toList();
  }

  @Test
  void aReportCutBeforeItsKillLineIsStillAnEventThatSaysWhatItLacks() {
    List<String> ls = lines("live-6.18-five-idle.dmesg");
    // keep the first report up to its summary line only
    int summary = 0;
    while (!ls.get(summary).contains("oom-kill:")) {
      summary++;
    }
    ReadResult r = read(String.join("\n", ls.subList(0, summary + 1)) + "\n");
    OomEvent e = RealLogsTest.only(r);
    assertTrue(e.lacks("kill line"), e.missing().toString());
    assertEquals(7250, e.victim().pid(), "victim from the summary line");
    assertEquals("summary", e.victim().from());
  }

  @Test
  void aReportCutInTheMiddleThenFollowedByAnotherIsClosedAndKept() {
    List<String> ls = new ArrayList<>(lines("live-6.18-five-idle.dmesg"));
    ls.subList(40, 82).clear(); // first report loses the end of its stats, table, summary and kill line
    ReadResult r = read(String.join("\n", ls) + "\n");
    assertEquals(2, r.events().size());
    assertTrue(r.events().get(0).lacks("kill line"));
    assertTrue(r.events().get(0).lacks("task table"));
    assertEquals(7251, r.events().get(1).victim().pid());
    assertTrue(r.accounting().holds());
  }
}
