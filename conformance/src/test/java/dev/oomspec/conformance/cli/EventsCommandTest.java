package dev.oomspec.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class EventsCommandTest {

  // a real dmesg capture (traces/src/test/resources/logs/live-6.18-single-hog.dmesg), cut to its OOM lines
  private static final String LOG = String.join("\n",
      "[  315.270610] hog invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0",
      "[  315.270625] CPU: 1 UID: 0 PID: 7186 Comm: hog Not tainted 6.18.44-fc-v669 #1 PREEMPT(none) ",
      "[  315.270782] memory: usage 65536kB, limit 65536kB, failcnt 0",
      "[  315.270787] memory+swap: usage 65536kB, limit 65536kB, failcnt 0",
      "[  315.270860] Tasks state (memory values in pages):",
      "[  315.270861] [  pid  ]   uid  tgid total_vm      rss rss_anon rss_file rss_shmem pgtables_bytes swapents oom_score_adj name",
      "[  315.270863] [   7186]     0  7186    20676    19803    18112     1691         0   200704        0             0 hog",
      "[  315.270869] oom-kill:constraint=CONSTRAINT_MEMCG,nodemask=(null),cpuset=/,mems_allowed=0,oom_memcg=/oomcap-single-hog,task_memcg=/oomcap-single-hog,task=hog,pid=7186,uid=0",
      "[  315.270896] Memory cgroup out of memory: Killed process 7186 (hog) total-vm:82704kB, anon-rss:72448kB, file-rss:6764kB, shmem-rss:0kB, UID:0 pgtables:196kB oom_score_adj:0",
      "[  316.000000] unrelated line",
      "");

  private static int run(StringWriter out, StringWriter err, String... args) {
    CommandLine cli = new CommandLine(new OomspecCli());
    cli.setOut(new PrintWriter(out));
    cli.setErr(new PrintWriter(err));
    return cli.execute(args);
  }

  @Test
  void printsOneJsonObjectPerEventAndTheAccountingOnStderr(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("kern.dmesg");
    Files.writeString(f, LOG);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "events", "--format", "json", f.toString()));
    String[] lines = out.toString().strip().split("\n");
    assertEquals(1, lines.length);
    JsonNode e = new ObjectMapper().readTree(lines[0]);
    assertEquals(f.toString(), e.get("source").asText());
    assertEquals(1, e.get("firstLine").asInt());
    assertEquals(9, e.get("lastLine").asInt());
    assertEquals("hog", e.get("trigger").get("comm").asText());
    assertEquals(7186, e.get("trigger").get("pid").asInt());
    assertEquals("0xcc0(GFP_KERNEL)", e.get("gfpMask").asText());
    assertEquals(0, e.get("order").asInt());
    assertEquals("CONSTRAINT_MEMCG", e.get("constraint").asText());
    assertEquals("/oomcap-single-hog", e.get("oomMemcg").asText());
    assertEquals("/oomcap-single-hog", e.get("taskMemcg").asText());
    assertEquals(65536, e.get("memcg").get("usageKb").asLong());
    assertEquals(65536, e.get("memcg").get("limitKb").asLong());
    JsonNode v = e.get("victim");
    assertEquals(7186, v.get("pid").asInt());
    assertEquals("hog", v.get("comm").asText());
    assertEquals(0, v.get("uid").asInt());
    assertEquals(82704, v.get("totalVmKb").asLong());
    assertEquals(72448, v.get("anonRssKb").asLong());
    assertEquals(6764, v.get("fileRssKb").asLong());
    assertEquals(0, v.get("shmemRssKb").asLong());
    assertEquals(196, v.get("pgtablesKb").asLong());
    assertEquals(0, v.get("oomScoreAdj").asInt());
    assertEquals("[7186]", e.get("killed").toString());
    assertEquals(1, e.get("tasks").size());
    assertEquals(200704, e.get("tasks").get(0).get("pgtables_bytes").asLong());
    assertEquals("hog", e.get("tasks").get(0).get("name").asText());
    assertTrue(e.get("missing").isArray());
    assertTrue(e.get("missing").toString().contains("memory info") == false);
    assertTrue(err.toString().contains("10 lines: 9 event, 1 unrelated, 0 malformed"), err.toString());
  }

  @Test
  void exitsTwoOnUnreadableInput(@TempDir Path dir) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(2, run(out, err, "events", dir.resolve("absent.log").toString()));
    assertTrue(err.toString().contains("absent.log: no such file"), err.toString());
  }

  @Test
  void textFormatAndForcedReader(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("kern.log");
    Files.writeString(f, LOG);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "events", "--format", "text", "--reader", "dmesg", f.toString()));
    assertTrue(out.toString().contains("victim=7186 (hog)"), out.toString());
    assertEquals(2, run(new StringWriter(), err, "events", "--reader", "nope", f.toString()));
  }

  @Test
  void readsABinaryTraceDatAndCountsRecords() throws Exception {
    // a real trace-cmd recording; its `trace-cmd report` printed two mark_victim lines (pids 9330, 9414)
    Path dat = Path.of("..", "traces", "corpus", "trace-cmd", "memcg-oom-adj-v7.trace.dat");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertEquals(0, run(out, err, "events", dat.toString()));
    String[] lines = out.toString().strip().split("\n");
    assertEquals(2, lines.length, out.toString());
    JsonNode first = new ObjectMapper().readTree(lines[0]);
    assertEquals(9330, first.get("victim").get("pid").asInt());
    assertEquals("python3", first.get("victim").get("comm").asText());
    assertEquals(24760, first.get("victim").get("totalVmKb").asLong());
    assertEquals(14960, first.get("victim").get("anonRssKb").asLong());
    assertEquals(800, first.get("victim").get("oomScoreAdj").asInt());
    assertEquals(9414, new ObjectMapper().readTree(lines[1]).get("victim").get("pid").asInt());
    assertTrue(err.toString().contains("253 records: 2 event, 251 unrelated, 0 malformed (reader tracedat)"),
        err.toString());
  }

  @Test
  void forcingTheTraceDatReaderOnTextReportsOneMalformedRecord(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("kern.dmesg");
    Files.writeString(f, LOG);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    // the text holds no trace.dat record, so no event: exit 2 with the reason
    assertEquals(2, run(out, err, "events", "--reader", "tracedat", f.toString()));
    assertTrue(err.toString().contains("1 records: 0 event, 0 unrelated, 1 malformed"), err.toString());
    assertTrue(err.toString().contains("no OOM event found in any input"), err.toString());
    assertTrue(err.toString().contains(":1: malformed: not a trace.dat"), err.toString());
  }
}
