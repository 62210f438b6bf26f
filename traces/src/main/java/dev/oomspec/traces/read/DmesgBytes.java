package dev.oomspec.traces.read;

/**
 * {@link DmesgReader}'s fast path: {@code [  315.270610] text} read from the bytes. Lines it does not read
 * the way {@link DmesgReader#decode} does in one piece — blank lines, a {@code dmesg -x} facility prefix, a
 * printk caller id, a second timestamp in the text (glued lines) — are declined.
 */
final class DmesgBytes implements ByteDecoder {

  @Override
  public boolean decode(ByteLine line, int from, KernelCursor out) {
    byte[] b = line.bytes();
    int to = line.to();
    long n = line.number();
    if (blank(b, from, to)) {
      return false; // "blank line"
    }
    byte c0 = b[from];
    if (c0 >= 'a' && c0 <= 'z' && facility(b, from, to)) {
      return false;
    }
    int after = c0 == '[' ? stamp(b, from, to) : -1;
    if (after < 0) { // no timestamp: a continuation line (indented) or bare text, stripped
      boolean indented = c0 == ' ' || c0 == '\t';
      return kernel(b, from, to, out, n, Double.NaN, indented, false);
    }
    if (callerId(b, after, to) || callerId(b, skipSpaces(b, after, to), to)) {
      return false;
    }
    int textStart = after;
    if (textStart < to && b[textStart] == ' ') {
      textStart++;
    }
    if (line.brackets() > 1 || b[from] != '[') { // another '[' than the timestamp's
      for (int i = textStart; i < to; i++) {
        if (b[i] == '[' && stamp(b, i, to) > 0) {
          return false; // a glued line, maybe: split by decode()
        }
      }
    }
    int end = to;
    while (end > textStart && (b[end - 1] == ' ' || b[end - 1] == '\t')) {
      end--;
    }
    boolean indented = end > textStart && (b[textStart] == ' ' || b[textStart] == '\t');
    return kernel(b, textStart, end, out, n, value, false, indented);
  }

  /** The value of the last {@link #stamp} read (NaN for a relative one). */
  private double value;

  /** The text {@code b[from, to)} without the blanks around it, and its facts, into {@code out}; true. */
  static boolean kernel(byte[] b, int from, int to, KernelCursor out, long line, double timestamp,
      boolean continuation, boolean indented) {
    while (from < to && (b[from] == ' ' || b[from] == '\t')) {
      from++;
    }
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
      to--;
    }
    out.set(b, from, to, line, "", timestamp, continuation, indented);
    return true;
  }

  static boolean blank(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != ' ' && b[i] != '\t') {
        return false;
      }
    }
    return true;
  }

  private static int skipSpaces(byte[] b, int i, int to) {
    while (i < to && (b[i] == ' ' || b[i] == '\t')) {
      i++;
    }
    return i;
  }

  private static int digitsEnd(byte[] b, int i, int to) {
    while (i < to && b[i] >= '0' && b[i] <= '9') {
      i++;
    }
    return i;
  }

  /** As {@link Scan#dmesgTimestamp}: the index after {@code [  s.frac]} at {@code i}, or -1; the value in {@link #value}. */
  private int stamp(byte[] b, int i, int to) {
    if (i >= to || b[i] != '[') {
      return -1;
    }
    int j = skipSpaces(b, i + 1, to);
    boolean relative = j < to && b[j] == '+';
    if (relative) {
      j++;
    }
    int a = j;
    j = digitsEnd(b, j, to);
    if (j == a || j - a > 12 || j >= to || b[j] != '.') {
      return -1;
    }
    int f = j + 1;
    int k = digitsEnd(b, f, to);
    if (k == f || k - f > 9 || k >= to || b[k] != ']') {
      return -1;
    }
    if (relative) {
      value = Double.NaN;
    } else {
      long whole = 0;
      for (int x = a; x < j; x++) {
        whole = whole * 10 + (b[x] - '0');
      }
      long frac = 0;
      long scale = 1;
      for (int x = f; x < k; x++) {
        frac = frac * 10 + (b[x] - '0');
        scale *= 10;
      }
      value = whole + (double) frac / scale;
    }
    return k + 1;
  }

  /** As {@link Scan#callerId}: {@code [ T9185]} / {@code [C1]} at {@code i}. */
  private static boolean callerId(byte[] b, int i, int to) {
    if (i >= to || b[i] != '[') {
      return false;
    }
    int j = skipSpaces(b, i + 1, to);
    if (j >= to || b[j] != 'T' && b[j] != 'C') {
      return false;
    }
    int d = digitsEnd(b, j + 1, to);
    return d != j + 1 && d - j <= 8 && d < to && b[d] == ']';
  }

  /** As {@link DmesgReader#stripFacility} finding a {@code kern  :warn  : } prefix. */
  private static boolean facility(byte[] b, int from, int to) {
    int i = from;
    while (i < to && b[i] >= 'a' && b[i] <= 'z') {
      i++;
    }
    if (i == from || i - from > 8) {
      return false;
    }
    int j = skipSpaces(b, i, to);
    if (j >= to || b[j] != ':') {
      return false;
    }
    int k = j + 1;
    int l = k;
    while (l < to && b[l] >= 'a' && b[l] <= 'z') {
      l++;
    }
    if (l == k) {
      return false;
    }
    int m = skipSpaces(b, l, to);
    return m + 1 < to && b[m] == ':' && b[m + 1] == ' ';
  }
}
