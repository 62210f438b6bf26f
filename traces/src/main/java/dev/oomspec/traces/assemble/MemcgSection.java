package dev.oomspec.traces.assemble;

import dev.oomspec.traces.read.LineFacts;
import dev.oomspec.traces.event.MemcgInfo;
import dev.oomspec.traces.event.UsageLine;
import dev.oomspec.traces.read.Scan;
import dev.oomspec.traces.read.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * mem_cgroup_print_oom_meminfo(): the page-counter lines ({@code memory:}, {@code memory+swap:}, {@code swap:},
 * {@code kmem:}) and the {@code Memory cgroup stats for PATH} block — one line of {@code key:NKB} (≤5.2) or
 * {@code key value} lines (5.3+).
 */
final class MemcgSection {
  UsageLine memory;
  UsageLine memsw;
  UsageLine swap;
  UsageLine kmem;
  String statsFor;
  /** Sized for a cgroup v1 block (about 50 keys) so that it is not rehashed three times per report. */
  final Map<String, Long> stats = new LinkedHashMap<>(128);
  String statsUnit;
  /** The further one-line stats titles of a cgroup v1 report (a cgroup below {@link #statsFor} each). */
  final List<MemcgInfo.PathStats> subtree = new ArrayList<>();
  /** At most this many further stats lines are kept per report. */
  static final int MAX_SUBTREE = 256;
  /** A second stats title was seen: later stat lines belong to another memcg. */
  boolean statsClosed;
  /** The last inline stats token when it was cut (no unit): a hard-wrapped line may continue it. */
  String wrappedToken;

  /** A page-counter line; false when it could not be read. */
  boolean usage(ReportLine.Usage u) {
    if (u.usage() == null) {
      return false;
    }
    switch (u.counter()) {
      case "memory" -> memory = u.usage();
      case "memory+swap" -> memsw = u.usage();
      case "swap" -> swap = u.usage();
      default -> kmem = u.usage();
    }
    return true;
  }

  /** The stats title: the first one's path and inline values are kept, a later one ends the block. */
  void title(ReportLine.StatsTitle st, boolean timestamped) {
    if (statsFor == null) {
      statsFor = st.path();
      stats.putAll(st.inline());
      statsUnit = st.inline().isEmpty() ? null : "kB";
      if (st.cutToken() != null && timestamped) {
        wrappedToken = st.cutToken();
      }
    } else {
      statsClosed = true;
      if (!st.inline().isEmpty() && subtree.size() < MAX_SUBTREE) {
        subtree.add(new MemcgInfo.PathStats(st.path(), st.inline())); // v1: a cgroup below statsFor
      }
    }
  }

  /** A 5.3+ {@code key value} line. */
  void stat(String key, long value) {
    if (!statsClosed) {
      stats.putIfAbsent(key, value);
      statsUnit = "bytes";
    }
  }

  /**
   * The one-line (≤5.2) stats ended in a value without its unit ({@code rss:44}) and this line has no
   * timestamp of its own: the line was hard-wrapped by whoever published it. The cut token is joined with
   * this line's first token ({@code 8KB} → {@code rss:448KB}) and the rest is read as more stats. False when
   * the line does not continue it.
   */
  boolean joinWrapped(String cut, Text t, LineFacts m) {
    if (m.hasTimestamp() || m.wallClock() || m.continuation() || t.isEmpty()) {
      return false;
    }
    String[] toks = t.toString().split(" ");
    String joined = cut + toks[0];
    int c = joined.indexOf(':');
    Long v = c > 0 ? Scan.toLongStripUnit(joined.substring(c + 1)) : null;
    if (v == null) {
      return false;
    }
    stats.put(joined.substring(0, c), v);
    for (int i = 1; i < toks.length; i++) {
      int k = toks[i].indexOf(':');
      Long x = k > 0 ? Scan.toLongStripUnit(toks[i].substring(k + 1)) : null;
      if (x != null) {
        stats.putIfAbsent(toks[i].substring(0, k), x);
      }
    }
    return true;
  }

  boolean any() {
    return memory != null || memsw != null || swap != null || kmem != null || statsFor != null;
  }

  void state(Fingerprint s) {
    s.add("memory", memory).add("memsw", memsw).add("swap", swap).add("kmem", kmem).add("statsFor", statsFor)
        .add("stats", stats).add("subtree", subtree).add("unit", statsUnit).add("statsClosed", statsClosed).add("wrapped", wrappedToken);
  }
}
