package dev.oomspec.traces.tracedat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The ring-buffer page header, from the stored {@code events/header_page} text: a u64 timestamp, the
 * {@code commit} word (bytes used; bits 31/30 flag missed events) and where the event data starts.
 */
record PageLayout(int tsOffset, int tsSize, int commitOffset, int commitSize, int dataOffset) {

  private static final Pattern FIELD =
      Pattern.compile("field:\\s*[^;]*?(\\w+);\\s*offset:\\s*(\\d+);\\s*size:\\s*(\\d+);");

  /** Bits of the commit word that hold the used size (kbuffer's COMMIT_MASK). */
  static final long COMMIT_MASK = (1L << 27) - 1;

  static PageLayout parse(String headerPage, int longSize) {
    int tsOff = 0;
    int tsSize = 8;
    int commitOff = 8;
    int commitSize = longSize;
    int dataOff = 8 + longSize;
    Matcher m = FIELD.matcher(headerPage);
    while (m.find()) {
      int off = Integer.parseInt(m.group(2));
      int size = Integer.parseInt(m.group(3));
      switch (m.group(1)) {
        case "timestamp" -> {
          tsOff = off;
          tsSize = size;
        }
        case "commit" -> {
          commitOff = off;
          commitSize = size;
        }
        case "data" -> dataOff = off;
        default -> { }
      }
    }
    return new PageLayout(tsOff, tsSize, commitOff, commitSize, dataOff);
  }
}
