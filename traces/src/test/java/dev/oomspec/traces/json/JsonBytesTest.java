package dev.oomspec.traces.json;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * {@link JsonBytes} writes what Jackson's ObjectMapper writes with its defaults (and a UTF-8 Writer encodes):
 * random strings of control chars, quotes, backslashes, Latin-1, BMP and supplementary chars and unpaired
 * surrogates; longs of every size; doubles as kernel timestamps print them.
 */
class JsonBytesTest {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private static String jackson(ObjectNode o) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try (Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8)) {
      w.write(MAPPER.writeValueAsString(o));
    }
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void writesWhatJacksonWrites() throws Exception {
    SplittableRandom r = new SplittableRandom(Long.getLong("oomspec.seed", 17));
    char[] pool = {'a', 'Z', ' ', '"', '\\', '/', '\n', '\t', '\r', '\b', '\f', 0, 1, 0x1f, 0x7f, 'é', 'ж', '…',
        '\u2028', '\uFFFD', '\uD83D', '\uDE00', '\uDC00'};
    JsonBytes j = new JsonBytes();
    for (int i = 0; i < 2000; i++) {
      StringBuilder s = new StringBuilder();
      for (int k = r.nextInt(12); k > 0; k--) {
        s.append(r.nextInt(4) == 0 ? (char) r.nextInt(0x10000) : pool[r.nextInt(pool.length)]);
      }
      long n = switch (r.nextInt(4)) {
        case 0 -> r.nextLong();
        case 1 -> r.nextInt(1000) - 500;
        case 2 -> Long.MIN_VALUE + r.nextInt(3);
        default -> Long.MAX_VALUE - r.nextInt(3);
      };
      double d = r.nextInt(1_000_000_000) / 1e6;
      ObjectNode o = MAPPER.createObjectNode();
      o.put("s", s.toString());
      o.put("k:" + s, n);
      o.put("d", d);
      o.putNull("none");
      o.putArray("a").add(true).add(s.toString());
      j.reset().startObject().name("s").value(s.toString()).key("k:" + s).value(n).name("d").value(d)
          .name("none").nullValue().name("a").startArray().value(true).value(s.toString()).endArray().endObject();
      assertEquals(jackson(o), j.toString(), "try " + i);
    }
  }
}
