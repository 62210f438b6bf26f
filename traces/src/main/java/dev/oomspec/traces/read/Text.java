package dev.oomspec.traces.read;

import java.nio.charset.StandardCharsets;

/**
 * The text of one kernel line as one byte per char, which the report grammar reads: either a window of an
 * ASCII byte buffer (the byte front end reads a file's bytes in place, no {@code String} made) or a
 * {@code String}'s chars with every non-ASCII char stood for by the byte {@code 0x80} (the general path). The
 * grammar only matches ASCII, so byte index = char index and a non-ASCII char never matches a pattern; where a
 * rule asks about a non-ASCII char (whitespace, letters) the String is asked.
 *
 * <p>A window of a reused buffer is valid only while its line is being read: parsed values that are kept are
 * made into Strings ({@link #string}) or numbers.
 */
public final class Text {

  private static final byte NON_ASCII = (byte) 0x80;

  // not final: a reused window (KernelCursor) is moved from line to line
  private byte[] b;
  private int from;
  private int to;
  /** The chars when they are not all ASCII bytes of {@code b}; null for an ASCII window. */
  private final String chars;
  /** Which ASCII bytes occur (bit c of low for c < 64, of high for c >= 64), once asked ({@link #mayContain}). */
  private long low;
  private long high;
  private boolean masked;

  private Text(byte[] b, int from, int to, String chars) {
    this.b = b;
    this.from = from;
    this.to = to;
    this.chars = chars;
  }

  /** A window {@code [from, to)} of bytes that are all ASCII. */
  public static Text ascii(byte[] b, int from, int to) {
    return new Text(b, from, to, null);
  }

  /** An ASCII window to be moved from line to line ({@link #reset}). */
  static Text window() {
    return new Text(new byte[0], 0, 0, null);
  }

  /** Moves this ASCII window to {@code b[from, to)}. */
  Text reset(byte[] b, int from, int to) {
    this.b = b;
    this.from = from;
    this.to = to;
    this.masked = false;
    return this;
  }

  /** The chars of {@code s}. */
  public static Text of(String s) {
    int n = s.length();
    byte[] b = new byte[n];
    boolean ascii = true;
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      if (c < 0x80) {
        b[i] = (byte) c;
      } else {
        b[i] = NON_ASCII;
        ascii = false;
      }
    }
    return new Text(b, 0, n, ascii ? null : s);
  }

  public int length() {
    return to - from;
  }

  public boolean isEmpty() {
    return to == from;
  }

  /** The byte at {@code i} (relative); non-ASCII chars read as {@code 0x80} (negative). */
  public byte at(int i) {
    return b[from + i];
  }

  /** The char at {@code i}. */
  public char charAt(int i) {
    return chars != null ? chars.charAt(i) : (char) b[from + i];
  }

  /** The chars {@code [a, e)} as a String. */
  public String string(int a, int e) {
    if (chars != null) {
      return chars.substring(a, e);
    }
    return new String(b, from + a, e - a, StandardCharsets.ISO_8859_1);
  }

  /** The chars from {@code a} to the end. */
  public String string(int a) {
    return string(a, length());
  }

  @Override
  public String toString() {
    return string(0, length());
  }

  /** The window {@code [a, e)} of this text. */
  public Text sub(int a, int e) {
    if (a == 0 && e == length()) {
      return this;
    }
    return new Text(b, from + a, from + e, chars == null ? null : chars.substring(a, e));
  }

  public Text sub(int a) {
    return sub(a, length());
  }

  // ---- whitespace (as Character.isWhitespace / String.strip) ----------------------------------------------

  /** {@link Character#isWhitespace(char)} of the char at {@code i}. */
  public boolean isWhitespace(int i) {
    byte c = b[from + i];
    if (c >= 0) {
      return c == ' ' || c >= 0x09 && c <= 0x0d || c >= 0x1c && c <= 0x1f;
    }
    return Character.isWhitespace(chars.charAt(i));
  }

  /** As {@link String#strip()}. */
  public Text strip() {
    int a = 0;
    int e = length();
    while (a < e && isWhitespace(a)) {
      a++;
    }
    while (e > a && isWhitespace(e - 1)) {
      e--;
    }
    return sub(a, e);
  }

  /** As {@link String#isBlank()}. */
  public boolean isBlank() {
    for (int i = 0; i < length(); i++) {
      if (!isWhitespace(i)) {
        return false;
      }
    }
    return true;
  }

  // ---- matching ASCII ------------------------------------------------------------------------------------

  /** True when the ASCII literal {@code p} occurs at {@code at}. */
  public boolean startsWith(String p, int at) {
    int n = p.length();
    if (at < 0 || at + n > length()) {
      return false;
    }
    int o = from + at;
    for (int i = 0; i < n; i++) {
      if (b[o + i] != p.charAt(i)) {
        return false;
      }
    }
    return true;
  }

  public boolean startsWith(String p) {
    return startsWith(p, 0);
  }

  public boolean endsWith(String p) {
    return startsWith(p, length() - p.length());
  }

  public boolean contentEquals(String p) {
    return p.length() == length() && startsWith(p, 0);
  }

  private static final java.lang.invoke.VarHandle LONGS =
      java.lang.invoke.MethodHandles.byteArrayViewVarHandle(long[].class, java.nio.ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  /**
   * Index of the first char at or after {@code i} that is one of the four ASCII chars, or -1. Eight bytes at a
   * time: a word with none of them (no zero byte in the word xor each char repeated) is skipped whole.
   */
  public int indexOfAny(char p, char q, char r, char s, int i) {
    long wp = ONES * p;
    long wq = ONES * q;
    long wr = ONES * r;
    long ws = ONES * s;
    int k = from + Math.max(i, 0);
    for (; k + 8 <= to; k += 8) {
      long x = (long) LONGS.get(b, k);
      long a = x ^ wp;
      long c = x ^ wq;
      long d = x ^ wr;
      long e = x ^ ws;
      long zero = ((a - ONES) & ~a) | ((c - ONES) & ~c) | ((d - ONES) & ~d) | ((e - ONES) & ~e);
      if ((zero & HIGHS) != 0) {
        break; // one of them is in this word (the test is exact for a word): found byte by byte from here
      }
    }
    for (; k < to; k++) {
      byte x = b[k];
      if (x == p || x == q || x == r || x == s) {
        return k - from;
      }
    }
    return -1;
  }

  /** Index of byte {@code c} at or after {@code i}, or -1. */
  public int indexOf(char c, int i) {
    byte x = (byte) c;
    for (int k = from + Math.max(i, 0); k < to; k++) {
      if (b[k] == x) {
        return k - from;
      }
    }
    return -1;
  }

  public int indexOf(char c) {
    return indexOf(c, 0);
  }

  /** Index of byte {@code c} in {@code [i, end)}, or -1 (a search bounded to one token). */
  public int indexOf(char c, int i, int end) {
    byte x = (byte) c;
    int e = from + Math.min(end, length());
    for (int k = from + Math.max(i, 0); k < e; k++) {
      if (b[k] == x) {
        return k - from;
      }
    }
    return -1;
  }

  public int lastIndexOf(char c) {
    byte x = (byte) c;
    for (int k = to - 1; k >= from; k--) {
      if (b[k] == x) {
        return k - from;
      }
    }
    return -1;
  }

  /**
   * False when some byte of the ASCII literal {@code p} occurs nowhere in the text (so {@code p} does not
   * either); one pass over the text the first time, then a few bit tests per literal.
   */
  public boolean mayContain(String p) {
    mask();
    for (int i = 0; i < p.length(); i++) {
      char c = p.charAt(i);
      if (c >= 128) {
        return true;
      }
      long bit = 1L << c;
      if (((c >= 64 ? high : low) & bit) == 0) {
        return false;
      }
    }
    return true;
  }

  /** Index of the ASCII literal {@code p} at or after {@code i}, or -1. */
  public int indexOf(String p, int i) {
    int n = p.length();
    if (n == 0) {
      return Math.max(0, Math.min(i, length()));
    }
    if (n > 2 && !mayContain(p)) {
      return -1;
    }
    byte first = (byte) p.charAt(0);
    int last = to - n;
    for (int k = from + Math.max(i, 0); k <= last; k++) {
      if (b[k] != first) {
        continue;
      }
      int j = 1;
      while (j < n && b[k + j] == p.charAt(j)) {
        j++;
      }
      if (j == n) {
        return k - from;
      }
    }
    return -1;
  }

  public int indexOf(String p) {
    return indexOf(p, 0);
  }

  /** Index of the last occurrence of {@code p} starting at or before {@code i}, or -1. */
  public int lastIndexOf(String p, int i) {
    int n = p.length();
    for (int k = Math.min(i, length() - n); k >= 0; k--) {
      if (startsWith(p, k)) {
        return k;
      }
    }
    return -1;
  }

  public int lastIndexOf(String p) {
    return lastIndexOf(p, length());
  }

  public boolean contains(String p) {
    return indexOf(p, 0) >= 0;
  }

  // ---- matching literals (the grammar's hot path) -------------------------------------------------------

  /** True when {@code p} occurs at {@code at}. */
  public boolean startsWith(Lit p, int at) {
    byte[] q = p.bytes;
    int n = q.length;
    if (at < 0 || at + n > to - from) {
      return false;
    }
    int o = from + at;
    for (int i = 0; i < n; i++) {
      if (b[o + i] != q[i]) {
        return false;
      }
    }
    return true;
  }

  public boolean startsWith(Lit p) {
    return startsWith(p, 0);
  }

  public boolean endsWith(Lit p) {
    return startsWith(p, length() - p.length());
  }

  public boolean contentEquals(Lit p) {
    return p.length() == length() && startsWith(p, 0);
  }

  /** False when a byte of {@code p} occurs nowhere in the text (one pass the first time, then two bit tests). */
  public boolean mayContain(Lit p) {
    mask();
    return (p.low & ~low) == 0 && (p.high & ~high) == 0;
  }

  private void mask() {
    if (masked) {
      return;
    }
    long lo0 = 0;
    long lo1 = 0;
    long hi0 = 0;
    long hi1 = 0;
    byte[] a = b;
    int k = from;
    if (chars == null) { // all ASCII: a byte is in the low or the high half, by its bit 6
      for (; k + 1 < to; k += 2) { // two accumulators each, for instruction-level parallelism
        int c0 = a[k];
        int c1 = a[k + 1];
        long up0 = -(c0 >>> 6);
        long up1 = -(c1 >>> 6);
        long bit0 = 1L << c0;
        long bit1 = 1L << c1;
        hi0 |= bit0 & up0;
        lo0 |= bit0 & ~up0;
        hi1 |= bit1 & up1;
        lo1 |= bit1 & ~up1;
      }
    }
    for (; k < to; k++) {
      int c = a[k];
      if (c >= 0) { // a non-ASCII char's stand-in (0x80) is in neither half
        long bit = 1L << c; // the shift uses the low six bits: c - 64 for c >= 64
        if (c >= 64) {
          hi0 |= bit;
        } else {
          lo0 |= bit;
        }
      }
    }
    low = lo0 | lo1;
    high = hi0 | hi1;
    masked = true;
  }

  /** Index of {@code p} at or after {@code i}, or -1. */
  public int indexOf(Lit p, int i) {
    byte[] q = p.bytes;
    int n = q.length;
    if (n > 1 && !mayContain(p)) {
      return -1;
    }
    byte first = q[0];
    int last = to - n;
    for (int k = from + Math.max(i, 0); k <= last; k++) {
      if (b[k] != first) {
        continue;
      }
      int j = 1;
      while (j < n && b[k + j] == q[j]) {
        j++;
      }
      if (j == n) {
        return k - from;
      }
    }
    return -1;
  }

  public int indexOf(Lit p) {
    return indexOf(p, 0);
  }

  public boolean contains(Lit p) {
    return indexOf(p, 0) >= 0;
  }

  public int lastIndexOf(Lit p) {
    for (int k = length() - p.length(); k >= 0; k--) {
      if (startsWith(p, k)) {
        return k;
      }
    }
    return -1;
  }

  // ---- scanning -------------------------------------------------------------------------------------------

  public boolean isDigit(int i) {
    byte c = b[from + i];
    return c >= '0' && c <= '9';
  }

  /** Index of the first non-space/tab at or after {@code i}. */
  public int skipSpaces(int i) {
    while (i < length() && (b[from + i] == ' ' || b[from + i] == '\t')) {
      i++;
    }
    return i;
  }

  /** Index after the run of digits at {@code i}. */
  public int digitsEnd(int i) {
    while (i < length() && isDigit(i)) {
      i++;
    }
    return i;
  }
}
