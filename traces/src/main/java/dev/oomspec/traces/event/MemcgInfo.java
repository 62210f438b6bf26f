package dev.oomspec.traces.event;

import java.util.List;
import java.util.Map;

/**
 * The memcg block of a memcg OOM report. Each counter is null when its line was not printed.
 *
 * @param memory      {@code memory:} line
 * @param memoryAndSwap {@code memory+swap:} line (cgroup v1; always on ≤5.2)
 * @param swap        {@code swap:} line (cgroup v2, 5.3+)
 * @param kmem        {@code kmem:} line (cgroup v1; always on ≤5.2)
 * @param statsFor    the path after {@code Memory cgroup stats for} (the first one when several are printed)
 * @param stats       the stats of {@code statsFor} as printed (bytes for 5.3+ multi-line stats, kB for the
 *                    ≤5.2 one-line {@code key:NKB} form — the unit is in {@code statsUnit})
 * @param statsUnit   {@code "bytes"}, {@code "kB"} or null when no stats were printed
 * @param subtree     the further {@code Memory cgroup stats for} lines of a cgroup v1 report (one per cgroup
 *                    below {@code statsFor}, e.g. each container of a pod), in printed order, kB
 */
public record MemcgInfo(
    UsageLine memory,
    UsageLine memoryAndSwap,
    UsageLine swap,
    UsageLine kmem,
    String statsFor,
    Map<String, Long> stats,
    String statsUnit,
    List<PathStats> subtree) {

  /** One {@code Memory cgroup stats for PATH: key:NKB …} line. */
  public record PathStats(String path, Map<String, Long> stats) {
    public PathStats {
      stats = HandedOver.keep(stats);
    }
  }

  public MemcgInfo {
    stats = HandedOver.keep(stats);
    subtree = subtree == null ? List.of() : List.copyOf(subtree);
  }

  /** A memcg block without further stats lines. */
  public MemcgInfo(UsageLine memory, UsageLine memoryAndSwap, UsageLine swap, UsageLine kmem, String statsFor,
      Map<String, Long> stats, String statsUnit) {
    this(memory, memoryAndSwap, swap, kmem, statsFor, stats, statsUnit, List.of());
  }

  /** {@code memory:} usage in kB, or null. */
  public Long usageKb() {
    return memory == null ? null : memory.usageKb();
  }

  /** {@code memory:} limit in kB, or null. */
  public Long limitKb() {
    return memory == null ? null : memory.limitKb();
  }
}
