package dev.oomspec.traces.read;

/**
 * One reader per log wrapping: turns a cleaned input line into kernel text, an ftrace event or a tool line.
 * Readers keep at most a few fields of state (the previous timestamp, the current stream) — never lines.
 * A reader instance serves one input; get a fresh one from {@link Readers}.
 */
public interface LogReader {

  /** The reader's name as accepted by {@code --reader}. */
  String name();

  /**
   * How strongly a line looks like this format: 0 not at all, 1 plausible, 2 distinctive, 3 or 4 a line only
   * this format prints (ftrace's {@code # tracer:} header and trace-cmd's {@code cpus=} score 3, a journal
   * banner 4), so that a few such lines outvote many plausible ones.
   */
  int sniff(String line);

  /** Decodes one line (already cleaned by {@link LineCleaner}). */
  Decoded decode(String source, long lineNumber, String line);

  /**
   * The reader's fast path over a line's bytes ({@link ByteDecoder}), or null when every line is decoded from
   * its String. A fast path must read each line it accepts exactly as {@link #decode} would.
   */
  default ByteDecoder bytes() {
    return null;
  }

  /**
   * What the reader carries from one line to the next (e.g. the host of the last syslog line, for its
   * continuation lines), as text; "" for a reader that reads each line on its own. Two readers that carry the
   * same read the next lines alike.
   */
  default String carried() {
    return "";
  }
}
