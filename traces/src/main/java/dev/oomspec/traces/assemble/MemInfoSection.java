package dev.oomspec.traces.assemble;

import dev.oomspec.traces.read.Lit;
import dev.oomspec.traces.read.Scan;
import dev.oomspec.traces.read.Text;
import java.util.LinkedHashMap;
import java.util.Map;

/** show_mem(): the {@code Mem-Info:} block's numbers ({@code key:value} in pages, swap totals, page counts). */
final class MemInfoSection {

  // ---- the literals the lines are matched against ----
  private static final Lit L_FREE_SWAP = Lit.of("Free swap");
  private static final Lit L_HUGEPAGES_FREE_EQ = Lit.of("hugepages_free=");
  private static final Lit L_HUGEPAGES_SIZE_EQ = Lit.of("hugepages_size=");
  private static final Lit L_HUGEPAGES_TOTAL_EQ = Lit.of("hugepages_total=");
  private static final Lit L_KB = Lit.of("kB ");
  private static final Lit L_LOWMEM_RESERVE = Lit.of("lowmem_reserve");
  private static final Lit L_NAME = Lit.of("Name ");
  private static final Lit L_NODE = Lit.of("Node ");
  private static final Lit L_STAR_4KB = Lit.of("*4kB");
  private static final Lit L_TOTAL_SWAP = Lit.of("Total swap");
  boolean seen;
  final Map<String, Long> numbers = new LinkedHashMap<>();

  /** Takes a Mem-Info line (keeping its numbers); false when the line is not one. */
  boolean line(Text t, Names names) {
    if (t.isEmpty()) {
      return false;
    }
    boolean accept = t.indexOf(':') > 0 || t.indexOf('=') > 0 || t.isDigit(0)
        || t.startsWith(L_NAME) || t.contains(L_STAR_4KB) || t.contains(L_KB);
    if (!accept) {
      return false;
    }
    int n = t.length();
    if (!t.startsWith(L_NODE) && !t.startsWith(L_LOWMEM_RESERVE)) {
      int i = 0;
      while (i <= n) { // the space-separated tokens
        int sp = t.indexOf(' ', i);
        int e = sp < 0 ? n : sp;
        int c = t.indexOf(':', i, e);
        if (c > i && c < e - 1) {
          Long v = Scan.toLong(t, c + 1, e);
          if (v != null) {
            numbers.putIfAbsent(names.of(t, i, c), v);
          }
        }
        i = e + 1;
      }
    }
    if (t.startsWith(L_FREE_SWAP)) {
      putKb("free_swap_kb", t);
    } else if (t.startsWith(L_TOTAL_SWAP)) {
      putKb("total_swap_kb", t);
    } else if (t.isDigit(0)) {
      int sp = t.indexOf(' ');
      Long v = sp < 0 ? null : Scan.toLong(t, 0, sp);
      if (v != null) {
        String what = t.string(sp + 1).replace(' ', '_').replace('/', '_');
        numbers.putIfAbsent(what, v);
      }
    } else if (t.startsWith(L_NODE) && t.contains(L_HUGEPAGES_TOTAL_EQ)) {
      hugepages(t);
    }
    return true;
  }

  /** {@code Node N hugepages_total=T hugepages_free=F … hugepages_size=SkB}: summed over nodes, per page size. */
  private void hugepages(Text t) {
    Long total = null;
    Long free = null;
    String size = null;
    int n = t.length();
    int i = 0;
    while (i <= n) { // the space-separated tokens
      int sp = t.indexOf(' ', i);
      int e = sp < 0 ? n : sp;
      if (t.startsWith(L_HUGEPAGES_TOTAL_EQ, i)) {
        total = Scan.toLong(t, i + 16, e);
      } else if (t.startsWith(L_HUGEPAGES_FREE_EQ, i)) {
        free = Scan.toLong(t, i + 15, e);
      } else if (t.startsWith(L_HUGEPAGES_SIZE_EQ, i)) {
        size = t.string(i + 15, e);
      }
      i = e + 1;
    }
    if (total != null && size != null) {
      numbers.merge("hugepages_total_" + size, total, Long::sum);
      if (free != null) {
        numbers.merge("hugepages_free_" + size, free, Long::sum);
      }
    }
  }

  private void putKb(String key, Text t) {
    int eq = t.indexOf('=');
    Long v = eq < 0 ? null : Scan.toLongStripUnit(t, eq + 1, t.length());
    if (v != null) {
      numbers.put(key, v);
    }
  }

  void state(Fingerprint s) {
    s.add("memInfo", seen).add("numbers", numbers);
  }
}
