package dev.oomspec.traces.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oomspec.traces.LineAccounting;
import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.event.OomEvent;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The wrappings syslog daemons, journald and Kubernetes tools put around kernel OOM lines, each with a published
 * example (the source is named at each test). The held-out fixtures of {@code HeldOutRecallTest} cover the tools'
 * own outputs (Inspektor Gadget tables, node-problem-detector events, earlyoom and systemd-oomd lines).
 */
class WrappingsTest {

  /** OOMAnalyser's example_rhel7 — the report OOMAnalyser's prefix test wraps (corpus copy, bare printk text). */
  static final Path RHEL7 = Path.of("corpus/published/001-oomanalyser-example-3.10-rhel7-global-bare.log");
  static final Path LEAKER = Path.of("corpus/published/042-lkml-hocko-leaker-5.2-memcg-v1-dmesg.log");
  static final Path STEAMDECK_JSON = Path.of("corpus/public/014-steamdeck-6.1-global-journal-json.log");

  record Read(List<OomEvent> events, LineAccounting accounting) {}

  static Read read(String text, String name) throws IOException {
    List<OomEvent> events = new ArrayList<>();
    LineAccounting a = OomLogReader.read(new StringReader(text), name, ReadOptions.defaults(), events::add);
    return new Read(events, a);
  }

  /**
   * CarstenGrohmann/OOMAnalyser test.py (TestBrowserRhel7.test_030_removal_of_leading_but_useless_columns):
   * example_rhel7 with each of these prefixes in front of every line must analyse as the bare example does. Its
   * seventh prefix, {@code "Apr 01 14:13:32 mysrv: "}, names no program (a host and a colon): a syslog reader cannot
   * tell such lines from another program's and counts them unrelated, so it is not among these.
   */
  @ParameterizedTest
  @ValueSource(strings = {"[11686.888109] ", "Apr 01 14:13:32 mysrv kernel: ",
      "Apr 01 14:13:32 mysrv <kern.warning> kernel: ", "Apr 01 14:13:32 mysrv kernel: [11686.888109] ", "kernel:",
      "Apr 01 14:13:32 mysrv <kern.warning> kernel:"})
  void oomAnalyserPrefixesGiveTheBareReportsEvent(String prefix) throws IOException {
    List<String> lines = Files.readAllLines(RHEL7, StandardCharsets.UTF_8);
    StringBuilder b = new StringBuilder();
    lines.forEach(l -> b.append(prefix).append(l).append('\n'));
    Read bare = read(String.join("\n", lines) + "\n", "bare");
    Read wrapped = read(b.toString(), "wrapped");
    assertEquals(1, wrapped.events().size(), prefix);
    OomEvent e = wrapped.events().get(0);
    assertEquals(6576, e.victim().pid(), prefix);
    assertEquals(bare.events().get(0).tasks().size(), e.tasks().size(), prefix);
    assertEquals("sed", e.trigger().comm(), prefix);
    assertEquals("0x201da", e.gfpMask(), prefix);
    assertEquals(0, wrapped.accounting().malformed(), prefix);
  }

  /**
   * rsyslog's control-character escaping writes a multi-line kernel record as one line with {@code #012} between
   * its lines (OOMAnalyser test.py test_030/test_040 join the Mem-Info block that way; a published Rocky 8
   * /var/log/messages shows {@code kernel: active_anon:4558 inactive_anon:469552 isolated_anon:0#012 active_file:…}).
   */
  @Test
  void rsyslogEscapedLineFeedsSplitARecord() throws IOException {
    String rocky = "Jul 15 23:44:32 rocky8 kernel: active_anon:4558 inactive_anon:469552 isolated_anon:0#012"
        + " active_file:6371 inactive_file:4910 isolated_file:0#012 unevictable:0 dirty:0 writeback:0#012"
        + " slab_reclaimable:9955 slab_unreclaimable:17169";
    SyslogPrefix p = SyslogPrefix.parse(rocky);
    List<String> pieces = SyslogVariants.lines(p.message());
    assertEquals(List.of("active_anon:4558 inactive_anon:469552 isolated_anon:0",
        " active_file:6371 inactive_file:4910 isolated_file:0", " unevictable:0 dirty:0 writeback:0",
        " slab_reclaimable:9955 slab_unreclaimable:17169"), pieces);
    // the whole RHEL7 report with its Mem-Info block joined as rsyslog writes it
    List<String> lines = Files.readAllLines(RHEL7, StandardCharsets.UTF_8);
    int mi = lines.indexOf("Mem-Info:");
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < lines.size(); i++) {
      if (i > mi + 1 && i <= mi + 6) {
        continue;
      }
      String l = i == mi + 1 ? String.join("#012", lines.subList(mi + 1, mi + 7)) : lines.get(i);
      b.append("Apr 01 14:13:32 mysrv kernel: ").append(l).append('\n');
    }
    Read r = read(b.toString(), "rsyslog");
    assertEquals(1, r.events().size());
    OomEvent e = r.events().get(0);
    assertEquals(6576, e.victim().pid());
    assertEquals(7355653L, e.globalMemory().get("active_anon"));
    assertEquals(25222L, e.globalMemory().get("pagetables"));
  }

  /** RFC 5424 section 6.5, examples 1 and 3: header fields, absent fields as '-', structured data. */
  @Test
  void rfc5424HeadersAreRead() {
    SyslogPrefix one = SyslogPrefix.parse(
        "<34>1 2003-10-11T22:14:15.003Z mymachine.example.com su - ID47 - \uFEFF'su root' failed for lonvick on /dev/pts/8");
    assertNotNull(one);
    assertEquals("2003-10-11T22:14:15.003Z", one.wallClock());
    assertEquals("mymachine.example.com", one.host());
    assertEquals("su", one.ident());
    assertEquals("'su root' failed for lonvick on /dev/pts/8", one.message());
    SyslogPrefix three = SyslogPrefix.parse("<165>1 2003-10-11T22:14:15.003Z mymachine.example.com evntslog - ID47"
        + " [exampleSDID@32473 iut=\"3\" eventSource=\"Application\" eventID=\"1011\"] \uFEFFAn application event"
        + " log entry...");
    assertNotNull(three);
    assertEquals("evntslog", three.ident());
    assertEquals("An application event log entry...", three.message());
  }

  /** A whole kernel report in rsyslog's RFC 5424 template (RSYSLOG_SyslogProtocol23Format): kernel is the app. */
  @Test
  void aReportInRfc5424IsReadLikeTheDmesgOne() throws IOException {
    StringBuilder b = new StringBuilder();
    for (String l : Files.readAllLines(LEAKER, StandardCharsets.UTF_8)) {
      b.append("<4>1 2019-08-02T07:40:47.000000+02:00 dhcp22 kernel - - - ").append(l).append('\n');
    }
    Read r = read(b.toString(), "rfc5424");
    assertEquals(1, r.events().size());
    assertEquals(23793, r.events().get(0).victim().pid());
    assertEquals(47, r.accounting().event());
  }

  /** earlyoom README (rfjakob/earlyoom@02a1ff8f): 'journalctl -u earlyoom' prints the line without a host. */
  @Test
  void hostlessLinesAndUserSpaceKills() throws IOException {
    String line = "Feb 20 10:59:34 debian earlyoom[10231]: sending SIGTERM to process 7378 uid 1000 \"tail\": badness"
        + " 156, VmRSS 4962 MiB";
    Read r = read(line + "\n", "earlyoom.log");
    assertEquals(1, r.events().size());
    OomEvent e = r.events().get(0);
    assertEquals("userspace-kill", e.origin());
    assertEquals(7378, e.victim().pid());
    assertTrue(e.lacks("kernel report"));
    SyslogPrefix noHost = SyslogPrefix.parse("Feb 20 10:59:34 earlyoom[10231]: sending SIGTERM to process 7378");
    assertEquals("", noHost.host());
    assertEquals("earlyoom", noHost.ident());
    SyslogPrefix isoNoHost = SyslogPrefix.parse("2019-08-02T07:40:47+02:00 kernel: leaker invoked oom-killer:");
    assertEquals("kernel", isoNoHost.ident());
    assertEquals("leaker invoked oom-killer:", isoNoHost.message());
  }

  /**
   * {@code journalctl -o export}: the Steam Deck journal of the corpus (a real {@code journalctl -o json} export,
   * evlaV/steamos-log-submitter tests/helpers/trace/oom.journal) written field by field in the export format
   * (FIELD=value lines, a blank line after each entry), read as its JSON form is.
   */
  @Test
  void journalExportOfARealJournal() throws IOException {
    ObjectMapper json = new ObjectMapper();
    StringBuilder export = new StringBuilder();
    for (String l : Files.readAllLines(STEAMDECK_JSON, StandardCharsets.UTF_8)) {
      if (l.isBlank()) {
        continue;
      }
      JsonNode o = json.readTree(l);
      for (Iterator<Map.Entry<String, JsonNode>> it = o.fields(); it.hasNext(); ) {
        Map.Entry<String, JsonNode> f = it.next();
        export.append(f.getKey()).append('=').append(f.getValue().asText()).append('\n');
      }
      export.append('\n');
    }
    Read fromJson = read(Files.readString(STEAMDECK_JSON), "journal.json");
    Read fromExport = read(export.toString(), "journal.export");
    assertEquals("journal-export", fromExport.accounting().reader());
    assertEquals(fromJson.events().size(), fromExport.events().size());
    OomEvent a = fromJson.events().get(0);
    OomEvent b = fromExport.events().get(0);
    assertEquals(a.victim().pid(), b.victim().pid());
    assertEquals(27345, b.victim().pid());
    assertEquals(a.tasks().size(), b.tasks().size());
    assertEquals(a.timestamp(), b.timestamp());
  }

  /**
   * Inspektor Gadget trace_oomkill JSON ({@code -o json}), with the fields its integration test reads
   * (gadgets/trace_oomkill/test/integration/trace_oomkill_test.go: fprocess, tcomm, tpid, pages, timestamp, k8s).
   */
  @Test
  void inspektorGadgetJson() {
    String line = "{\"k8s\":{\"namespace\":\"oomkill-demo\",\"podName\":\"oomkill-demo-abc\",\"containerName\":\"busybox\"},"
        + "\"fprocess\":{\"comm\":\"tail\",\"pid\":728870},\"tcomm\":\"tail\",\"tpid\":728870,\"pages\":4227071,"
        + "\"timestamp\":\"2024-08-01T22:36:19.5001276Z\"}";
    InspektorGadgetReader r = new InspektorGadgetReader();
    assertEquals(3, r.sniff(line));
    Decoded d = r.decode("ig.json", 1, line);
    OomEvent e = assertInstanceOf(Decoded.Event.class, d).event();
    assertEquals(728870, e.victim().pid());
    assertEquals("tail", e.trigger().comm());
    assertEquals(4227071L, e.globalMemory().get("totalpages"));
    assertTrue(e.notes().stream().anyMatch(n -> n.contains("namespace oomkill-demo")), e.notes().toString());
  }

  /** A plain dmesg file whose boot lines include 'systemd[1]: …' stays dmesg (journal-monotonic needs most lines). */
  @Test
  void dmesgWithSomeProgramLinesStaysDmesg() throws IOException {
    StringBuilder b = new StringBuilder("[    1.000000] systemd[1]: Started Journal Service.\n");
    Files.readAllLines(LEAKER, StandardCharsets.UTF_8).forEach(l -> b.append(l).append('\n'));
    Read r = read(b.toString(), "dmesg");
    assertEquals("dmesg", r.accounting().reader());
    assertEquals(23793, r.events().get(0).victim().pid());
  }
}
