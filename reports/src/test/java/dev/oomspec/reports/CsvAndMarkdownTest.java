package dev.oomspec.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringWriter;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvAndMarkdownTest {

  @Test
  void eventsAsCsvRows() throws Exception {
    EventView none = new EventView("b.log", 3, 3, new TaskRef(1, "init"), null, Verdict.UNDECIDABLE,
        "no dump, \"nothing\" to compare", "v1", null, List.of(), null);
    StringWriter out = new StringWriter();
    CsvWriter.writeEvents(List.of(Fixtures.disagreeing(), none), out);

    String expected =
        "source,firstLine,lastLine,kernelVictimPid,kernelVictimComm,modelVictimPid,modelVictimComm,"
            + "verdict,reason,profile,totalpages\r\n"
            + "kern.log.3,1200,1260,4242,Web Content,77,runc:[2:INIT],disagree,"
            + "model prefers the container init,v3,2031616\r\n"
            + "b.log,3,3,1,init,,,undecidable,\"no dump, \"\"nothing\"\" to compare\",v1,\r\n";
    assertEquals(expected, out.toString());
  }

  @Test
  void tableAsCsv() throws Exception {
    Table t = new Table(List.of("case", "v1", "v3"),
        List.of(List.of("memcg,oom", "pass", "fail"), List.of("a\nb", "", "skip")));
    StringWriter out = new StringWriter();
    CsvWriter.writeTable(t, out);
    assertEquals("case,v1,v3\r\n\"memcg,oom\",pass,fail\r\n\"a\nb\",,skip\r\n", out.toString());
  }

  @Test
  void tableAsMarkdownEscapesPipesBackslashesAndLineBreaks() {
    Table t = new Table(List.of("case", "v1|v2"),
        List.of(List.of("a|b", "c\\d"), List.of("two\r\nlines", "")));
    String expected =
        "| case | v1\\|v2 |\n"
            + "| --- | --- |\n"
            + "| a\\|b | c\\\\d |\n"
            + "| two lines |  |\n";
    assertEquals(expected, MarkdownTable.render(t));
  }

  @Test
  void tableRowsMustMatchTheHeader() {
    assertThrows(IllegalArgumentException.class,
        () -> new Table(List.of("a", "b"), List.of(List.of("only one"))));
    assertThrows(IllegalArgumentException.class, () -> new Table(List.of(), List.of()));
    assertThrows(NullPointerException.class,
        () -> new Table(List.of("a"), List.of(Arrays.asList((String) null))));
  }
}
