package dev.oomspec.traces.read;

/**
 * Where a kernel line came from, as the assembler needs it (its text is read separately, by the grammar).
 *
 * @param line         1-based input line number
 * @param stream       the key separating interleaved logs ("" if none)
 * @param timestamp    kernel time in seconds, NaN when not printed
 * @param wallClock    a wall-clock time was printed (syslog, {@code dmesg -T})
 * @param callerId     printk caller id, or null
 * @param continuation the wrapping marked the line as a continuation of the previous record
 * @param indented     the kernel text starts with a space or tab (before it was stripped)
 */
public record LineFacts(long line, String stream, double timestamp, boolean wallClock, String callerId,
    boolean continuation, boolean indented) {

  public boolean hasTimestamp() {
    return !Double.isNaN(timestamp);
  }

  /** The timestamp, boxed; null when not printed. */
  public Double stamp() {
    return Double.isNaN(timestamp) ? null : timestamp;
  }
}
