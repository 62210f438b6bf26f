package dev.oomspec.traces.read;

import java.nio.charset.StandardCharsets;

/**
 * An ASCII literal the report grammar looks for in a {@link Text}: its bytes, and which bytes it has, so that a
 * text lacking one of them rules it out at once ({@link Text#mayContain(Lit)}).
 */
public final class Lit {
  final byte[] bytes;
  final long low;
  final long high;
  private final String text;

  private Lit(String text) {
    this.text = text;
    this.bytes = text.getBytes(StandardCharsets.US_ASCII);
    long lo = 0;
    long hi = 0;
    for (byte c : bytes) {
      if (c >= 64) {
        hi |= 1L << c;
      } else {
        lo |= 1L << c;
      }
    }
    this.low = lo;
    this.high = hi;
  }

  public static Lit of(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) >= 128) {
        throw new IllegalArgumentException("not ASCII: " + text);
      }
    }
    return new Lit(text);
  }

  public int length() {
    return bytes.length;
  }

  @Override
  public String toString() {
    return text;
  }
}
