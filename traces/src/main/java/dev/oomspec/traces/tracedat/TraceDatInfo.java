package dev.oomspec.traces.tracedat;

import java.util.List;
import java.util.Map;

/**
 * What a {@code trace.dat} file says about itself (the facts {@code trace-cmd dump --summary} prints).
 *
 * @param version            file version, 6 or 7
 * @param bigEndian          the file's (and the traced machine's) endianness
 * @param longSize           bytes in a user-space long on the traced machine
 * @param pageSize           ring-buffer page size in bytes
 * @param compression        {@code zstd}, {@code zlib} or {@code none} (always {@code none} for v6)
 * @param compressionVersion the compression library version recorded by trace-cmd, "" when none
 * @param cpus               number of per-CPU data streams of the top buffer
 * @param clock              the trace clock of the top buffer ({@code local}), "" when unknown
 * @param options            the text options by name ({@code UNAME}, {@code VERSION}, {@code TRACECLOCK}, ...)
 * @param events             the event formats stored in the file (ftrace and event systems)
 */
public record TraceDatInfo(
    int version,
    boolean bigEndian,
    int longSize,
    int pageSize,
    String compression,
    String compressionVersion,
    int cpus,
    String clock,
    Map<String, String> options,
    List<EventFormat> events) {

  public TraceDatInfo {
    options = Map.copyOf(options);
    events = List.copyOf(events);
  }
}
