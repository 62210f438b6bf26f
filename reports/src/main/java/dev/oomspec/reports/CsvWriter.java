package dev.oomspec.reports;

import java.io.IOException;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/**
 * RFC 4180 CSV (Commons CSV {@code DEFAULT}: comma, double quotes, CRLF) for events and for {@link Table}s. Writes to
 * the caller's {@link Appendable}, flushes it if it is {@link java.io.Flushable}, and never closes it.
 */
public final class CsvWriter {
  /** The event columns, in order. Nulls (no model victim, unknown totalpages) are empty cells. */
  public static final List<String> EVENT_COLUMNS =
      List.of(
          "source", "firstLine", "lastLine", "kernelVictimPid", "kernelVictimComm",
          "modelVictimPid", "modelVictimComm", "verdict", "reason", "profile", "totalpages");

  private CsvWriter() {}

  /** A header row, then one row per event with its scalar fields. */
  public static void writeEvents(Iterable<EventView> events, Appendable out) throws IOException {
    EventRows rows = eventRows(out);
    for (EventView e : events) {
      rows.write(e);
    }
    rows.flush();
  }

  /** The streaming form of {@link #writeEvents}: the header now, then one row per {@link EventRows#write}. */
  public static EventRows eventRows(Appendable out) throws IOException {
    return eventRows(out, List.of());
  }

  /**
   * The columns each policy adds after {@link #EVENT_COLUMNS}, prefixed with its name and a dot
   * ({@code largest-rss.verdict}): victims and kernelKilled as {@code pid:comm} joined with {@code ;}, errnos joined
   * with {@code ;}, kernelKillerRan {@code true}/{@code false}, freedKb and kernelFreedKb empty when unknown.
   */
  public static final List<String> POLICY_COLUMNS = List.of(
      "revision", "verdict", "victims", "kernelKillerRan", "kernelKilled", "errnos", "freedKb", "kernelFreedKb", "reason");

  /** As {@link #eventRows(Appendable)}, with {@link #POLICY_COLUMNS} for each of {@code policies} (in that order). */
  public static EventRows eventRows(Appendable out, List<String> policies) throws IOException {
    List<String> header = new java.util.ArrayList<>(EVENT_COLUMNS);
    for (String p : policies) {
      for (String c : POLICY_COLUMNS) {
        header.add(p + "." + c);
      }
    }
    return new EventRows(new CSVPrinter(out, withHeader(header)), policies);
  }

  /** Rows of {@link #EVENT_COLUMNS}, written as events arrive. */
  public static final class EventRows {
    private final CSVPrinter csv;
    private final List<String> policies;

    private EventRows(CSVPrinter csv, List<String> policies) {
      this.csv = csv;
      this.policies = List.copyOf(policies);
    }

    public void write(EventView e) throws IOException {
      TaskRef model = e.modelVictim();
      List<Object> row = new java.util.ArrayList<>(java.util.Arrays.asList(
          e.sourceFile(),
          e.firstLine(),
          e.lastLine(),
          e.kernelVictim().pid(),
          e.kernelVictim().comm(),
          model == null ? null : model.pid(),
          model == null ? null : model.comm(),
          e.verdict().wireName(),
          e.reason(),
          e.profile()));
      row.add(e.totalpages());
      for (String name : policies) {
        PolicyView p = e.policies().stream().filter(x -> x.name().equals(name)).findFirst().orElse(null);
        if (p == null) {
          for (int i = 0; i < POLICY_COLUMNS.size(); i++) {
            row.add(null);
          }
          continue;
        }
        row.add(p.revision());
        row.add(p.verdict());
        row.add(victims(p.victims()));
        row.add(p.kernelKillerRan());
        row.add(victims(p.kernelKilled()));
        row.add(String.join(";", p.errnos()));
        row.add(p.freedKb());
        row.add(p.kernelFreedKb());
        row.add(p.reason());
      }
      csv.printRecord(row);
    }

    private static String victims(List<PolicyView.Victim> v) {
      return String.join(";", v.stream().map(x -> x.pid() + ":" + x.comm()).toList());
    }

    public void flush() throws IOException {
      csv.flush();
    }
  }

  /** The table's header, then its rows. */
  public static void writeTable(Table table, Appendable out) throws IOException {
    CSVPrinter csv = new CSVPrinter(out, withHeader(table.header()));
    for (List<String> row : table.rows()) {
      csv.printRecord(row);
    }
    csv.flush();
  }

  private static CSVFormat withHeader(List<String> header) {
    return CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get();
  }
}
