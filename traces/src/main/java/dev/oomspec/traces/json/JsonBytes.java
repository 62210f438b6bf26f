package dev.oomspec.traces.json;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Arrays;

/**
 * JSON written straight to UTF-8 bytes, as Jackson's generator writes it with its defaults: fields in the order
 * written, no spaces; in strings {@code "} and {@code \} escaped, {@code \b \t \n \f \r} as such and the other
 * control chars as backslash-u and four upper-case hex digits; everything else as UTF-8 (an unpaired surrogate as {@code ?}, as the
 * encoder of a Writer does); doubles as {@link Double#toString(double)}. Reused from line to line
 * ({@link #reset}); no object per value.
 */
public final class JsonBytes {
  private static final byte[] HEX = "0123456789ABCDEF".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
  private static final byte[] NULL = {'n', 'u', 'l', 'l'};
  private static final byte[] TRUE = {'t', 'r', 'u', 'e'};
  private static final byte[] FALSE = {'f', 'a', 'l', 's', 'e'};

  private byte[] b = new byte[8192];
  private int n;
  /** Whether the container being written needs a comma before its next member. */
  private boolean comma;

  public JsonBytes reset() {
    n = 0;
    comma = false;
    return this;
  }

  public int size() {
    return n;
  }

  public byte[] toByteArray() {
    return Arrays.copyOf(b, n);
  }

  public void writeTo(OutputStream out) throws IOException {
    out.write(b, 0, n);
  }

  @Override
  public String toString() {
    return new String(b, 0, n, java.nio.charset.StandardCharsets.UTF_8);
  }

  private void room(int k) {
    if (n + k > b.length) {
      b = Arrays.copyOf(b, Math.max(b.length * 2, n + k));
    }
  }

  private void put(byte c) {
    room(1);
    b[n++] = c;
  }

  private void separate() {
    if (comma) {
      put((byte) ',');
    }
    comma = true;
  }

  // ---- structure -----------------------------------------------------------------------------------------

  public JsonBytes startObject() {
    separate();
    put((byte) '{');
    comma = false;
    return this;
  }

  public JsonBytes endObject() {
    put((byte) '}');
    comma = true;
    return this;
  }

  public JsonBytes startArray() {
    separate();
    put((byte) '[');
    comma = false;
    return this;
  }

  public JsonBytes endArray() {
    put((byte) ']');
    comma = true;
    return this;
  }

  /** The bytes of field names ({@code "name":}), made once per name. */
  private static final java.util.concurrent.ConcurrentHashMap<String, byte[]> NAMES =
      new java.util.concurrent.ConcurrentHashMap<>();

  /** A field name (an ASCII name that needs no escaping); its value follows. */
  public JsonBytes name(String name) {
    separate();
    byte[] q = NAMES.get(name);
    if (q == null) {
      q = ("\"" + name + "\":").getBytes(java.nio.charset.StandardCharsets.US_ASCII);
      if (NAMES.size() < 4096) {
        NAMES.put(name, q);
      }
    }
    raw(q);
    comma = false;
    return this;
  }

  /** Map keys seen (the same String instances recur: task columns, stats and Mem-Info names) and their bytes. */
  private final java.util.IdentityHashMap<String, byte[]> keys = new java.util.IdentityHashMap<>();

  /** A field name that may need escaping (a map key). */
  public JsonBytes key(String key) {
    separate();
    byte[] q = keys.get(key);
    if (q == null) {
      int at = n;
      string(key);
      put((byte) ':');
      if (keys.size() >= 4096) {
        keys.clear();
      }
      keys.put(key, java.util.Arrays.copyOfRange(b, at, n));
    } else {
      raw(q);
    }
    comma = false;
    return this;
  }

  /** The end of one JSON line. */
  public JsonBytes newline() {
    put((byte) '\n');
    comma = false;
    return this;
  }

  // ---- values --------------------------------------------------------------------------------------------

  public JsonBytes nullValue() {
    separate();
    raw(NULL);
    return this;
  }

  public JsonBytes value(boolean v) {
    separate();
    raw(v ? TRUE : FALSE);
    return this;
  }

  public JsonBytes value(Boolean v) {
    return v == null ? nullValue() : value(v.booleanValue());
  }

  private static final byte[] TWO_DIGITS = new byte[200];

  static {
    for (int i = 0; i < 100; i++) {
      TWO_DIGITS[2 * i] = (byte) ('0' + i / 10);
      TWO_DIGITS[2 * i + 1] = (byte) ('0' + i % 10);
    }
  }

  public JsonBytes value(long v) {
    separate();
    room(20);
    if (v >= 0 && v < 10) {
      b[n++] = (byte) ('0' + v);
      return this;
    }
    if (v == Long.MIN_VALUE) {
      raw("-9223372036854775808".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
      return this;
    }
    if (v < 0) {
      b[n++] = '-';
      v = -v;
    }
    int digits = 1;
    for (long x = v; x >= 10; x /= 10) {
      digits++;
    }
    int i = n + digits;
    n = i;
    while (v >= 100) { // two digits at a time, from the end
      int r = (int) (v % 100);
      v /= 100;
      b[--i] = TWO_DIGITS[2 * r + 1];
      b[--i] = TWO_DIGITS[2 * r];
    }
    if (v >= 10) {
      b[--i] = TWO_DIGITS[2 * (int) v + 1];
      b[--i] = TWO_DIGITS[2 * (int) v];
    } else {
      b[--i] = (byte) ('0' + v);
    }
    return this;
  }

  public JsonBytes value(Long v) {
    return v == null ? nullValue() : value(v.longValue());
  }

  public JsonBytes value(Integer v) {
    return v == null ? nullValue() : value(v.longValue());
  }

  public JsonBytes value(Double v) {
    if (v == null) {
      return nullValue();
    }
    separate();
    String s = Double.toString(v);
    if (Double.isNaN(v) || Double.isInfinite(v)) {
      string(s); // Jackson quotes non-numeric numbers by default
    } else {
      ascii(s);
    }
    return this;
  }

  public JsonBytes value(String s) {
    if (s == null) {
      return nullValue();
    }
    separate();
    string(s);
    return this;
  }

  private void raw(byte[] r) {
    room(r.length);
    System.arraycopy(r, 0, b, n, r.length);
    n += r.length;
  }

  private void ascii(String s) {
    int k = s.length();
    room(k);
    for (int i = 0; i < k; i++) {
      b[n++] = (byte) s.charAt(i);
    }
  }

  private void string(String s) {
    // UTF-8 (an unpaired surrogate becomes '?', as a Writer's encoder makes it); for ASCII a copy of the String's
    // bytes. Then only quotes, backslashes and control chars need escaping.
    byte[] u = s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    room(u.length + 2);
    b[n++] = '"';
    int k = u.length;
    int i = 0;
    while (i < k) {
      int j = i;
      while (j < k && (u[j] >= 0x20 || u[j] < 0) && u[j] != '"' && u[j] != '\\') {
        j++;
      }
      System.arraycopy(u, i, b, n, j - i);
      n += j - i;
      if (j < k) {
        escape((char) u[j]);
        j++;
      }
      i = j;
    }
    put((byte) '"');
  }

  private void escape(char c) {
    room(6);
    b[n++] = '\\';
    switch (c) {
      case '"' -> b[n++] = '"';
      case '\\' -> b[n++] = '\\';
      case '\b' -> b[n++] = 'b';
      case '\t' -> b[n++] = 't';
      case '\n' -> b[n++] = 'n';
      case '\f' -> b[n++] = 'f';
      case '\r' -> b[n++] = 'r';
      default -> {
        b[n++] = 'u';
        b[n++] = '0';
        b[n++] = '0';
        b[n++] = HEX[c >> 4];
        b[n++] = HEX[c & 0xf];
      }
    }
  }
}
