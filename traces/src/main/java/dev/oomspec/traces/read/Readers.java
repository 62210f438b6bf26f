package dev.oomspec.traces.read;

import java.util.List;
import java.util.function.Supplier;

/** The wrapping readers by name, in sniffing preference order (earlier wins a tie). */
public final class Readers {

  private static final List<Supplier<LogReader>> ALL = List.of(
      JournalJsonReader::new,
      KmsgReader::new,
      FtraceTextReader::new,
      TraceCmdReportReader::new,
      OomKillToolReader::new,
      InspektorGadgetReader::new,
      KubernetesEventsReader::new,
      JournalExportReader::new,
      JournalMonotonicReader::new,
      DmesgReader::new,
      DmesgHumanTimeReader::new,
      SyslogReader::new,
      JournalTextReader::new,
      ConsoleReader::new);

  private Readers() {}

  /** Fresh instances of every reader. */
  public static List<LogReader> all() {
    return ALL.stream().map(Supplier::get).toList();
  }

  /** The names accepted by {@link #byName}. */
  public static List<String> names() {
    return all().stream().map(LogReader::name).toList();
  }

  /** A fresh reader by name (case-insensitive). */
  public static LogReader byName(String name) {
    return all().stream()
        .filter(r -> r.name().equalsIgnoreCase(name.strip()))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("unknown reader '" + name + "'; known: " + names()));
  }
}
