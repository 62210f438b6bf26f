package dev.oomspec.traces.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Reads lines from a {@link Reader} holding at most {@code maxLength} chars of one line. A longer line is
 * consumed to its end without being kept and returned with {@code tooLong = true}. {@code \n} ends a line;
 * a {@code \r} right before it is dropped. A last line without terminator is returned as a line.
 *
 * <p>Read from an {@link InputStream}, the bytes are UTF-8 with malformed input replaced (as an
 * {@link java.io.InputStreamReader} with a replacing decoder would); lines of ASCII bytes only are made into
 * strings without a decoder, and {@link #plain()} tells whether the last line was printable ASCII.
 */
public final class BoundedLineReader {

  /** Default limit: 64 KiB chars. */
  public static final int DEFAULT_MAX_LENGTH = 64 * 1024;

  private final Reader in;
  private final int maxLength;
  private final char[] buf;
  private int pos;
  private int end;
  private long number;
  private boolean eof;

  // ---- bytes (UTF-8) ----
  private final InputStream bytesIn;
  private final byte[] bbuf;
  /** Bytes of a line that spans refills (at most {@link #keepBytes}), or of a long line being counted. */
  private byte[] line = new byte[256];
  private int lineLen;
  private final int keepBytes;
  private CharsetDecoder decoder;
  private CharBuffer chars;
  private boolean plain;

  public BoundedLineReader(Reader in, int maxLength) {
    if (maxLength < 16) {
      throw new IllegalArgumentException("maxLength " + maxLength);
    }
    this.in = in;
    this.maxLength = maxLength;
    this.buf = new char[8192];
    this.bytesIn = null;
    this.bbuf = null;
    this.keepBytes = 0;
  }

  /** Reads UTF-8 bytes; malformed bytes are replaced by U+FFFD, never an exception. */
  public BoundedLineReader(InputStream in, int maxLength) {
    if (maxLength < 16) {
      throw new IllegalArgumentException("maxLength " + maxLength);
    }
    this.in = null;
    this.buf = null;
    this.maxLength = maxLength;
    this.bytesIn = in;
    this.bbuf = new byte[64 * 1024];
    // a UTF-8 char takes at most 3 bytes per char (4 for 2 chars); one more for a CR
    this.keepBytes = (int) Math.min(Integer.MAX_VALUE - 16, 3L * maxLength + 1);
  }

  /**
   * True when the last line returned was read from bytes and all of them were printable ASCII (no control
   * char, tab, DEL or backslash): {@link LineCleaner#clean} has nothing to remove from it but a quote prefix.
   */
  public boolean plain() {
    return plain;
  }

  /** The next line, or null at the end of input. */
  public RawLine next() throws IOException {
    if (bytesIn != null) {
      return nextFromBytes();
    }
    StringBuilder sb = new StringBuilder();
    long length = 0;
    boolean tooLong = false;
    boolean any = false;
    while (true) {
      if (pos == end) {
        if (eof || !fill()) {
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      int start = pos;
      while (pos < end && buf[pos] != '\n') {
        pos++;
      }
      int n = pos - start;
      length += n;
      if (!tooLong) {
        if (sb.length() + n > maxLength) {
          tooLong = true;
          sb.setLength(0);
        } else {
          sb.append(buf, start, n);
        }
      }
      if (pos < end) {
        pos++; // the '\n'
        break;
      }
    }
    number++;
    if (tooLong) {
      return new RawLine(number, "", true, length);
    }
    int len = sb.length();
    if (len > 0 && sb.charAt(len - 1) == '\r') {
      sb.setLength(len - 1);
    }
    return new RawLine(number, sb.toString(), false, length);
  }

  private boolean fill() throws IOException {
    int n = in.read(buf, 0, buf.length);
    if (n <= 0) {
      eof = true;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }

  private RawLine nextFromBytes() throws IOException {
    plain = false;
    lineLen = 0;
    boolean special = false; // a byte other than printable ASCII
    boolean spanned = false;
    boolean counting = false; // the line is longer than keepBytes: chars counted, bytes not kept
    long counted = 0;
    boolean any = false;
    while (true) {
      if (pos == end) {
        if (eof || !fillBytes()) {
          if (!any) {
            return null;
          }
          break;
        }
      }
      any = true;
      byte[] b = bbuf;
      int start = pos;
      int e = end;
      int i = start;
      while (i < e) {
        byte c = b[i];
        if (c == '\n') {
          break;
        }
        if (c < 0x20 || c == 0x7f || c == '\\') {
          special = true; // negative bytes (non-ASCII) too
        }
        i++;
      }
      pos = i;
      boolean ended = i < e;
      if (ended) {
        pos++; // the '\n'
      }
      if (!spanned && ended) {
        // the whole line lies in the buffer
        number++;
        return lineOf(b, start, i - start, special);
      }
      spanned = true;
      int n = i - start;
      if (!counting && (long) lineLen + n > keepBytes) {
        counting = true;
        counted = countChars(line, 0, lineLen, false);
        lineLen = 0;
      }
      if (counting) {
        counted += countChars(b, start, n, false);
      } else {
        append(b, start, n);
      }
      if (ended) {
        break;
      }
    }
    number++;
    if (counting) {
      counted += countChars(new byte[0], 0, 0, true);
      return new RawLine(number, "", true, counted);
    }
    return lineOf(line, 0, lineLen, special);
  }

  private RawLine lineOf(byte[] b, int off, int len, boolean special) {
    String s;
    if (!special) {
      if (len > maxLength) {
        return new RawLine(number, "", true, len);
      }
      plain = true;
      return new RawLine(number, new String(b, off, len, StandardCharsets.ISO_8859_1), false, len);
    }
    boolean ascii = true;
    for (int i = off; i < off + len; i++) {
      if (b[i] < 0) {
        ascii = false;
        break;
      }
    }
    s = ascii ? new String(b, off, len, StandardCharsets.ISO_8859_1) : decode(b, off, len);
    int length = s.length();
    if (length > maxLength) {
      return new RawLine(number, "", true, length);
    }
    if (length > 0 && s.charAt(length - 1) == '\r') {
      s = s.substring(0, length - 1);
    }
    return new RawLine(number, s, false, length);
  }

  private void append(byte[] b, int off, int n) {
    if (lineLen + n > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, lineLen + n));
    }
    System.arraycopy(b, off, line, lineLen, n);
    lineLen += n;
  }

  private CharsetDecoder decoder() {
    if (decoder == null) {
      decoder = StandardCharsets.UTF_8.newDecoder()
          .onMalformedInput(CodingErrorAction.REPLACE)
          .onUnmappableCharacter(CodingErrorAction.REPLACE);
      chars = CharBuffer.allocate(8192);
    }
    return decoder;
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

  /** Chars the bytes decode to, fed in pieces of one line ({@code last}: the line's end). */
  private long countChars(byte[] b, int off, int len, boolean last) {
    CharsetDecoder d = decoder();
    if (!countingStarted) {
      d.reset();
      countingStarted = true;
      pendingLen = 0;
    }
    long n = 0;
    // bytes of an incomplete sequence left over from the previous piece go first
    byte[] joined = new byte[pendingLen + len];
    System.arraycopy(pending, 0, joined, 0, pendingLen);
    System.arraycopy(b, off, joined, pendingLen, len);
    ByteBuffer in = ByteBuffer.wrap(joined);
    while (true) {
      chars.clear();
      CoderResult r = d.decode(in, chars, last);
      n += chars.position();
      if (!r.isOverflow()) {
        break;
      }
    }
    pendingLen = in.remaining();
    in.get(pending, 0, pendingLen);
    if (last) {
      chars.clear();
      d.flush(chars);
      n += chars.position();
      countingStarted = false;
    }
    return n;
  }

  private boolean countingStarted;
  private final byte[] pending = new byte[8];
  private int pendingLen;

  private boolean fillBytes() throws IOException {
    int n = bytesIn.read(bbuf, 0, bbuf.length);
    while (n == 0) {
      n = bytesIn.read(bbuf, 0, bbuf.length);
    }
    if (n < 0) {
      eof = true;
      return false;
    }
    pos = 0;
    end = n;
    return true;
  }
}
