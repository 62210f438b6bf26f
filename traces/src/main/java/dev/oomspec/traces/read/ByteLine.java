package dev.oomspec.traces.read;

/**
 * A cursor over one input line's bytes, reused from line to line (see {@link BoundedLineReader#next(ByteLine)}
 * and {@link LineScan}): the line is {@code bytes[from, to)} without its {@code '\n'}, valid until the next line
 * is read. A line longer than the reader's limit is {@link #tooLong} and has no bytes.
 */
public final class ByteLine {
  byte[] bytes;
  int from;
  int to;
  long number;
  /** A byte other than printable ASCII or tab: a control char, DEL, a backslash, a non-ASCII byte. */
  boolean odd;
  /** A tab. */
  boolean tab;
  boolean tooLong;
  long length;
  /** How many {@code '['} the line has. */
  int brackets;

  /** Makes this the line of {@code b} starting at {@code from} (before {@code end}); the index of its {@code '\n'} or {@code end}. */
  public int scan(byte[] b, int from, int end) {
    odd = false;
    tab = false;
    tooLong = false;
    brackets = 0;
    int i = LineScan.lineEnd(b, from, end, this);
    bytes = b;
    this.from = from;
    to = i;
    return i;
  }

  /** The line is too long ({@code chars} chars): its bytes are not read. */
  public void tooLong(long chars) {
    tooLong = true;
    length = chars;
    bytes = null;
    from = 0;
    to = 0;
  }

  public void number(long n) {
    number = n;
  }

  public byte[] bytes() {
    return bytes;
  }

  public int from() {
    return from;
  }

  public int to() {
    return to;
  }

  public long number() {
    return number;
  }

  /** True when every byte is printable ASCII (0x20..0x7e) or a tab, and none is a backslash. */
  public boolean printable() {
    return !odd;
  }

  /** True when {@link LineCleaner} has nothing to remove but a quote prefix (no tab either). */
  public boolean plain() {
    return !odd && !tab;
  }

  /** How many {@code '['} the line has (a dmesg line has one before its timestamp). */
  public int brackets() {
    return brackets;
  }

  public boolean tooLong() {
    return tooLong;
  }

  /** Chars of a line that is too long. */
  public long length() {
    return length;
  }
}
