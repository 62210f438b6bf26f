package dev.oomspec.traces;

import java.util.List;

/**
 * What became of every input line of one source. Invariant ({@link #holds()}):
 * {@code event + unrelated + malformed == total}. {@code malformedLines} keeps the first
 * {@link #MAX_LISTED} malformed lines; {@code malformed} counts all of them.
 *
 * @param reader the wrapping reader that read the source
 */
public record LineAccounting(
    String source, String reader, long total, long event, long unrelated, long malformed,
    List<Malformed> malformedLines) {

  public static final int MAX_LISTED = 1000;

  public LineAccounting {
    malformedLines = List.copyOf(malformedLines);
  }

  /** The ACCOUNTING invariant. */
  public boolean holds() {
    return event + unrelated + malformed == total && event >= 0 && unrelated >= 0 && malformed >= 0;
  }

  /** One line: {@code file: N lines: E event, U unrelated, M malformed (reader)}. */
  public String summary() {
    return source + ": " + total + " lines: " + event + " event, " + unrelated + " unrelated, " + malformed
        + " malformed (reader " + reader + ")";
  }
}
