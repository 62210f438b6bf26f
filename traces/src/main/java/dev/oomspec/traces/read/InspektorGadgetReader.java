package dev.oomspec.traces.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;

/**
 * Inspektor Gadget's OOM-kill tracer, as its tables and JSON print it:
 * <ul>
 *   <li>{@code kubectl gadget trace oomkill} (v0): {@code NODE NAMESPACE POD CONTAINER KPID KCOMM PAGES TPID TCOMM}
 *       — {@code K} the killed process, {@code T} the one that triggered the OOM;</li>
 *   <li>the {@code trace_oomkill} image gadget ({@code kubectl gadget run} / {@code ig run}):
 *       {@code … FPID FUID FGID TPID PAGES FCOMM TCOMM TIMESTAMP} — {@code F} the process the OOM came from,
 *       {@code T} the target (killed);</li>
 *   <li>JSON lines ({@code -o json}): {@code kpid/kcomm/tpid/tcomm/pages}, or {@code fprocess {comm,pid}} with
 *       {@code tpid/tcomm/pages}.</li>
 * </ul>
 * {@code PAGES} is {@code oc->totalpages} (read from the kernel's oom_control, as bcc's oomkill does). The header
 * row says which layout follows; a row is one event of origin {@code oomkill-tool} (no kernel report).
 */
public final class InspektorGadgetReader implements LogReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  private List<String> columns;

  @Override
  public String name() {
    return "inspektor-gadget";
  }

  @Override
  public int sniff(String line) {
    String t = line.strip();
    if (t.startsWith("{")) {
      return (t.contains("\"tcomm\"") || t.contains("\"kcomm\"")) && t.contains("\"tpid\"") ? 3 : 0;
    }
    List<String> cols = List.of(t.split("\\s+"));
    return header(cols) ? 3 : 0;
  }

  private static boolean header(List<String> cols) {
    return cols.contains("TPID") && cols.contains("TCOMM") && (cols.contains("KPID") || cols.contains("FPID"));
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return new Decoded.Unrelated("blank line");
    }
    if (t.startsWith("{")) {
      return json(source, n, t);
    }
    List<String> cols = List.of(t.split("\\s+"));
    if (header(cols)) {
      columns = cols;
      return new Decoded.Unrelated("table header");
    }
    if (columns == null) {
      return new Decoded.Unrelated("no table header before this line");
    }
    if (cols.size() != columns.size()) {
      return new Decoded.Malformed("row has " + cols.size() + " columns, the header " + columns.size());
    }
    boolean v0 = columns.contains("KPID");
    String vp = get(cols, v0 ? "KPID" : "TPID");
    String vc = get(cols, v0 ? "KCOMM" : "TCOMM");
    String tp = get(cols, v0 ? "TPID" : "FPID");
    String tc = get(cols, v0 ? "TCOMM" : "FCOMM");
    Integer victimPid = Scan.toInt(vp);
    if (victimPid == null) {
      return new Decoded.Malformed("killed pid '" + vp + "' is not a number");
    }
    LineEvents e = new LineEvents(source, n, LineEvents.TOOL, "Inspektor Gadget")
        .victim(victimPid, vc, null, null).trigger(tc, Scan.toInt(tp)).totalpages(Scan.toLong(get(cols, "PAGES")));
    List<String> where = new ArrayList<>();
    for (String c : columns) {
      String shortName = c.startsWith("K8S.") ? c.substring(4) : c.startsWith("RUNTIME.") ? c.substring(8) : null;
      if (shortName != null || List.of("NODE", "NAMESPACE", "POD", "CONTAINER").contains(c)) {
        where.add((shortName == null ? c : shortName).toLowerCase(java.util.Locale.ROOT) + " " + get(cols, c));
      }
    }
    if (!where.isEmpty()) {
      e.note(String.join(", ", where));
    }
    String ts = get(cols, "TIMESTAMP");
    return e.note(ts == null ? null : "time " + ts).build();
  }

  private Decoded json(String source, long n, String t) {
    JsonNode o;
    try {
      o = JSON.readTree(t);
    } catch (java.io.IOException e) {
      return new Decoded.Malformed("invalid JSON");
    }
    boolean v0 = o.has("kpid");
    JsonNode victimPid = o.get(v0 ? "kpid" : "tpid");
    if (victimPid == null || !victimPid.canConvertToInt()) {
      return new Decoded.Unrelated("JSON without a killed pid");
    }
    JsonNode from = o.path("fprocess");
    String tc = v0 ? o.path("tcomm").asText(null) : o.has("fcomm") ? o.path("fcomm").asText(null)
        : from.path("comm").asText(null);
    Integer tp = v0 ? intOrNull(o.get("tpid")) : o.has("fpid") ? intOrNull(o.get("fpid")) : intOrNull(from.get("pid"));
    LineEvents e = new LineEvents(source, n, LineEvents.TOOL, "Inspektor Gadget")
        .victim(victimPid.asInt(), o.path(v0 ? "kcomm" : "tcomm").asText(null), null, null).trigger(tc, tp)
        .totalpages(o.has("pages") ? o.get("pages").asLong() : null);
    JsonNode k8s = o.path("k8s");
    if (k8s.isObject()) {
      List<String> where = new ArrayList<>();
      k8s.fields().forEachRemaining(f -> {
        if (f.getValue().isValueNode() && !f.getValue().asText().isEmpty()) {
          where.add(f.getKey() + " " + f.getValue().asText());
        }
      });
      e.note(String.join(", ", where));
    }
    return e.note(o.has("timestamp") ? "time " + o.get("timestamp").asText() : null).build();
  }

  private static Integer intOrNull(JsonNode n) {
    return n == null || !n.canConvertToInt() ? null : n.asInt();
  }

  private String get(List<String> cols, String name) {
    int i = columns.indexOf(name);
    return i < 0 ? null : cols.get(i);
  }
}
