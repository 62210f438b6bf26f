package dev.oomspec.traces;

import java.util.List;

/**
 * What became of every input line of one source. Invariant ({@link #holds()}):
 * {@code event + unrelated + malformed == total}. {@code malformedLines} keeps the first
 * {@link #MAX_LISTED} malformed lines; {@code malformed} counts all of them.
 *
 * <p>For a binary input (a trace-cmd {@code trace.dat}) the unit is a <em>record</em> (one ftrace event, in
 * timestamp order across CPUs) instead of a line; {@link Malformed#line()} is then the 1-based record number.
 *
 * @param reader the wrapping reader that read the source
 * @param unit   {@code "lines"} for text inputs, {@code "records"} for binary ones
 */
public record LineAccounting(
    String source, String reader, long total, long event, long unrelated, long malformed,
    List<Malformed> malformedLines, String unit) {

  public static final int MAX_LISTED = 1000;

  public LineAccounting {
    malformedLines = List.copyOf(malformedLines);
    unit = unit == null ? "lines" : unit;
  }

  /** A text input's accounting (unit {@code lines}). */
  public LineAccounting(String source, String reader, long total, long event, long unrelated, long malformed,
      List<Malformed> malformedLines) {
    this(source, reader, total, event, unrelated, malformed, malformedLines, "lines");
  }

  /** The ACCOUNTING invariant. */
  public boolean holds() {
    return event + unrelated + malformed == total && event >= 0 && unrelated >= 0 && malformed >= 0;
  }

  /** One line: {@code file: N lines: E event, U unrelated, M malformed (reader)} ({@code records} for binary inputs). */
  public String summary() {
    return source + ": " + total + " " + unit + ": " + event + " event, " + unrelated + " unrelated, " + malformed
        + " malformed (reader " + reader + ")";
  }
}
