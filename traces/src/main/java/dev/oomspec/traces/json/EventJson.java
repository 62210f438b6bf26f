package dev.oomspec.traces.json;

import dev.oomspec.traces.event.KillLine;
import dev.oomspec.traces.event.MemcgInfo;
import dev.oomspec.traces.event.Missing;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.ProfileHints;
import dev.oomspec.traces.event.ReaperResult;
import dev.oomspec.traces.event.TaskRow;
import dev.oomspec.traces.event.UsageLine;
import dev.oomspec.traces.event.Victim;
import dev.oomspec.traces.read.Scan;
import java.util.List;
import java.util.Map;

/**
 * The stable JSON form of an {@link OomEvent} (one object, one line), documented in
 * {@code docs/events-format.md}. Field names are written explicitly here so that renaming a Java component
 * cannot change the interface. Absent values are {@code null}. Written straight to UTF-8 bytes
 * ({@link JsonBytes}).
 */
public final class EventJson {

  private EventJson() {}

  /** One line of JSON (without the line end). */
  public static String line(OomEvent e) {
    return write(e, new JsonBytes()).toString();
  }

  /** Each thread's writer, reused from event to event. */
  private static final ThreadLocal<JsonBytes> WRITER = ThreadLocal.withInitial(JsonBytes::new);

  /** One line of JSON with its {@code '\n'}, as UTF-8 bytes. */
  public static byte[] bytes(OomEvent e) {
    return write(e, WRITER.get().reset()).newline().toByteArray();
  }

  /** Writes the event's object to {@code o}. */
  public static JsonBytes write(OomEvent e, JsonBytes o) {
    o.startObject();
    o.name("source").value(e.source());
    o.name("firstLine").value(e.firstLine());
    o.name("lastLine").value(e.lastLine());
    o.name("origin").value(e.origin());
    o.name("stream").value(e.stream());
    o.name("timestamp").value(e.timestamp());
    o.name("trigger");
    if (e.trigger() == null) {
      o.nullValue();
    } else {
      o.startObject();
      o.name("comm").value(e.trigger().comm());
      o.name("pid").value(e.trigger().pid());
      o.name("oomScoreAdj").value(e.trigger().oomScoreAdj());
      o.endObject();
    }
    o.name("gfpMask").value(e.gfpMask());
    o.name("order").value(e.order());
    o.name("nodemask").value(e.nodemask());
    o.name("constraint").value(e.constraint());
    o.name("cpuset").value(e.cpuset());
    o.name("memsAllowed").value(e.memsAllowed());
    o.name("oomMemcg").value(e.oomMemcg());
    o.name("taskMemcg").value(e.taskMemcg());
    o.name("globalOom").value(e.globalOom());
    memcg(o, e.memcg());
    o.name("globalMemory");
    numbers(o, e.globalMemory());
    o.name("taskColumns").startArray();
    for (String c : e.taskColumns()) {
      o.value(c);
    }
    o.endArray();
    o.name("tasks").startArray();
    for (TaskRow r : e.tasks()) {
      row(o, r);
    }
    o.endArray();
    victim(o, e.victim());
    o.name("killed").startArray();
    for (Integer pid : e.killed()) {
      o.value(pid);
    }
    o.endArray();
    o.name("kills").startArray();
    for (KillLine k : e.kills()) {
      o.startObject();
      o.name("line").value(k.line());
      o.name("kind").value(k.kind());
      o.name("message").value(k.message());
      o.name("pid").value(k.pid());
      o.name("comm").value(k.comm());
      o.name("score").value(k.score());
      o.endObject();
    }
    o.endArray();
    o.name("reaper").startArray();
    for (ReaperResult r : e.reaper()) {
      o.startObject();
      o.name("line").value(r.line());
      o.name("pid").value(r.pid());
      o.name("comm").value(r.comm());
      o.name("outcome").value(r.outcome());
      o.name("anonRssKb").value(r.anonRssKb());
      o.name("fileRssKb").value(r.fileRssKb());
      o.name("shmemRssKb").value(r.shmemRssKb());
      o.endObject();
    }
    o.endArray();
    o.name("bpfHandler");
    if (e.bpfHandler() == null) {
      o.nullValue();
    } else {
      o.startObject();
      o.name("name").value(e.bpfHandler().name());
      o.name("form").value(e.bpfHandler().form());
      o.name("line").value(e.bpfHandler().line());
      o.endObject();
    }
    hints(o, e.hints());
    strings(o, "outcome", e.outcome());
    strings(o, "notes", e.notes());
    o.name("missing").startArray();
    for (Missing m : e.missing()) {
      o.value(m.what());
    }
    o.endArray();
    o.name("missingDetail").startArray();
    for (Missing m : e.missing()) {
      o.startObject();
      o.name("what").value(m.what());
      o.name("why").value(m.why());
      o.endObject();
    }
    o.endArray();
    return o.endObject();
  }

  /** A task row: numbers as numbers, the name (and a number too large for a long) as a string. */
  private static void row(JsonBytes o, TaskRow r) {
    o.startObject();
    TaskRow.Values v = r.values();
    if (v != null) {
      TaskRow.Layout l = v.layout();
      for (int i = 0; i < l.size(); i++) {
        String name = l.name(i);
        String printed = v.printed(i);
        o.key(name);
        if (printed == null && !name.equals("name")) {
          o.value(v.number(i));
        } else {
          column(o, name, printed != null ? printed : Long.toString(v.number(i)));
        }
      }
    } else {
      for (Map.Entry<String, String> c : r.columns().entrySet()) {
        o.key(c.getKey());
        column(o, c.getKey(), c.getValue());
      }
    }
    o.endObject();
  }

  private static void column(JsonBytes o, String name, String value) {
    Long n = name.equals("name") ? null : Scan.toLong(value);
    if (n != null) {
      o.value(n.longValue());
    } else {
      o.value(value);
    }
  }

  private static void numbers(JsonBytes o, Map<String, Long> m) {
    o.startObject();
    for (Map.Entry<String, Long> e : m.entrySet()) {
      o.key(e.getKey()).value(e.getValue());
    }
    o.endObject();
  }

  private static void memcg(JsonBytes o, MemcgInfo m) {
    o.name("memcg");
    if (m == null) {
      o.nullValue();
      return;
    }
    o.startObject();
    o.name("usageKb").value(m.usageKb());
    o.name("limitKb").value(m.limitKb());
    o.name("failcnt").value(m.memory() == null ? null : m.memory().failcnt());
    usage(o, "memoryAndSwap", m.memoryAndSwap());
    usage(o, "swap", m.swap());
    usage(o, "kmem", m.kmem());
    o.name("statsFor").value(m.statsFor());
    o.name("statsUnit").value(m.statsUnit());
    o.name("stats");
    numbers(o, m.stats());
    o.name("subtree").startArray();
    for (MemcgInfo.PathStats ps : m.subtree()) {
      o.startObject();
      o.name("path").value(ps.path());
      o.name("stats");
      numbers(o, ps.stats());
      o.endObject();
    }
    o.endArray();
    o.endObject();
  }

  private static void usage(JsonBytes o, String name, UsageLine u) {
    o.name(name);
    if (u == null) {
      o.nullValue();
      return;
    }
    o.startObject();
    o.name("usageKb").value(u.usageKb());
    o.name("limitKb").value(u.limitKb());
    o.name("failcnt").value(u.failcnt());
    o.endObject();
  }

  private static void victim(JsonBytes o, Victim v) {
    o.name("victim");
    if (v == null) {
      o.nullValue();
      return;
    }
    o.startObject();
    o.name("pid").value(v.pid());
    o.name("comm").value(v.comm());
    o.name("uid").value(v.uid());
    o.name("totalVmKb").value(v.totalVmKb());
    o.name("anonRssKb").value(v.anonRssKb());
    o.name("fileRssKb").value(v.fileRssKb());
    o.name("shmemRssKb").value(v.shmemRssKb());
    o.name("pgtablesKb").value(v.pgtablesKb());
    o.name("oomScoreAdj").value(v.oomScoreAdj());
    o.name("from").value(v.from());
    o.endObject();
  }

  private static void hints(JsonBytes o, ProfileHints h) {
    o.name("hints");
    if (h == null) {
      o.nullValue();
      return;
    }
    o.startObject();
    o.name("kernelRelease").value(h.kernelRelease());
    o.name("kernelBuild").value(h.kernelBuild());
    o.name("taint").value(h.taint());
    o.name("hardware").value(h.hardware());
    o.name("cgroup").value(h.cgroup());
    o.name("headerVariant").value(h.headerVariant());
    o.name("taskTableLayout").value(h.taskTableLayout());
    o.name("sysrq").value(h.sysrq());
    o.endObject();
  }

  private static void strings(JsonBytes o, String name, List<String> values) {
    o.name(name).startArray();
    for (String v : values) {
      o.value(v);
    }
    o.endArray();
  }
}
