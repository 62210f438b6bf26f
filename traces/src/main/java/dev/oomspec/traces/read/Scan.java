package dev.oomspec.traces.read;

/** Small hand-rolled scanners shared by the readers (no regular expressions, linear time). */
public final class Scan {

  private Scan() {}

  public static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }

  /** Index of the first non-space/tab char at or after {@code i}. */
  public static int skipSpaces(String s, int i) {
    while (i < s.length() && (s.charAt(i) == ' ' || s.charAt(i) == '\t')) {
      i++;
    }
    return i;
  }

  /** Index after the run of digits starting at {@code i} (== i when none). */
  public static int digitsEnd(String s, int i) {
    while (i < s.length() && isDigit(s.charAt(i))) {
      i++;
    }
    return i;
  }

  /** True when every char is a digit and there is at least one (an optional leading '-' allowed). */
  public static boolean isInteger(String s) {
    int i = s.startsWith("-") ? 1 : 0;
    return s.length() > i && digitsEnd(s, i) == s.length() && s.length() - i <= 19;
  }

  /** Parses a long or returns null (no exception). */
  public static Long toLong(String s) {
    if (s == null) {
      return null;
    }
    s = s.strip();
    if (!isInteger(s)) {
      return null;
    }
    try {
      return Long.parseLong(s);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  /** Parses an int or returns null. */
  public static Integer toInt(String s) {
    Long v = toLong(s);
    return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) (long) v;
  }

  /** A number followed by a unit suffix ({@code 123kB}, {@code 5KB}) → the number, else null. */
  public static Long toLongStripUnit(String s) {
    if (s == null) {
      return null;
    }
    s = s.strip();
    int i = s.startsWith("-") ? 1 : 0;
    int e = digitsEnd(s, i);
    if (e == i || e - i > 19) {
      return null;
    }
    String unit = s.substring(e);
    if (!unit.isEmpty() && !unit.equalsIgnoreCase("kB") && !unit.equals("B")) {
      return null;
    }
    return toLong(s.substring(0, e));
  }

  // ---- the same on Text (the report grammar) ---------------------------------------------------------------

  /** As {@link #toLong(String)} on the chars {@code [a, e)} of {@code t}. */
  public static Long toLong(Text t, int a, int e) {
    while (a < e && t.isWhitespace(a)) {
      a++;
    }
    while (e > a && t.isWhitespace(e - 1)) {
      e--;
    }
    if (!isInteger(t, a, e)) {
      return null;
    }
    return parseDigits(t, a, e);
  }

  public static Long toLong(Text t) {
    return toLong(t, 0, t.length());
  }

  /** As {@link #toInt(String)}. */
  public static Integer toInt(Text t, int a, int e) {
    Long v = toLong(t, a, e);
    return v == null || v < Integer.MIN_VALUE || v > Integer.MAX_VALUE ? null : (int) (long) v;
  }

  /** As {@link #isInteger(String)} on {@code [a, e)}. */
  public static boolean isInteger(Text t, int a, int e) {
    int i = a < e && t.at(a) == '-' ? a + 1 : a;
    return e > i && t.digitsEnd(i) >= e && e - i <= 19;
  }

  /** {@code [-]digits} (already checked by {@link #isInteger(Text, int, int)}) as Long.parseLong gives it; null on overflow. */
  private static Long parseDigits(Text t, int a, int e) {
    boolean neg = t.at(a) == '-';
    int i = neg ? a + 1 : a;
    long v = 0;
    for (; i < e; i++) {
      int d = t.at(i) - '0';
      // accumulate negatively (as Long.parseLong) so that Long.MIN_VALUE is representable
      if (v < (Long.MIN_VALUE + d) / 10) {
        return null;
      }
      v = v * 10 - d;
    }
    if (!neg) {
      if (v == Long.MIN_VALUE) {
        return null;
      }
      v = -v;
    }
    return v;
  }

  /** As {@link #toLongStripUnit(String)} on {@code [a, e)}. */
  public static Long toLongStripUnit(Text t, int a, int e) {
    while (a < e && t.isWhitespace(a)) {
      a++;
    }
    while (e > a && t.isWhitespace(e - 1)) {
      e--;
    }
    int i = a < e && t.at(a) == '-' ? a + 1 : a;
    int d = Math.min(t.digitsEnd(i), e);
    if (d == i || d - i > 19) {
      return null;
    }
    int u = e - d;
    boolean unit = u == 0
        || u == 1 && t.at(d) == 'B'
        || u == 2 && isKb(t, d);
    if (!unit) {
      return null;
    }
    return toLong(t, a, d);
  }

  /** {@code "kB".equalsIgnoreCase} of the two chars at {@code d}. */
  private static boolean isKb(Text t, int d) {
    byte k = t.at(d);
    byte b = t.at(d + 1);
    if (k >= 0 && b >= 0) {
      return (k == 'k' || k == 'K') && (b == 'b' || b == 'B');
    }
    return t.string(d, d + 2).equalsIgnoreCase("kB"); // U+212A KELVIN SIGN matches 'k'
  }

  public static Long toLongStripUnit(Text t) {
    return toLongStripUnit(t, 0, t.length());
  }

  /**
   * A dmesg timestamp {@code [  315.270610]} starting at {@code i}: returns the index after the closing
   * bracket, or -1. The value goes into {@code out[0]}. A relative stamp ({@code dmesg --reltime}/{@code -H}:
   * {@code [  +0.000067]}) is recognised too; its value is NaN (the absolute time is unknown).
   */
  /** {@code digits.digits} (already validated: at most 12 + 9 digits) as a double, without a substring. */
  private static double decimal(String s, int from, int dot, int to) {
    long whole = 0;
    for (int i = from; i < dot; i++) {
      whole = whole * 10 + (s.charAt(i) - '0');
    }
    long frac = 0;
    long scale = 1;
    for (int i = dot + 1; i < to; i++) {
      frac = frac * 10 + (s.charAt(i) - '0');
      scale *= 10;
    }
    return whole + (double) frac / scale;
  }

  public static int dmesgTimestamp(String s, int i, double[] out) {
    int n = s.length();
    if (i >= n || s.charAt(i) != '[') {
      return -1;
    }
    int j = skipSpaces(s, i + 1);
    boolean relative = j < n && s.charAt(j) == '+';
    if (relative) {
      j++;
    }
    int a = j;
    j = digitsEnd(s, j);
    if (j == a || j - a > 12 || j >= n || s.charAt(j) != '.') {
      return -1;
    }
    int b = j + 1;
    int k = digitsEnd(s, b);
    if (k == b || k - b > 9 || k >= n || s.charAt(k) != ']') {
      return -1;
    }
    if (out != null) {
      out[0] = relative ? Double.NaN : decimal(s, a, j, k);
    }
    return k + 1;
  }

  /**
   * A printk caller id {@code [ T9185]} / {@code [T54]} / {@code [  C1]} at {@code i}: returns the index
   * after it, or -1; the id (e.g. {@code T9185}) goes into {@code out[0]}.
   */
  public static int callerId(String s, int i, String[] out) {
    int n = s.length();
    if (i >= n || s.charAt(i) != '[') {
      return -1;
    }
    int j = skipSpaces(s, i + 1);
    if (j >= n || (s.charAt(j) != 'T' && s.charAt(j) != 'C')) {
      return -1;
    }
    int d = digitsEnd(s, j + 1);
    if (d == j + 1 || d - j > 8 || d >= n || s.charAt(d) != ']') {
      return -1;
    }
    out[0] = s.substring(j, d);
    return d + 1;
  }

  /** True when {@code s} has {@code HH:MM:SS} starting at {@code i}. */
  public static boolean isClock(String s, int i) {
    if (i + 8 > s.length()) {
      return false;
    }
    return isDigit(s.charAt(i))
        && isDigit(s.charAt(i + 1))
        && s.charAt(i + 2) == ':'
        && isDigit(s.charAt(i + 3))
        && isDigit(s.charAt(i + 4))
        && s.charAt(i + 5) == ':'
        && isDigit(s.charAt(i + 6))
        && isDigit(s.charAt(i + 7));
  }

  /** Index of the first {@code HH:MM:SS} in s[from, to), or -1. */
  public static int findClock(String s, int from, int to) {
    to = Math.min(to, s.length() - 7);
    for (int i = Math.max(0, from); i < to; i++) {
      if (s.charAt(i + 2) == ':' && isClock(s, i)) {
        return i;
      }
    }
    return -1;
  }
}
