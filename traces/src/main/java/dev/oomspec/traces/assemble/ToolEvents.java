package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.Missing;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.SourceRange;
import dev.oomspec.traces.event.Trigger;
import dev.oomspec.traces.event.Victim;
import dev.oomspec.traces.read.OomKillToolLine;
import java.util.List;
import java.util.Map;

/** One bcc/bpftrace oomkill line → one OOM event. */
public final class ToolEvents {

  private ToolEvents() {}

  public static OomEvent of(OomKillToolLine k) {
    return new OomEvent(new SourceRange(k.source(), k.line(), k.line()), "oomkill-tool", "", null,
        new Trigger(k.triggerComm(), k.triggerPid(), null), null, null, null, null, null, null, k.cgroupPath(),
        null, null, null, Map.of("totalpages", k.totalPages()), List.of(), List.of(),
        new Victim(k.victimPid(), k.victimComm(), null, null, null, null, null, null, null, "oomkill-tool"),
        List.of(), List.of(k.victimPid()), List.of(), null, null, List.of(),
        List.of("time " + k.time() + (k.loadavg() == null ? "" : ", loadavg " + k.loadavg())),
        List.of(new Missing("kernel report", "an oomkill tool line names trigger, victim and totalpages only")));
  }
}
