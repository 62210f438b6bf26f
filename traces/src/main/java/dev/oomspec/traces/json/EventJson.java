package dev.oomspec.traces.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
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
 * cannot change the interface. Absent values are {@code null}.
 */
public final class EventJson {

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private EventJson() {}

  /** One line of JSON. */
  public static String line(OomEvent e) {
    try {
      return MAPPER.writeValueAsString(tree(e));
    } catch (JsonProcessingException ex) {
      throw new IllegalStateException(ex);
    }
  }

  public static ObjectNode tree(OomEvent e) {
    ObjectNode o = MAPPER.createObjectNode();
    o.put("source", e.source());
    o.put("firstLine", e.firstLine());
    o.put("lastLine", e.lastLine());
    o.put("origin", e.origin());
    o.put("stream", e.stream());
    o.put("timestamp", e.timestamp());
    if (e.trigger() == null) {
      o.putNull("trigger");
    } else {
      ObjectNode t = o.putObject("trigger");
      t.put("comm", e.trigger().comm());
      t.put("pid", e.trigger().pid());
      t.put("oomScoreAdj", e.trigger().oomScoreAdj());
    }
    o.put("gfpMask", e.gfpMask());
    o.put("order", e.order());
    o.put("nodemask", e.nodemask());
    o.put("constraint", e.constraint());
    o.put("cpuset", e.cpuset());
    o.put("memsAllowed", e.memsAllowed());
    o.put("oomMemcg", e.oomMemcg());
    o.put("taskMemcg", e.taskMemcg());
    o.put("globalOom", e.globalOom());
    memcg(o, e.memcg());
    ObjectNode gm = o.putObject("globalMemory");
    e.globalMemory().forEach(gm::put);
    ArrayNode cols = o.putArray("taskColumns");
    e.taskColumns().forEach(cols::add);
    ArrayNode tasks = o.putArray("tasks");
    for (TaskRow r : e.tasks()) {
      ObjectNode row = tasks.addObject();
      for (Map.Entry<String, String> c : r.columns().entrySet()) {
        Long n = c.getKey().equals("name") ? null : Scan.toLong(c.getValue());
        if (n != null) {
          row.put(c.getKey(), n);
        } else {
          row.put(c.getKey(), c.getValue());
        }
      }
    }
    victim(o, "victim", e.victim());
    ArrayNode killed = o.putArray("killed");
    e.killed().forEach(killed::add);
    ArrayNode kills = o.putArray("kills");
    for (KillLine k : e.kills()) {
      ObjectNode kn = kills.addObject();
      kn.put("line", k.line());
      kn.put("kind", k.kind());
      kn.put("message", k.message());
      kn.put("pid", k.pid());
      kn.put("comm", k.comm());
      kn.put("score", k.score());
    }
    ArrayNode reaper = o.putArray("reaper");
    for (ReaperResult r : e.reaper()) {
      ObjectNode rn = reaper.addObject();
      rn.put("line", r.line());
      rn.put("pid", r.pid());
      rn.put("comm", r.comm());
      rn.put("outcome", r.outcome());
      rn.put("anonRssKb", r.anonRssKb());
      rn.put("fileRssKb", r.fileRssKb());
      rn.put("shmemRssKb", r.shmemRssKb());
    }
    if (e.bpfHandler() == null) {
      o.putNull("bpfHandler");
    } else {
      ObjectNode b = o.putObject("bpfHandler");
      b.put("name", e.bpfHandler().name());
      b.put("form", e.bpfHandler().form());
      b.put("line", e.bpfHandler().line());
    }
    hints(o, e.hints());
    strings(o, "outcome", e.outcome());
    strings(o, "notes", e.notes());
    ArrayNode missing = o.putArray("missing");
    for (Missing m : e.missing()) {
      missing.add(m.what());
    }
    ArrayNode md = o.putArray("missingDetail");
    for (Missing m : e.missing()) {
      md.addObject().put("what", m.what()).put("why", m.why());
    }
    return o;
  }

  private static void memcg(ObjectNode o, MemcgInfo m) {
    if (m == null) {
      o.putNull("memcg");
      return;
    }
    ObjectNode n = o.putObject("memcg");
    n.put("usageKb", m.usageKb());
    n.put("limitKb", m.limitKb());
    n.put("failcnt", m.memory() == null ? null : m.memory().failcnt());
    usage(n, "memoryAndSwap", m.memoryAndSwap());
    usage(n, "swap", m.swap());
    usage(n, "kmem", m.kmem());
    n.put("statsFor", m.statsFor());
    n.put("statsUnit", m.statsUnit());
    ObjectNode s = n.putObject("stats");
    m.stats().forEach(s::put);
    ArrayNode sub = n.putArray("subtree");
    for (MemcgInfo.PathStats ps : m.subtree()) {
      ObjectNode p = sub.addObject().put("path", ps.path());
      ObjectNode st = p.putObject("stats");
      ps.stats().forEach(st::put);
    }
  }

  private static void usage(ObjectNode parent, String name, UsageLine u) {
    if (u == null) {
      parent.putNull(name);
      return;
    }
    parent.putObject(name).put("usageKb", u.usageKb()).put("limitKb", u.limitKb()).put("failcnt", u.failcnt());
  }

  private static void victim(ObjectNode o, String name, Victim v) {
    if (v == null) {
      o.putNull(name);
      return;
    }
    ObjectNode n = o.putObject(name);
    n.put("pid", v.pid());
    n.put("comm", v.comm());
    n.put("uid", v.uid());
    n.put("totalVmKb", v.totalVmKb());
    n.put("anonRssKb", v.anonRssKb());
    n.put("fileRssKb", v.fileRssKb());
    n.put("shmemRssKb", v.shmemRssKb());
    n.put("pgtablesKb", v.pgtablesKb());
    n.put("oomScoreAdj", v.oomScoreAdj());
    n.put("from", v.from());
  }

  private static void hints(ObjectNode o, ProfileHints h) {
    if (h == null) {
      o.putNull("hints");
      return;
    }
    ObjectNode n = o.putObject("hints");
    n.put("kernelRelease", h.kernelRelease());
    n.put("kernelBuild", h.kernelBuild());
    n.put("taint", h.taint());
    n.put("hardware", h.hardware());
    n.put("cgroup", h.cgroup());
    n.put("headerVariant", h.headerVariant());
    n.put("taskTableLayout", h.taskTableLayout());
    n.put("sysrq", h.sysrq());
  }

  private static void strings(ObjectNode o, String name, List<String> values) {
    ArrayNode a = o.putArray(name);
    values.forEach(a::add);
  }
}
