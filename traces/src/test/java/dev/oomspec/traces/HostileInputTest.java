package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.read.Readers;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long hostile lines neither hang a reader nor get buffered without end. */
class HostileInputTest {

  private static final int KIB60 = 60 * 1024;

  private static List<String> hostileLines() {
    return List.of(
        "[".repeat(KIB60),
        " [1".repeat(KIB60 / 3),
        "[  1.0".repeat(KIB60 / 6),
        "x invoked oom-killer: " + "gfp_mask=0x0(, ".repeat(KIB60 / 16),
        "oom-kill:" + ",a".repeat(KIB60 / 2),
        "Out of memory: Killed process 1 (" + "(".repeat(KIB60),
        "[  1] " + "1 ".repeat(KIB60 / 2),
        "a-1 [001] .... 1.0: mark_victim: " + "comm=a ".repeat(KIB60 / 7),
        "{" + "\"a\":[".repeat(KIB60 / 5),
        "6,1,1,-;" + "\\x0a".repeat(KIB60 / 4),
        "Jan 1 00:00:00 h kernel: " + "[ 1.000001]".repeat(KIB60 / 11),
        "[Thu May  9 14:52:38 2024]".repeat(KIB60 / 26),
        "00:00:00 Triggered by PID 1 (\"" + "\")".repeat(KIB60 / 2),
        "Memory cgroup stats for " + "/a: b:1KB ".repeat(KIB60 / 10));
  }

  @Test
  void everyReaderReturnsPromptlyOnHostileLines() {
    assertTimeoutPreemptively(Duration.ofSeconds(10), () -> {
      for (String reader : Readers.names()) {
        for (String l : hostileLines()) {
          String text = l + "\n" + l + "\n";
          ReadResult r = Logs.readText("hostile", text, ReadOptions.defaults().withReader(reader));
          assertTrue(r.accounting().holds(), reader);
          assertEquals(2, r.accounting().total(), reader);
        }
      }
      for (String l : hostileLines()) {
        assertTrue(Logs.readText("hostile", l, ReadOptions.defaults()).accounting().holds());
      }
    });
  }

  @Test
  void aLineOverTheLimitIsReportedWithItsNumberAndSkipped() {
    String text = Logs.text("live-6.18-single-hog.dmesg");
    int cut = text.indexOf('\n') + 1;
    String mangled = text.substring(0, cut) + "[  315.270611] " + "x".repeat(70 * 1024) + "\n" + text.substring(cut);
    ReadResult r = Logs.readText("long", mangled, ReadOptions.defaults());
    assertEquals(1, r.accounting().malformed());
    assertEquals(2, r.accounting().malformedLines().get(0).line());
    assertTrue(r.accounting().malformedLines().get(0).why().contains("exceeds the limit"));
    assertEquals(7186, RealLogsTest.only(r).victim().pid());
  }
}
