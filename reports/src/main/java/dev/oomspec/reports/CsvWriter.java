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
    return new EventRows(new CSVPrinter(out, withHeader(EVENT_COLUMNS)));
  }

  /** Rows of {@link #EVENT_COLUMNS}, written as events arrive. */
  public static final class EventRows {
    private final CSVPrinter csv;

    private EventRows(CSVPrinter csv) {
      this.csv = csv;
    }

    public void write(EventView e) throws IOException {
      TaskRef model = e.modelVictim();
      csv.printRecord(
          e.sourceFile(),
          e.firstLine(),
          e.lastLine(),
          e.kernelVictim().pid(),
          e.kernelVictim().comm(),
          model == null ? null : model.pid(),
          model == null ? null : model.comm(),
          e.verdict().wireName(),
          e.reason(),
          e.profile(),
          e.totalpages());
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
