package dev.oomspec.traces.assemble;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.read.KernelLine;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Lines whose fields end before they start, which made the reader throw (StringIndexOutOfBoundsException, the
 * whole input unreadable) before the grammar read lines as bytes: they are read now.
 */
class LinesThatThrewTest {

  private static List<OomEvent> read(List<Disposition> out, String... lines) {
    List<OomEvent> events = new ArrayList<>();
    OomReportAssembler a = new OomReportAssembler("t", events::add);
    long n = 1;
    for (String l : lines) {
      out.add(a.accept(new KernelLine("t", n, "", (double) n, null, null, false, l)));
      n++;
    }
    a.finish();
    return events;
  }

  private static final String HEADER =
      "hog invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0";

  @Test
  void taskInWithoutATaskMemcg() {
    List<Disposition> d = new ArrayList<>();
    List<OomEvent> e = read(d, HEADER, "Task in killed as a result of limit of /x");
    assertEquals(Disposition.Kind.EVENT, d.get(1).kind());
    assertEquals("", e.get(0).taskMemcg());
    assertEquals("/x", e.get(0).oomMemcg());
  }

  @Test
  void oomGroupLineWithoutAPath() {
    List<Disposition> d = new ArrayList<>();
    List<OomEvent> e = read(d, HEADER, "Killed process 5 (x) total-vm:1kB",
        "Tasks in are going to be killed due to memory.oom.group set");
    assertEquals(Disposition.Kind.UNRELATED, d.get(2).kind());
    assertEquals(1, e.size());
  }

  @Test
  void callbacksSuppressedWithoutACount() {
    List<Disposition> d = new ArrayList<>();
    List<OomEvent> e = read(d, "oom: callbacks suppressed", HEADER);
    assertEquals(Disposition.Kind.UNRELATED, d.get(0).kind());
    assertEquals(List.of(), e.get(0).notes().stream().filter(s -> s.contains("suppressed")).toList());
    assertNull(e.get(0).taskMemcg());
  }
}
