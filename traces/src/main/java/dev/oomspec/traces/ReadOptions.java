package dev.oomspec.traces;

import dev.oomspec.traces.assemble.Disposition;
import dev.oomspec.traces.read.BoundedLineReader;

/**
 * Options for {@link OomLogReader}.
 *
 * @param reader        a reader name from {@link dev.oomspec.traces.read.Readers} or null to sniff the format
 * @param maxLineLength longer lines are reported malformed and skipped without being buffered
 * @param lineListener  told what became of each input line (tests, debugging), or null; called on the thread
 *                      that called {@link OomLogReader}, once per line, in input order, interleaved with the
 *                      event sink as before (lines are read and decoded ahead on a decode thread, but
 *                      assembled and reported on the calling thread)
 */
public record ReadOptions(String reader, int maxLineLength, LineListener lineListener) {

  /** Receives the disposition of each input line. */
  @FunctionalInterface
  public interface LineListener {
    void line(long number, String text, Disposition disposition);
  }

  public static ReadOptions defaults() {
    return new ReadOptions(null, BoundedLineReader.DEFAULT_MAX_LENGTH, null);
  }

  public ReadOptions withReader(String name) {
    return new ReadOptions(name, maxLineLength, lineListener);
  }

  public ReadOptions withMaxLineLength(int n) {
    return new ReadOptions(reader, n, lineListener);
  }

  public ReadOptions withListener(LineListener l) {
    return new ReadOptions(reader, maxLineLength, l);
  }
}
