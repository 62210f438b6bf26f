package dev.oomspec.traces.read;

import java.util.List;

/**
 * Picks the wrapping reader from the first lines of an input: every reader scores each line
 * ({@link LogReader#sniff}); the highest total wins, ties go to the earlier reader in {@link Readers};
 * with no score at all the {@link ConsoleReader} reads the input.
 */
public final class FormatSniffer {

  /** How many leading lines are looked at (and held) before reading starts. */
  public static final int SNIFF_LINES = 64;

  private FormatSniffer() {}

  public static LogReader pick(List<String> firstLines) {
    List<LogReader> readers = Readers.all();
    LogReader best = null;
    long bestScore = 0;
    for (LogReader r : readers) {
      long score = 0;
      for (String l : firstLines) {
        try {
          score += r.sniff(l);
        } catch (RuntimeException e) {
          // a reader bug must not stop reading; the line simply does not vote
        }
      }
      if (score > bestScore) {
        best = r;
        bestScore = score;
      }
    }
    return best == null ? new ConsoleReader() : best;
  }
}
