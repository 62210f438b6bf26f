package dev.oomspec.conformance.cli;

import java.io.PrintWriter;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;

/**
 * One progress line on stderr, redrawn at most five times a second while inputs are read: inputs done of all,
 * bytes read of the total (as stored: compressed bytes for a compressed input), the percentage, events so far,
 * the read rate and the time left. Drawn only when stderr is a terminal ({@link Terminal}), whatever stdout is;
 * {@link #clear()} removes it before anything else is written to stderr and when reading ends, so no other
 * output is ever glued to it.
 */
final class Progress {
  private static final long REDRAW_NANOS = 200_000_000L;

  private final PrintWriter err;
  private final int inputs;
  private final long totalBytes; // -1: unknown (stdin)
  private final boolean on;
  private final LongSupplier clock;
  private final long start;
  private final AtomicLong bytes = new AtomicLong();
  private int inputsDone;
  private long events;
  private long lastDraw;
  private boolean drawn;

  Progress(PrintWriter err, int inputs, long totalBytes, boolean on, LongSupplier clock) {
    this.err = err;
    this.inputs = inputs;
    this.totalBytes = totalBytes;
    this.on = on;
    this.clock = clock;
    this.start = clock.getAsLong();
  }

  static Progress forStderr(PrintWriter err, int inputs, long totalBytes, boolean quiet) {
    return new Progress(err, inputs, totalBytes, !quiet && Terminal.stderrIsTerminal(), System::nanoTime);
  }

  /** The counter the input streams add their bytes to. */
  AtomicLong bytes() {
    return bytes;
  }

  synchronized void event() {
    events++;
    draw(false);
  }

  synchronized void input() {
    inputsDone++;
    draw(false);
  }

  /** Removes the line (before other stderr output, and at the end). */
  synchronized void clear() {
    if (on && drawn) {
      err.print("\r\033[K");
      err.flush();
      drawn = false;
    }
  }

  private void draw(boolean force) {
    if (!on) {
      return;
    }
    long now = clock.getAsLong();
    if (!force && now - lastDraw < REDRAW_NANOS) {
      return;
    }
    lastDraw = now;
    err.print("\r\033[K" + line(now));
    err.flush();
    drawn = true;
  }

  /** The text of the line at {@code now} (nanoseconds of {@link #clock}). */
  String line(long now) {
    long read = bytes.get();
    double secs = Math.max(1e-9, (now - start) / 1e9);
    double rate = read / secs;
    StringBuilder b = new StringBuilder("replaying ");
    b.append(Math.min(inputsDone + 1, inputs)).append('/').append(inputs).append(inputs == 1 ? " input  " : " inputs  ");
    b.append(size(read));
    if (totalBytes > 0) {
      long pct = Math.min(100, read * 100 / totalBytes);
      b.append(" of ").append(size(totalBytes)).append(" (").append(pct).append(" %)");
    }
    b.append("  ").append(String.format(Locale.ROOT, "%,d", events)).append(events == 1 ? " event  " : " events  ");
    b.append(size((long) rate)).append("/s");
    if (totalBytes > 0 && rate > 0 && read < totalBytes) {
      long left = (long) Math.ceil((totalBytes - read) / rate);
      b.append(String.format(Locale.ROOT, "  ETA %d:%02d", left / 60, left % 60));
    }
    return b.toString();
  }

  static String size(long bytes) {
    if (bytes < 1024) {
      return bytes + " B";
    }
    if (bytes < 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
  }
}
