package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.event.OomEvent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every real published log of {@code published/INDEX.tsv}, read with the format sniffed. The expected values
 * (wrapping, task rows, victim, kernel release) come from INDEX.tsv, written by the people who collected the
 * logs; the test never takes them from the parser.
 */
class PublishedLogsTest {

  /**
   * INDEX {@code wrapping} → the readers consistent with it. {@code journal} short output without its banner is
   * the syslog line format (one decoder serves both); journal lines published with only {@code kernel:} are
   * read by {@code journal}. {@code dmesg}/{@code console} text whose timestamps were removed is bare console
   * text; console captures with timestamps are dmesg text. Indented logs are de-indented, then sniffed.
   */
  static final Map<String, Set<String>> READERS = Map.of(
      "dmesg", Set.of("dmesg"),
      "dmesg-indented", Set.of("dmesg"),
      "dmesg-T-en", Set.of("dmesg-T"),
      "dmesg-T-ja", Set.of("dmesg-T"),
      "syslog", Set.of("syslog"),
      "journal", Set.of("journal", "syslog"),
      "console", Set.of("dmesg", "console", "journal-monotonic"), // a VM console: kernel lines and journal lines ([t] prog[pid]: …)
      "bare", Set.of("console"),
      "bcc", Set.of("oomkill"),
      "bpftrace", Set.of("oomkill"));

  private static final Pattern DMESG_STAMP = Pattern.compile("(?m)^\\s*\\[\\s*\\+?\\d+\\.\\d+\\]");
  private static final Pattern STACK_HEADER = Pattern.compile("CPU: \\d+ (UID: \\d+ )?PID: \\d+ Comm: ");

  static ReadResult read(String name) {
    return Logs.readText(name, Logs.publishedText(name), ReadOptions.defaults());
  }

  static Stream<String> indexed() {
    return Logs.publishedIndex().keySet().stream();
  }

  @Test
  void theIndexListsThe36CollectedLogs() {
    assertEquals(36, Logs.publishedIndex().size());
  }

  @ParameterizedTest
  @MethodSource("indexed")
  void readAsTheIndexSays(String file) {
    Map<String, String> row = Logs.publishedIndex().get(file);
    String text = Logs.publishedText(file);
    ReadResult r = read(file);
    LineAccounting a = r.accounting();

    // every line accounted for, malformed lines named by file:line with a reason
    assertTrue(a.holds(), a.summary());
    assertEquals(Logs.lineCount(text), a.total(), "every input line is counted");
    for (Malformed m : a.malformedLines()) {
      assertEquals(file, m.file());
      assertTrue(m.line() >= 1 && m.line() <= a.total() && !m.why().isBlank(), m.toString());
    }

    // the sniffed reader is consistent with the INDEX wrapping
    String wrapping = row.get("wrapping");
    Set<String> ok = Objects.requireNonNull(READERS.get(wrapping), "unmapped wrapping " + wrapping);
    if (wrapping.equals("dmesg") && !DMESG_STAMP.matcher(text).find()) {
      ok = Set.of("console"); // dmesg text published with its timestamps removed (001)
    }
    assertTrue(ok.contains(a.reader()), "wrapping " + wrapping + " read by " + a.reader());

    assertFalse(r.events().isEmpty(), "every collected log holds at least part of an OOM kill");

    // victim
    String vp = row.get("victim_pid");
    OomEvent withVictim = null;
    if (!vp.isEmpty()) {
      int pid = Integer.parseInt(vp);
      withVictim = r.events().stream()
          .filter(e -> e.victim() != null && e.victim().pid() == pid || e.killed().contains(pid))
          .findFirst().orElse(null);
      assertNotNull(withVictim, "no event has victim " + pid + ": " + victims(r));
      if (withVictim.victim() != null && withVictim.victim().pid() == pid && !row.get("victim_comm").isEmpty()) {
        assertEquals(row.get("victim_comm"), withVictim.victim().comm());
      }
    }

    // task rows (of the victim's event; without a victim, of the event that has a task table)
    int rows = Integer.parseInt(row.get("table_rows"));
    if (rows > 0) {
      OomEvent e = withVictim != null ? withVictim
          : r.events().stream().filter(x -> !x.tasks().isEmpty()).findFirst().orElse(null);
      assertNotNull(e, "no event with a task table");
      assertEquals(rows, e.tasks().size(), "task rows");
    }

    // kernel release, where the published text prints a stack header
    String kernel = row.get("kernel");
    if (!kernel.equals("unknown") && STACK_HEADER.matcher(text).find()) {
      List<String> releases = r.events().stream().map(e -> e.hints() == null ? null : e.hints().kernelRelease())
          .filter(Objects::nonNull).distinct().toList();
      assertEquals(List.of(kernel), releases, "kernel release");
    }

    if (row.get("kind").equals("sysrq")) {
      assertTrue(r.events().stream().anyMatch(e -> e.hints() != null && e.hints().sysrq()), "sysrq OOM");
    }

    if (row.get("complete").equals("yes")) {
      assertEquals(0, a.malformed(), () -> a.malformedLines().toString());
    } else {
      // an excerpt: every report read from it says what it lacks
      for (OomEvent e : r.events()) {
        assertFalse(e.missing().isEmpty(), "event at " + e.firstLine() + " of an excerpt lacks nothing?");
      }
    }
  }

  @Test
  void completeReportsGiveExactlyTheirEvents() {
    // INDEX notes: 041 holds two complete reports, the others one
    Map<String, List<Integer>> victims = Map.of(
        "001-oomanalyser-example-3.10-rhel7-global-bare.log", List.of(6576),
        "040-oomanalyser-example-5.13-ubuntu-sysrq-bare.log", List.of(651),
        "041-lkml-ethgen-4.9-i686-highmem-global-dmesg-indented.log", List.of(2935, 2718),
        "042-lkml-hocko-leaker-5.2-memcg-v1-dmesg.log", List.of(23793),
        "043-apiscp-docs-unknown-rhel7-memcg-v1-dmesg-elided.log", List.of(25892),
        "022-bcc-3811-unknown-libbpf-tools-oomkill-bcc.log", List.of(636163),
        "023-bpftrace-4533-unknown-memcg-v2-oomkill-bt.log", List.of(224943));
    Logs.publishedIndex().forEach((file, row) -> {
      if (row.get("complete").equals("yes")) {
        assertTrue(victims.containsKey(file), "expectation for " + file);
      }
    });
    victims.forEach((file, pids) -> {
      ReadResult r = read(file);
      assertEquals(pids, r.events().stream().map(e -> e.victim().pid()).toList(), file);
    });
  }

  @Test
  void the41SecondReportIsAlsoComplete() {
    // INDEX notes of 041: "second: Xorg invoked, 71 rows, victim 2718 psi-plus"
    ReadResult r = read("041-lkml-ethgen-4.9-i686-highmem-global-dmesg-indented.log");
    assertEquals(2, r.events().size());
    OomEvent second = r.events().get(1);
    assertEquals("Xorg", second.trigger().comm());
    assertEquals(71, second.tasks().size());
    assertEquals(2718, second.victim().pid());
    assertEquals("psi-plus", second.victim().comm());
    assertEquals(List.of("pid", "uid", "tgid", "total_vm", "rss", "nr_ptes", "nr_pmds", "swapents",
        "oom_score_adj", "name"), second.taskColumns());
    assertEquals(List.of(), second.missing());
    assertEquals("4.9.0", second.hints().kernelRelease());
    assertEquals(556722L, second.globalMemory().get("pages_HighMem_MovableOnly"));
  }

  @Test
  void elisionsHardWrapsAndCutHeadersAreReportedNotDropped() {
    OomEvent e002 = read("002-lore-test-zswap-6.12-ppc64le-memcg-v2-dmesg-indented.log").events().get(0);
    assertTrue(e002.lacks("elided lines"), e002.missing().toString());
    OomEvent e025 = read("025-ltp-1034-unknown-global-table-syslog-elided.log").events().get(0);
    assertTrue(e025.lacks("elided lines") && e025.lacks("header"), e025.missing().toString());
    // 012: 'rss:44' + '8KB' on the next (wrapped) line of the published paste
    OomEvent e012 = read("012-kubedirector-356-unknown-memcg-v1-dmesg-wrapped.log").events().get(0);
    assertEquals(448L, e012.memcg().stats().get("rss"));
    assertEquals(0L, e012.memcg().stats().get("rss_huge"));
    assertEquals(253592L, e012.memcg().stats().get("active_file"));
    // 032: the stack header and frames before the first OOM frame belong to the report
    ReadResult r032 = read("032-rpi-5395-6.6-armv7-global-dmesg-reltime.log");
    assertEquals(1, r032.events().size());
    assertEquals(1, r032.events().get(0).firstLine());
    assertEquals(351, r032.events().get(0).trigger().pid());
    assertEquals(r032.accounting().total(), r032.accounting().event());
    // 011: stack tail before the memcg usage lines is adopted; the header is reported missing
    ReadResult r011 = read("011-dpservice-74-unknown-memcg-v2-journal.log");
    assertEquals(1, r011.events().get(0).firstLine());
    assertTrue(r011.events().get(0).lacks("header"));
    assertEquals(1048576L, r011.events().get(0).memcg().limitKb());
  }

  @Test
  void garbledToolOutputKeepsTheTriggerAndNamesTheImpossibleVictim() {
    // INDEX notes of 021: "victim pid 1835561760 and comm 'lukB high:%lukB ' are garbage, pages 2361183241434822607"
    ReadResult r = read("021-bcc-1911-unknown-bcc-oomkill-garbled.log");
    assertEquals(List.of(10505, 10414, 917, 2023), r.events().stream().map(e -> e.trigger().pid()).toList());
    for (OomEvent e : r.events()) {
      assertEquals(null, e.victim());
      assertEquals(List.of(), e.killed());
      assertTrue(e.lacks("victim") && e.lacks("totalpages"), e.missing().toString());
      assertTrue(e.missing().stream().anyMatch(m -> m.why().contains("021-bcc-1911-unknown-bcc-oomkill-garbled.log:"
          + e.firstLine())), e.missing().toString());
    }
  }

  static List<String> victims(ReadResult r) {
    return r.events().stream().map(e -> (e.victim() == null ? "-" : e.victim().pid() + "") + e.killed()).toList();
  }
}
