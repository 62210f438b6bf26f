package dev.oomspec.fleet.replay;

import dev.oomspec.traces.LineAccounting;
import dev.oomspec.traces.Malformed;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/** One input file as a {@link FleetSchema#FILE} row: what became of its lines, or why it could not be read. */
public final class FileRows {
  private FileRows() {}

  /** A file read to its end; {@code content}: {@code text}, {@code trace.dat} or {@code empty}. */
  public static Row read(String source, String host, long bytes, LineAccounting a, long events, long skipped,
      String content) {
    List<Row> malformed = new ArrayList<>(a.malformedLines().size());
    for (Malformed m : a.malformedLines()) {
      malformed.add(RowFactory.create(m.line(), m.why()));
    }
    return RowFactory.create(source, host, bytes, a.reader(), a.unit(), a.total(), a.event(), a.unrelated(),
        a.malformed(), FleetSchema.seq(malformed), events, skipped, null, content);
  }

  /**
   * A file that could not be read to its end: its line accounting is unknown; {@code events} were replayed (and are in
   * the events table) before the failure; {@code content}: what it holds when that is known (a binary file), or null.
   */
  public static Row failed(String source, String host, long bytes, long events, long skipped, String error,
      String content) {
    return RowFactory.create(source, host, bytes, null, null, null, null, null, null, FleetSchema.seq(List.of()), events,
        skipped, error, content);
  }
}
