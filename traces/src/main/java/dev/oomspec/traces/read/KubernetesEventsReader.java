package dev.oomspec.traces.read;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubernetes events that carry the kernel's OOM lines — node-problem-detector's kernel-monitor puts the kernel's
 * kill line into the {@code message} of an {@code OOMKilling} event — as people copy them:
 * <ul>
 *   <li>event JSON, pretty-printed ({@code "message": "Memory cgroup out of memory: Killed process …"} on a line of
 *       its own) or one object per line;</li>
 *   <li>the event tables of {@code kubectl describe node} and {@code kubectl get events}
 *       ({@code Warning  OOMKilling  2m  kernel-monitor, node  Memory cgroup out of memory: Kill process …}): the
 *       message is the last column.</li>
 * </ul>
 * The message becomes kernel text (a header-less report: the kill line). Other lines are unrelated.
 */
public final class KubernetesEventsReader implements LogReader {

  private static final ObjectMapper JSON = new ObjectMapper();

  @Override
  public String name() {
    return "k8s-events";
  }

  @Override
  public int sniff(String line) {
    String t = line.strip();
    if (t.contains("OOMKilling") || t.contains("\"component\": \"kernel-monitor\"")
        || t.contains("\"component\":\"kernel-monitor\"")) {
      return 3;
    }
    return t.equals("Events:") || t.startsWith("Type ") && t.contains(" Reason ") && t.contains(" Message") ? 1 : 0;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return new Decoded.Unrelated("blank line");
    }
    if (t.startsWith("{") && t.endsWith("}")) {
      try {
        JsonNode o = JSON.readTree(t);
        JsonNode ev = o.has("event") ? o.get("event") : o;
        String msg = ev.path("message").asText(null);
        return msg == null ? new Decoded.Unrelated("event without a message") : kernel(source, n, msg);
      } catch (IOException e) {
        return new Decoded.Malformed("invalid event JSON");
      }
    }
    if (t.startsWith("\"message\":")) {
      String v = t.substring(10).strip();
      if (v.endsWith(",")) {
        v = v.substring(0, v.length() - 1);
      }
      try {
        return kernel(source, n, JSON.readValue(v, String.class));
      } catch (IOException e) {
        return new Decoded.Malformed("message is not a JSON string");
      }
    }
    if (t.contains("OOMKilling")) {
      String[] cols = t.split(" {2,}");
      return kernel(source, n, cols[cols.length - 1]);
    }
    return new Decoded.Unrelated("event field or table line");
  }

  private static Decoded kernel(String source, long n, String message) {
    List<KernelLine> out = new ArrayList<>();
    for (String l : message.split("\n")) {
      if (!l.isBlank()) {
        out.add(KernelLine.plain(source, n, l.strip()));
      }
    }
    return out.isEmpty() ? new Decoded.Unrelated("empty message") : new Decoded.Kernel(out);
  }
}
