package dev.oomspec.traces.read;

import java.lang.invoke.MethodHandles;
import java.lang.invoke.VarHandle;
import java.nio.ByteOrder;

/**
 * Finds line ends eight bytes at a time: a byte that is a newline, a control char, DEL, a backslash, a
 * {@code '['} or not ASCII is looked for in a 64-bit word with the usual bit tricks; bytes between such bytes
 * are skipped whole.
 */
public final class LineScan {

  private static final VarHandle LONGS = MethodHandles.byteArrayViewVarHandle(long[].class, ByteOrder.LITTLE_ENDIAN);
  private static final long ONES = 0x0101010101010101L;
  private static final long HIGHS = 0x8080808080808080L;

  private LineScan() {}

  /**
   * The index of the first {@code '\n'} in {@code b[i, end)}, or {@code end}; marks {@code line.odd} and
   * {@code line.tab} and counts {@code line.brackets} for the bytes before it.
   */
  public static int lineEnd(byte[] b, int i, int end, ByteLine line) {
    while (i < end) {
      if (i + 8 <= end) {
        long x = (long) LONGS.get(b, i);
        long below20 = (x - 0x2020202020202020L) & ~x & HIGHS;
        long del = x ^ 0x7f7f7f7f7f7f7f7fL;
        long bs = x ^ 0x5c5c5c5c5c5c5c5cL;
        long br = x ^ 0x5b5b5b5b5b5b5b5bL;
        long attention = below20 | (x & HIGHS) | ((del - ONES) & ~del & HIGHS) | ((bs - ONES) & ~bs & HIGHS)
            | ((br - ONES) & ~br & HIGHS);
        if (attention == 0) {
          i += 8;
          continue;
        }
        i += firstFlagged(attention); // the first flagged byte is exact
      }
      byte c = b[i];
      if (c == '\n') {
        return i;
      }
      if (c == '[') {
        line.brackets++;
      } else if (c < 0x20 || c == 0x7f || c == '\\') { // negative bytes (non-ASCII) too
        if (c == '\t') {
          line.tab = true;
        } else {
          line.odd = true;
        }
      }
      i++;
    }
    return end;
  }

  /**
   * The index (0..7) of the lowest byte of {@code flags} whose high bit is set (flags has no other bits): the
   * lowest flag moved to bit 0 of its byte, times a constant whose bytes are 7..0, leaves the index in the top
   * byte. As {@code Long.numberOfTrailingZeros(flags) >>> 3}, without a call under C1 (which has no intrinsic
   * for it).
   */
  static int firstFlagged(long flags) {
    return (int) ((((flags & -flags) >>> 7) * 0x0001020304050607L) >>> 56);
  }

  /** The number of {@code '\n'} bytes in {@code b[i, end)}. */
  public static long countLines(byte[] b, int i, int end) {
    long n = 0;
    while (i + 8 <= end) {
      long x = (long) LONGS.get(b, i) ^ 0x0a0a0a0a0a0a0a0aL;
      // a zero byte per newline: (((x & 0x7f..) + 0x7f..) | x) has the high bit clear only for zero bytes
      long t = ((x & 0x7f7f7f7f7f7f7f7fL) + 0x7f7f7f7f7f7f7f7fL) | x;
      n += Long.bitCount(~t & HIGHS);
      i += 8;
    }
    while (i < end) {
      if (b[i++] == '\n') {
        n++;
      }
    }
    return n;
  }
}
