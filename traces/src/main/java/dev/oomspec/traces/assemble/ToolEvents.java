package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.Missing;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.SourceRange;
import dev.oomspec.traces.event.Trigger;
import dev.oomspec.traces.event.Victim;
import dev.oomspec.traces.read.OomKillToolLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One bcc/bpftrace oomkill line → one OOM event. A victim no kernel can have (a pid above
 * {@code PID_MAX_LIMIT}, a comm longer than {@code TASK_COMM_LEN - 1}) means the tool read the kernel's struct
 * with the wrong layout (bcc issue 1911): the event keeps the trigger, has no victim and says why in
 * {@code missing}; the implausible totalpages is dropped the same way.
 */
public final class ToolEvents {

  /** {@code PID_MAX_LIMIT} on 64-bit kernels (4M); no pid is larger. */
  static final long PID_MAX_LIMIT = 4_194_304L;
  /** {@code TASK_COMM_LEN - 1}. */
  static final int COMM_MAX = 15;
  /** 2^44 pages (64 PiB of 4k pages): more than any machine's totalpages. */
  static final long PAGES_MAX = 1L << 44;

  private ToolEvents() {}

  public static OomEvent of(OomKillToolLine k) {
    List<Missing> missing = new ArrayList<>();
    missing.add(new Missing("kernel report", "an oomkill tool line names trigger, victim and totalpages only"));
    List<String> bad = new ArrayList<>();
    if (k.victimPid() <= 0 || k.victimPid() > PID_MAX_LIMIT) {
      bad.add("pid " + k.victimPid() + " is above PID_MAX_LIMIT " + PID_MAX_LIMIT);
    }
    if (k.victimComm().length() > COMM_MAX) {
      bad.add("comm '" + k.victimComm() + "' is longer than " + COMM_MAX + " chars");
    }
    Victim victim = null;
    List<Integer> killed = List.of();
    if (bad.isEmpty()) {
      victim = new Victim(k.victimPid(), k.victimComm(), null, null, null, null, null, null, null, "oomkill-tool");
      killed = List.of(k.victimPid());
    } else {
      missing.add(new Missing("victim", "impossible victim at " + k.source() + ":" + k.line() + " ("
          + String.join("; ", bad) + "): the tool read the kernel's struct with the wrong layout"));
    }
    Map<String, Long> memory = Map.of("totalpages", k.totalPages());
    if (k.totalPages() > PAGES_MAX) {
      memory = Map.of();
      missing.add(new Missing("totalpages", "impossible totalpages " + k.totalPages() + " at " + k.source() + ":"
          + k.line()));
    }
    return new OomEvent(new SourceRange(k.source(), k.line(), k.line()), "oomkill-tool", "", null,
        new Trigger(k.triggerComm(), k.triggerPid(), null), null, null, null, null, null, null, k.cgroupPath(),
        null, null, null, memory, List.of(), List.of(), victim, List.of(), killed, List.of(), null, null,
        List.of(), List.of("time " + k.time() + (k.loadavg() == null ? "" : ", loadavg " + k.loadavg())),
        missing);
  }
}
