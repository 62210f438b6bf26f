package dev.oomspec.traces.assemble;

import dev.oomspec.traces.read.Text;

/**
 * The names that recur in every report (memcg stats keys, Mem-Info keys), made into a String once: a small
 * open-addressing table from bytes to String. Bounded; when full, names are made afresh.
 */
final class Names {

  private static final int SIZE = 1024; // a power of two
  private static final int MAX_LENGTH = 64;

  private final String[] table = new String[SIZE];
  private final byte[][] bytes = new byte[SIZE][];
  private int used;

  /** The chars {@code [a, e)} of {@code t} as a String, the same instance each time when they are ASCII. */
  String of(Text t, int a, int e) {
    int n = e - a;
    if (n > MAX_LENGTH) {
      return t.string(a, e);
    }
    int h = 0;
    for (int i = a; i < e; i++) {
      byte c = t.at(i);
      if (c < 0) {
        return t.string(a, e);
      }
      h = 31 * h + c;
    }
    int slot = (h ^ (h >>> 16)) & (SIZE - 1);
    for (int probe = 0; probe < 8; probe++) {
      String s = table[slot];
      if (s == null) {
        String made = t.string(a, e);
        if (used < SIZE / 2) {
          table[slot] = made;
          bytes[slot] = made.getBytes(java.nio.charset.StandardCharsets.ISO_8859_1);
          used++;
        }
        return made;
      }
      if (bytes[slot].length == n && same(bytes[slot], t, a)) {
        return s;
      }
      slot = (slot + 1) & (SIZE - 1);
    }
    return t.string(a, e);
  }

  private static boolean same(byte[] s, Text t, int a) {
    for (int i = 0; i < s.length; i++) {
      if (s[i] != t.at(a + i)) {
        return false;
      }
    }
    return true;
  }
}
