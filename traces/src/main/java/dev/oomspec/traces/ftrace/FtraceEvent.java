package dev.oomspec.traces.ftrace;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One ftrace event, whatever it was read from: tracefs {@code trace}/{@code trace_pipe} text,
 * {@code trace-cmd report} text, or a binary {@code trace.dat} (v6 or v7).
 *
 * @param comm      the task column ({@code <...>} when unresolved); from a .dat file: the saved cmdline
 * @param pid       the task column's pid (the pid recorded in the common fields)
 * @param cpu       the CPU number, or -1 when the format does not show it
 * @param flags     the latency/flags column as printed ({@code ....}, {@code ...1.}), or "" when absent
 * @param timestampNs timestamp in nanoseconds (text with microseconds is multiplied by 1000)
 * @param system    the event system ({@code oom}, {@code sched}), or "" when the text does not say
 * @param event     the event name without the system ({@code mark_victim})
 * @param fields    the event's fields by name, in print order; values as printed, units stripped
 *                  only where the format puts them after the number ({@code 75160kB} stays as printed)
 */
public record FtraceEvent(
    String comm,
    int pid,
    int cpu,
    String flags,
    long timestampNs,
    String system,
    String event,
    Map<String, String> fields) {

  public FtraceEvent {
    Objects.requireNonNull(comm, "comm");
    Objects.requireNonNull(flags, "flags");
    Objects.requireNonNull(system, "system");
    Objects.requireNonNull(event, "event");
    fields = Collections.unmodifiableMap(new LinkedHashMap<>(fields));
  }
}
