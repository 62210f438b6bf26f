package dev.oomspec.conformance.cli;

import dev.oomspec.traces.LineAccounting;
import dev.oomspec.traces.Malformed;
import java.io.PrintWriter;

/** The line accounting of one input as both commands print it on stderr. */
final class Accounting {
  private Accounting() {}

  /** {@code kern.log.1.gz (gzip): 47 lines: 47 event, 0 unrelated, 0 malformed (reader dmesg)}. */
  static String summary(LineAccounting a, String compressionNote) {
    String s = a.summary();
    String prefix = a.source() + ": ";
    return compressionNote.isEmpty() || !s.startsWith(prefix) ? s
        : a.source() + compressionNote + ": " + s.substring(prefix.length());
  }

  /** The first {@code limit} malformed lines, then how many more. */
  static void malformed(LineAccounting a, PrintWriter err, int limit) {
    int shown = 0;
    for (Malformed m : a.malformedLines()) {
      if (shown++ == limit) {
        break;
      }
      err.println("  " + m.file() + ":" + m.line() + ": malformed: " + m.why());
    }
    long more = a.malformed() - Math.min(limit, a.malformedLines().size());
    if (more > 0) {
      err.println("  … " + more + " more malformed " + a.unit());
    }
  }
}
