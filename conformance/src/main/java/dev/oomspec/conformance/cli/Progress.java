package dev.oomspec.conformance.cli;

import java.io.PrintWriter;

/** A one-line progress indicator on stderr, only when stderr is a terminal (System.console() present). */
final class Progress {
  private final PrintWriter err;
  private final int inputs;
  private final boolean on;
  private int inputsDone;
  private long events;
  private long lastDraw;

  private Progress(PrintWriter err, int inputs, boolean on) {
    this.err = err;
    this.inputs = inputs;
    this.on = on;
  }

  static Progress forTerminal(PrintWriter err, int inputs) {
    return new Progress(err, inputs, System.console() != null);
  }

  void event() {
    events++;
    draw(false);
  }

  void input() {
    inputsDone++;
    draw(false);
  }

  void done() {
    if (on && lastDraw != 0) {
      err.print("\r\033[K");
      err.flush();
    }
  }

  private void draw(boolean force) {
    if (!on) return;
    long now = System.nanoTime();
    if (!force && now - lastDraw < 200_000_000L) return;
    lastDraw = now;
    err.print("\r\033[Kreplaying: " + inputsDone + "/" + inputs + " inputs, " + events + " events");
    err.flush();
  }
}
