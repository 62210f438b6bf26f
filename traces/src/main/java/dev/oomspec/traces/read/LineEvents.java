package dev.oomspec.traces.read;

import dev.oomspec.traces.event.Missing;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.SourceRange;
import dev.oomspec.traces.event.Trigger;
import dev.oomspec.traces.event.Victim;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link OomEvent} made from one line of a tool (a Kubernetes OOM tool's row, a user-space killer's kill line):
 * what the line names, with the kernel report it lacks said in {@code missing}.
 */
final class LineEvents {
  /** A user-space OOM killer (systemd-oomd, earlyoom) acted, not the kernel. */
  static final String USERSPACE = "userspace-kill";
  /** A tool that traced the kernel's OOM kill (Inspektor Gadget, …), like bcc's oomkill. */
  static final String TOOL = "oomkill-tool";

  private final String source;
  private final long line;
  private final String origin;
  private Trigger trigger;
  private Victim victim;
  private String taskMemcg;
  private final Map<String, Long> memory = new LinkedHashMap<>();
  private final List<String> notes = new ArrayList<>();
  private final List<Missing> missing = new ArrayList<>();

  LineEvents(String source, long line, String origin, String tool) {
    this.source = source;
    this.line = line;
    this.origin = origin;
    notes.add("tool " + tool);
    missing.add(new Missing("kernel report", origin.equals(USERSPACE)
        ? tool + " is a user-space OOM killer: it killed by signal; the kernel's OOM killer did not run"
        : tool + " names trigger, victim and pages only"));
  }

  LineEvents trigger(String comm, Integer pid) {
    trigger = new Trigger(comm, pid, null);
    return this;
  }

  LineEvents victim(Integer pid, String comm, Long uid, Long rssKb) {
    if (pid != null) {
      victim = new Victim(pid, comm, uid, null, rssKb, null, null, null, null, origin);
    }
    return this;
  }

  LineEvents cgroup(String path) {
    taskMemcg = path;
    return this;
  }

  LineEvents totalpages(Long pages) {
    if (pages != null) {
      memory.put("totalpages", pages);
    }
    return this;
  }

  LineEvents note(String n) {
    if (n != null && !n.isBlank()) {
      notes.add(n);
    }
    return this;
  }

  Decoded.Event build() {
    if (victim == null) {
      missing.add(new Missing("victim", "the line names no process id"));
    }
    return new Decoded.Event(new OomEvent(new SourceRange(source, line, line), origin, "", null, trigger, null,
        null, null, null, null, null, null, taskMemcg, null, null, memory, List.of(), List.of(), victim, List.of(),
        victim == null ? List.of() : List.of(victim.pid()), List.of(), null, null, List.of(), notes, missing));
  }
}
