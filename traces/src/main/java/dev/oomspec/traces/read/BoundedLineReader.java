package dev.oomspec.traces.read;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;

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
  private final LineDecoder lines;
  private final ByteLine view = new ByteLine();
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
    this.lines = null;
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
    this.bbuf = new byte[256 * 1024];
    this.lines = new LineDecoder(maxLength);
    // a UTF-8 char takes at most 3 bytes per char (4 for 2 chars); one more for a CR
    this.keepBytes = (int) Math.min(Integer.MAX_VALUE - 16, 3L * maxLength + 1);
  }

  /** The next line read is numbered {@code n} (a reader that starts mid-input). */
  public BoundedLineReader numberFrom(long n) {
    number = n - 1;
    return this;
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
    if (!next(view)) {
      return null;
    }
    plain = !view.tooLong && view.plain();
    return lines.raw(view);
  }

  /**
   * The next line's bytes, without making a String: false at the end of input. The view is valid until the
   * next call. A line longer than the limit is {@link ByteLine#tooLong()} (its chars counted, its bytes not
   * kept). Only for a reader of bytes.
   */
  public boolean next(ByteLine out) throws IOException {
    out.odd = false;
    out.tab = false;
    out.tooLong = false;
    out.brackets = 0;
    lineLen = 0;
    boolean spanned = false;
    boolean counting = false; // the line is longer than keepBytes: chars counted, bytes not kept
    long counted = 0;
    boolean any = false;
    while (true) {
      if (pos == end) {
        if (eof || !fillBytes()) {
          if (!any) {
            return false;
          }
          break;
        }
      }
      any = true;
      byte[] b = bbuf;
      int start = pos;
      int i = LineScan.lineEnd(b, start, end, out);
      pos = i;
      boolean ended = i < end;
      if (ended) {
        pos++; // the '\n'
      }
      if (!spanned && ended) {
        // the whole line lies in the buffer
        number++;
        return view(out, b, start, i - start);
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
      return tooLong(out, counted);
    }
    return view(out, line, 0, lineLen);
  }

  private boolean view(ByteLine out, byte[] b, int off, int len) {
    out.number = number;
    if (len > maxLength) { // a char is at least one byte: only then can the line be too long
      long chars = out.odd ? lines.chars(b, off, len) : len;
      if (chars > maxLength) {
        return tooLong(out, chars);
      }
    }
    out.bytes = b;
    out.from = off;
    out.to = off + len;
    return true;
  }

  private boolean tooLong(ByteLine out, long chars) {
    out.number = number;
    out.tooLong = true;
    out.length = chars;
    out.bytes = null;
    out.from = 0;
    out.to = 0;
    return true;
  }

  private void append(byte[] b, int off, int n) {
    if (lineLen + n > line.length) {
      line = java.util.Arrays.copyOf(line, Math.max(line.length * 2, lineLen + n));
    }
    System.arraycopy(b, off, line, lineLen, n);
    lineLen += n;
  }

  /** Chars the bytes decode to, fed in pieces of one line ({@code last}: the line's end). */
  private long countChars(byte[] b, int off, int len, boolean last) {
    CharsetDecoder d = lines.decoder();
    if (chars == null) {
      chars = CharBuffer.allocate(8192);
    }
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
