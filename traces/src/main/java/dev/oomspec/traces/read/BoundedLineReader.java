package dev.oomspec.traces.read;

import java.io.IOException;
import java.io.Reader;

/**
 * Reads lines from a {@link Reader} holding at most {@code maxLength} chars of one line. A longer line is
 * consumed to its end without being kept and returned with {@code tooLong = true}. {@code \n} ends a line;
 * a {@code \r} right before it is dropped. A last line without terminator is returned as a line.
 */
public final class BoundedLineReader {

  /** Default limit: 64 KiB chars. */
  public static final int DEFAULT_MAX_LENGTH = 64 * 1024;

  private final Reader in;
  private final int maxLength;
  private final char[] buf = new char[8192];
  private int pos;
  private int end;
  private long number;
  private boolean eof;

  public BoundedLineReader(Reader in, int maxLength) {
    if (maxLength < 16) {
      throw new IllegalArgumentException("maxLength " + maxLength);
    }
    this.in = in;
    this.maxLength = maxLength;
  }

  /** The next line, or null at the end of input. */
  public RawLine next() throws IOException {
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
}
