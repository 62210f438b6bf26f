package dev.oomspec.traces.tracedat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The format-file parser and the -R field rendering on the real 6.18 mark_victim format. */
class FormatAndPrintTest {

  private static String markVictimFormat() throws Exception {
    try (InputStream in = FormatAndPrintTest.class.getResourceAsStream("/tracedat/mark_victim.format")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  @Test
  void parsesTheRealMarkVictimFormat() throws Exception {
    EventFormat f = EventFormatParser.parse("oom", markVictimFormat());
    assertEquals("mark_victim", f.name());
    assertEquals(4, f.commonFields().size());
    assertEquals("pid comm total_vm anon_rss file_rss shmem_rss uid pgtables oom_score_adj",
        String.join(" ", f.fields().stream().map(FieldFormat::name).toList()));
    FieldFormat comm = f.fields().get(1);
    assertTrue(comm.isDynamic() && comm.isString());
    FieldFormat adj = f.fields().get(8);
    assertEquals(64, adj.offset());
    assertEquals(2, adj.size());
    assertTrue(adj.signed());
  }

  @Test
  void rendersLikeReportRaw() throws Exception {
    EventFormat f = EventFormatParser.parse("oom", markVictimFormat());
    ByteBuffer rec = ByteBuffer.allocate(80).order(ByteOrder.LITTLE_ENDIAN);
    rec.putInt(8, 18811);
    rec.putInt(12, (8 << 16) | 68); // __data_loc: length 8 at offset 68
    rec.putLong(16, 75160);
    rec.putLong(24, 65152);
    rec.putLong(32, 6600);
    rec.putInt(48, 0);
    rec.putLong(56, 192);
    rec.putShort(64, (short) -1000);
    rec.put(68, "python3\0".getBytes(StandardCharsets.US_ASCII));
    Map<String, String> fields = new FieldRenderer(f).render(rec);
    // %lu prints unsigned long in decimal (raw would be hex for a "long" type); %hd the signed short.
    assertEquals("18811", fields.get("pid"));
    assertEquals("python3", fields.get("comm"));
    assertEquals("75160", fields.get("total_vm"));
    assertEquals("-1000", fields.get("oom_score_adj"));
  }

  @Test
  void fieldArgumentsThroughCasts() {
    assertEquals("x", PrintFormat.fieldOf("REC->x"));
    assertEquals("x", PrintFormat.fieldOf("(unsigned long)REC->x"));
    assertEquals("x", PrintFormat.fieldOf("((REC->x))"));
    assertNull(PrintFormat.fieldOf("REC->x ? \"a\" : \"b\""));
    assertNull(PrintFormat.fieldOf("__get_str(comm)"));
  }

  @Test
  void printfConversions() {
    PrintFormat p = PrintFormat.parse("\"a=%d b=%u c=%lx d=%08x e=%hd f=%%\", REC->a, REC->b, REC->c, REC->d, REC->e");
    var e = p.entries().stream().filter(x -> !x.isLiteral()).toList();
    assertEquals("-1", Printf.number(e.get(0), 0xffffffffL));
    assertEquals("4294967295", Printf.number(e.get(1), 0xffffffffL));
    assertEquals("ffffffffffffffff", Printf.number(e.get(2), -1L));
    assertEquals("000000ff", Printf.number(e.get(3), 255));
    assertEquals("-1", Printf.number(e.get(4), 0xffffL));
  }
}
