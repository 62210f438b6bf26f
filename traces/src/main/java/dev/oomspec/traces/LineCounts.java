package dev.oomspec.traces;

import dev.oomspec.traces.assemble.Disposition;
import java.util.ArrayList;
import java.util.List;

/**
 * What became of each line (or trace.dat record) of one input, counted: event, unrelated, malformed (the first
 * {@link LineAccounting#MAX_LISTED} malformed ones listed with the reason). Lines a report adopts after they
 * were counted unrelated (its header was cut, see OomReportAssembler) are moved to event when they are among
 * the last {@link #RECENT} lines.
 *
 * <p>The parallel reader keeps one per chunk, and adds them up in input order ({@link #absorb}); a chunk's
 * adoptions of lines before it ({@link #deferred}) are settled there.
 */
final class LineCounts {
  /** Ring of the most recent dispositions (lines adopted after they were counted unrelated). */
  static final int RECENT = dev.oomspec.traces.assemble.OomReportAssembler.MAX_TENTATIVE_LINES + 64;

  private final String source;
  long total;
  long event;
  long unrelated;
  long malformed;
  final List<Malformed> listed = new ArrayList<>();
  /** Dispositions of the most recent {@link #RECENT} lines, by line number modulo the size. */
  private final Disposition.Kind[] recent = new Disposition.Kind[RECENT];
  private long newest;
  /** Lines before this one belong to an earlier chunk: their adoptions are deferred (0: none are). */
  private long firstOwn;
  /** Adopted lines of an earlier chunk, each with the newest line counted when it was adopted. */
  final List<long[]> deferred = new ArrayList<>();

  LineCounts(String source) {
    this.source = source;
  }

  /** From now on, adoptions of lines before {@code line} are deferred to the chunks before. */
  void ownFrom(long line) {
    firstOwn = line;
    newest = line - 1;
  }

  /** Counts one line. */
  void count(long line, Disposition d) {
    count(line, d, false);
  }

  /** Counts one line; a malformed one is listed even beyond the cap when {@code always}. */
  void count(long line, Disposition d, boolean always) {
    total++;
    switch (d.kind()) {
      case EVENT -> event++;
      case UNRELATED -> unrelated++;
      case MALFORMED -> {
        malformed++;
        if (always || listed.size() < LineAccounting.MAX_LISTED) {
          listed.add(new Malformed(source, line, d.why()));
        }
      }
    }
    recent[(int) Math.floorMod(line, (long) RECENT)] = d.kind();
    newest = Math.max(newest, line);
  }

  /** Lines counted unrelated that a report took after all. */
  void adopt(List<Long> lines) {
    for (Long n : lines) {
      if (n < firstOwn) {
        deferred.add(new long[] {n, newest});
      } else if (flip(n, newest)) {
        unrelated--;
        event++;
      }
    }
  }

  /**
   * Marks a recent unrelated line as event in the ring, judged when {@code newestLine} was the newest line
   * counted; false when it was not an unrelated line among the {@link #RECENT} before it.
   */
  private boolean flip(long n, long newestLine) {
    if (n > newestLine || n <= newestLine - RECENT) {
      return false;
    }
    int i = (int) Math.floorMod(n, (long) RECENT);
    if (recent[i] == Disposition.Kind.UNRELATED) {
      recent[i] = Disposition.Kind.EVENT;
      return true;
    }
    return false;
  }

  /**
   * Adds the next chunk (in input order) to these counts of the chunks before it: its adoptions of lines before
   * it (judged here, where those lines' dispositions are), its counts and listed lines, its recent dispositions.
   */
  void absorb(LineCounts chunk) {
    for (long[] d : chunk.deferred) {
      if (flip(d[0], d[1])) {
        unrelated--;
        event++;
      }
    }
    total += chunk.total;
    event += chunk.event;
    unrelated += chunk.unrelated;
    malformed += chunk.malformed;
    for (Malformed m : chunk.listed) {
      if (listed.size() >= LineAccounting.MAX_LISTED) {
        break;
      }
      listed.add(m);
    }
    if (chunk.newest > newest) {
      for (long n = Math.max(chunk.firstOwn, chunk.newest - RECENT + 1); n <= chunk.newest; n++) {
        int i = (int) Math.floorMod(n, (long) RECENT);
        recent[i] = chunk.recent[i];
      }
      newest = chunk.newest;
    }
  }

  LineAccounting accounting(String reader, String unit) {
    return new LineAccounting(source, reader, total, event, unrelated, malformed, listed, unit);
  }
}
