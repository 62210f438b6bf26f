package dev.oomspec.traces.read;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code journalctl -o json} (and {@code json-seq}/{@code export}-free JSON lines): one object per line, key
 * order free. Kernel records ({@code _TRANSPORT=kernel}) carry the text in {@code MESSAGE} (a string, or an
 * array of bytes for non-UTF-8 text); embedded newlines split a record into several kernel lines. Timestamps
 * from {@code _SOURCE_MONOTONIC_TIMESTAMP} (else {@code __MONOTONIC_TIMESTAMP}), µs. Stream key: host and boot.
 */
public final class JournalJsonReader implements LogReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "journal-json";
  }

  @Override
  public int sniff(String line) {
    String t = line.strip();
    return t.startsWith("{") && (t.contains("\"MESSAGE\"") || t.contains("\"__CURSOR\"")) ? 3 : 0;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return new Decoded.Unrelated("blank line");
    }
    if (t.charAt(0) == '\u001e') {
      t = t.substring(1); // json-seq record separator
    }
    if (!t.startsWith("{")) {
      return new Decoded.Malformed("not a JSON object");
    }
    // normally one object; several when lines lost their newline ("…}{…")
    List<KernelLine> out = new ArrayList<>(1);
    String lastWhy = null;
    try (MappingIterator<JsonNode> it = JSON.readerFor(JsonNode.class).readValues(t)) {
      while (it.hasNextValue()) {
        JsonNode o = it.nextValue();
        if (o == null || !o.isObject()) {
          return new Decoded.Malformed("not a JSON object");
        }
        String why = record(source, n, o, out);
        if (why != null) {
          if (why.startsWith("!")) {
            return new Decoded.Malformed(why.substring(1));
          }
          lastWhy = why;
        }
      }
    } catch (IOException | RuntimeException e) {
      return new Decoded.Malformed("invalid JSON: " + firstLine(e.getMessage()));
    }
    if (out.isEmpty()) {
      return new Decoded.Unrelated(lastWhy == null ? "empty JSON" : lastWhy);
    }
    return new Decoded.Kernel(out);
  }

  /** Adds the kernel lines of one record; returns null, an unrelated reason, or "!" + a malformed reason. */
  private static String record(String source, long n, JsonNode o, List<KernelLine> out) {
    String transport = o.path("_TRANSPORT").asText("");
    if (transport.isEmpty()) {
      // --output-fields exports may drop _TRANSPORT: fall back to the identifier, else read as kernel text
      String ident = o.path("SYSLOG_IDENTIFIER").asText("");
      transport = ident.isEmpty() || ident.equals("kernel") ? "kernel" : ident;
    }
    if (!transport.equals("kernel")) {
      return "journal record from " + transport;
    }
    String message = message(o.get("MESSAGE"));
    if (message == null) {
      return "!kernel record without MESSAGE";
    }
    String stream = o.path("_HOSTNAME").asText("") + "/" + shortBoot(o.path("_BOOT_ID").asText(""));
    Long usec = Scan.toLong(o.path("_SOURCE_MONOTONIC_TIMESTAMP").asText(null));
    if (usec == null) {
      usec = Scan.toLong(o.path("__MONOTONIC_TIMESTAMP").asText(null));
    }
    Double ts = usec == null ? null : usec / 1e6;
    String wall = o.path("__REALTIME_TIMESTAMP").asText(null);
    int i = 0;
    boolean first = true;
    while (true) {
      int nl = message.indexOf('\n', i);
      String piece = message.substring(i, nl < 0 ? message.length() : nl);
      piece = LineCleaner.clean(piece);
      out.add(new KernelLine(source, n, stream, ts, wall, null, !first,
          first ? piece.stripTrailing() : piece.strip()));
      first = false;
      if (nl < 0) {
        break;
      }
      i = nl + 1;
    }
    return null;
  }

  private static String message(JsonNode m) {
    if (m == null || m.isNull()) {
      return null;
    }
    if (m.isTextual()) {
      return m.asText();
    }
    if (m.isArray()) {
      byte[] b = new byte[m.size()];
      for (int k = 0; k < b.length; k++) {
        b[k] = (byte) m.get(k).asInt();
      }
      return new String(b, StandardCharsets.UTF_8);
    }
    return m.asText();
  }

  private static String shortBoot(String boot) {
    return boot.length() > 8 ? boot.substring(0, 8) : boot;
  }

  private static String firstLine(String s) {
    if (s == null) {
      return "";
    }
    int nl = s.indexOf('\n');
    String f = nl < 0 ? s : s.substring(0, nl);
    return f.length() > 120 ? f.substring(0, 120) : f;
  }
}
