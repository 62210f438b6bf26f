package dev.oomspec.traces.read;

import java.util.Objects;

/**
 * One line of kernel text after its wrapping (timestamp, host prefix, record format) was removed.
 *
 * @param source      the source name (file path or {@code -})
 * @param line        the 1-based input line number it came from (several kernel lines may share one input
 *                    line: a record with embedded newlines, or lines glued together after a lost newline)
 * @param stream      the key that separates interleaved logs: host and boot for journals and syslog, "" if none
 * @param timestamp   kernel monotonic time in seconds when printed, else null
 * @param wallClock   wall-clock time as printed (syslog, {@code dmesg -T}), else null
 * @param callerId    printk caller id ({@code T54}, {@code C1}) when printed, else null
 * @param continuation true when the wrapping marked the line as a continuation of the previous record
 *                    (indented, no timestamp of its own)
 * @param text        the kernel text
 */
public record KernelLine(
    String source,
    long line,
    String stream,
    Double timestamp,
    String wallClock,
    String callerId,
    boolean continuation,
    String text) {

  public KernelLine {
    Objects.requireNonNull(source, "source");
    Objects.requireNonNull(text, "text");
    stream = stream == null ? "" : stream;
  }

  /** A line with no prefix at all. */
  public static KernelLine plain(String source, long line, String text) {
    return new KernelLine(source, line, "", null, null, null, false, text);
  }
}
