package dev.oomspec.traces.read;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.ftrace.FtraceEvent;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Events glued on one line (newlines lost), from the real {@code trace-cmd report} of a 6.18 memcg OOM
 * (logs/memcg-oom-v7.report.txt lines 2–5: fork, exit, mark_victim, exit). A glued line is read whole or not at
 * all: when any part is unreadable the line is, so a {@code mark_victim} inside it is reported, never dropped.
 */
class FtraceGluedLinesTest {

  private static List<String> events() throws IOException {
    try (InputStream in = FtraceGluedLinesTest.class.getResourceAsStream("/logs/memcg-oom-v7.report.txt")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().skip(1).limit(4).toList();
    }
  }

  @Test
  void intactGluedEventsAreEachRead() throws IOException {
    List<FtraceEvent> es = FtraceLineParser.parseAll(String.join("", events()));
    assertEquals(List.of("sched_process_fork", "sched_process_exit", "mark_victim", "sched_process_exit"),
        es.stream().map(FtraceEvent::event).toList());
    assertEquals("18811", es.get(2).fields().get("pid"));
  }

  @Test
  void aMiddleEventWithItsTaskColumnDamagedMakesTheLineUnreadable() throws IOException {
    List<String> l = events();
    // fuzz finding glued-events-middle-one-task-column-damaged: a tab before the mark_victim's "[001]" is no
    // cut, so the exit event before it swallowed it while the last exit still cut cleanly
    String damaged = l.get(2).replace(" [001]", " \t[001]");
    assertTrue(FtraceLineParser.parseAll(l.get(0) + l.get(1) + damaged + l.get(3)).isEmpty());
  }

  @Test
  void aLastEventWithItsTaskColumnDamagedMakesTheLineUnreadable() throws IOException {
    List<String> l = events();
    assertTrue(FtraceLineParser.parseAll(l.get(1) + l.get(2).replace(" [001]", " \t[001]")).isEmpty());
  }
}
