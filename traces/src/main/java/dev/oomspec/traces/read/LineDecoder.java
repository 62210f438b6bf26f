package dev.oomspec.traces.read;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Makes one line's bytes into its {@link RawLine} as {@link java.io.InputStreamReader} with a replacing UTF-8
 * decoder would (ASCII without a decoder), with the length limit applied: a line of more than
 * {@code maxLength} chars is too long and has no text. One instance per thread.
 */
public final class LineDecoder {
  private final int maxLength;
  private CharsetDecoder decoder;

  public LineDecoder(int maxLength) {
    this.maxLength = maxLength;
  }

  CharsetDecoder decoder() {
    if (decoder == null) {
      decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
    }
    return decoder;
  }

  /** The line of {@code v} (not too long) as text. */
  public RawLine raw(ByteLine v) {
    if (v.tooLong) {
      return new RawLine(v.number, "", true, v.length);
    }
    return raw(v.bytes, v.from, v.to - v.from, !v.odd && !v.tab, v.number);
  }

  /** {@code special}: some byte is not printable ASCII (or is a backslash). */
  RawLine raw(byte[] b, int off, int len, boolean plain, long number) {
    if (plain) {
      if (len > maxLength) {
        return new RawLine(number, "", true, len);
      }
      return new RawLine(number, new String(b, off, len, StandardCharsets.ISO_8859_1), false, len);
    }
    boolean ascii = true;
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    String s = ascii ? new String(b, off, len, StandardCharsets.ISO_8859_1) : decode(b, off, len);
    int length = s.length();
    if (length > maxLength) {
      return new RawLine(number, "", true, length);
    }
    if (length > 0 && s.charAt(length - 1) == '\r') {
      s = s.substring(0, length - 1);
    }
    return new RawLine(number, s, false, length);
  }

  /** The chars a line's bytes decode to (for the length limit), without keeping them. */
  public long chars(byte[] b, int off, int len) {
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        return decode(b, off, len).length();
      }
    }
    return len;
  }

  /** One line's bytes (no '\n': always a char boundary for UTF-8) as the streaming decoder would give them. */
  private String decode(byte[] b, int off, int len) {
    CharsetDecoder d = decoder();
    d.reset();
    ByteBuffer in = ByteBuffer.wrap(b, off, len);
    CharBuffer out = CharBuffer.allocate((int) Math.min(Integer.MAX_VALUE - 16, (long) len + 16));
    d.decode(in, out, true);
    d.flush(out);
    out.flip();
    return out.toString();
  }
}
