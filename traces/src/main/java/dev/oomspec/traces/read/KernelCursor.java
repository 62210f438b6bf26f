package dev.oomspec.traces.read;

/**
 * One kernel line read from bytes by a wrapping reader's fast path ({@link ByteDecoder}): where it came from and
 * its text, a window of the input's bytes with the whitespace around it removed. One instance per reading thread,
 * refilled for every line, so that reading a line makes no object; what the general path needs of it is made on
 * demand ({@link #facts}, {@link #text}). The window ({@link #window}) is valid only while its line is read.
 */
public final class KernelCursor {
  byte[] bytes;
  int from;
  int to;
  long line;
  String stream = "";
  double timestamp = Double.NaN;
  boolean wallClock;
  String callerId;
  boolean continuation;
  boolean indented;
  private final Text window = Text.window();

  /** Sets every field: the text {@code b[from, to)} (printable ASCII, not blank, whitespace removed). */
  void set(byte[] b, int from, int to, long line, String stream, double timestamp, boolean continuation,
      boolean indented) {
    this.bytes = b;
    this.from = from;
    this.to = to;
    this.line = line;
    this.stream = stream;
    this.timestamp = timestamp;
    this.wallClock = false;
    this.callerId = null;
    this.continuation = continuation;
    this.indented = indented;
  }

  public long line() {
    return line;
  }

  public String stream() {
    return stream;
  }

  /** Kernel time in seconds, NaN when the line has none. */
  public double timestamp() {
    return timestamp;
  }

  public boolean hasTimestamp() {
    return !Double.isNaN(timestamp);
  }

  public boolean wallClock() {
    return wallClock;
  }

  public String callerId() {
    return callerId;
  }

  public boolean continuation() {
    return continuation;
  }

  public boolean indented() {
    return indented;
  }

  /** True when the text is empty. */
  public boolean isEmpty() {
    return from >= to;
  }

  /** The line's facts as the general path takes them. */
  public LineFacts facts() {
    return new LineFacts(line, stream, timestamp, wallClock, callerId, continuation, indented);
  }

  /** The line's text as a Text of its own (kept valid only while the line's bytes are). */
  public Text text() {
    return Text.ascii(bytes, from, to);
  }

  /** The line's text in this cursor's reused window: valid until the next line is read; never to be kept. */
  public Text window() {
    return window.reset(bytes, from, to);
  }
}
