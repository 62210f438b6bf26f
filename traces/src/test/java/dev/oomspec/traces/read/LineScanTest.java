package dev.oomspec.traces.read;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** The eight-bytes-at-a-time scans find what a byte-by-byte loop finds, wherever the bytes are. */
class LineScanTest {

  @Test
  void findsLineEndsAndOddBytesAsAByteLoop() {
    SplittableRandom r = new SplittableRandom(Long.getLong("oomspec.seed", 3));
    byte[] pool = {'a', ' ', '\n', '\t', '[', '\\', 0x7f, 0x1b, 0, (byte) 0xc3, (byte) 0x80, (byte) 0xff, '~', '0'};
    for (int i = 0; i < 5000; i++) {
      byte[] b = new byte[r.nextInt(40)];
      for (int k = 0; k < b.length; k++) {
        b[k] = r.nextInt(3) == 0 ? pool[r.nextInt(pool.length)] : (byte) ('a' + r.nextInt(26));
      }
      int from = b.length == 0 ? 0 : r.nextInt(b.length);
      ByteLine v = new ByteLine();
      int end = LineScan.lineEnd(b, from, b.length, v);
      int want = from;
      boolean odd = false;
      boolean tab = false;
      int brackets = 0;
      while (want < b.length && b[want] != '\n') {
        byte c = b[want];
        odd |= c < 0x20 && c != '\t' || c == 0x7f || c == '\\';
        tab |= c == '\t';
        brackets += c == '[' ? 1 : 0;
        want++;
      }
      assertEquals(want, end, "try " + i);
      assertEquals(odd, v.odd, "odd, try " + i);
      assertEquals(tab, v.tab, "tab, try " + i);
      assertEquals(brackets, v.brackets, "brackets, try " + i);
      long lines = 0;
      for (int k = from; k < b.length; k++) {
        lines += b[k] == '\n' ? 1 : 0;
      }
      assertEquals(lines, LineScan.countLines(b, from, b.length), "lines, try " + i);
    }
  }

  @Test
  void firstFlaggedIsTheLowestFlaggedByteForEveryPattern() {
    for (int m = 1; m < 256; m++) { // every set of flagged bytes: bit k of m = the high bit of byte k
      long flags = 0;
      for (int k = 0; k < 8; k++) {
        if ((m & (1 << k)) != 0) {
          flags |= 0x80L << (8 * k);
        }
      }
      assertEquals(Integer.numberOfTrailingZeros(m), LineScan.firstFlagged(flags), "pattern " + m);
    }
  }

  @Test
  void indexOfAnyFindsWhatAByteLoopFinds() {
    SplittableRandom r = new SplittableRandom(Long.getLong("oomspec.seed", 5));
    byte[] pool = {'=', 'K', 'O', 'i', 'a', ' ', 'k', 'o', '<', '>', '}', 0x7f, 0};
    for (int n = 0; n < 20000; n++) {
      byte[] b = new byte[r.nextInt(60)];
      for (int k = 0; k < b.length; k++) {
        b[k] = r.nextInt(4) == 0 ? pool[r.nextInt(pool.length)] : (byte) ('a' + r.nextInt(26));
      }
      int from = b.length == 0 ? 0 : r.nextInt(b.length + 1);
      int to = from + r.nextInt(b.length - from + 1);
      int start = r.nextInt(to - from + 2);
      Text t = Text.ascii(b, from, to);
      int want = -1;
      for (int k = from + start; k < to; k++) {
        if (b[k] == '=' || b[k] == 'K' || b[k] == 'O' || b[k] == 'i') {
          want = k - from;
          break;
        }
      }
      assertEquals(want, t.indexOfAny('=', 'K', 'O', 'i', start), "try " + n);
    }
  }
}
