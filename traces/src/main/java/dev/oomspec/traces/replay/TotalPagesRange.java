package dev.oomspec.traces.replay;

/**
 * The totalpages an OOM event was decided with, as far as the report pins it down (mm/oom_kill.c
 * constrained_alloc() sets it: RAM + swap, the memcg's max, or the cpuset/mempolicy nodes).
 * oom_badness() adds {@code adj * (totalpages / 1000)}; with equal adj everywhere the value cannot change
 * the outcome, otherwise a range is decided only if both ends give the same victim (each candidate's
 * points are linear in totalpages/1000, so a task that wins at both ends wins everywhere in between).
 *
 * @param lo    smallest possible value (pages)
 * @param hi    largest possible value (pages)
 * @param note  how it was obtained
 */
public record TotalPagesRange(long lo, long hi, String note) {
  /** An upper bound for "unlimited": 2^45 pages (128 PiB of 4 KiB pages). */
  public static final long HUGE = 1L << 45;

  public TotalPagesRange {
    if (lo < 1) lo = 1;
    if (hi < lo) hi = lo;
  }

  public boolean exact() {
    return lo == hi;
  }

  /** mem_cgroup_get_max() / constrained_alloc() from the printed memcg or Mem-Info lines. */
  public static TotalPagesRange estimate(ReplayInput in) {
    long pageKb = in.pageSizeKb() == null ? 4 : in.pageSizeKb();
    ReplayInput.MemcgLimits m = in.memcg();
    if (m != null) {
      long limit = pages(m.limitKb(), pageKb);
      if (limit == 0) return new TotalPagesRange(1, 1, "memcg limit 0: totalpages 1 (constrained_alloc)");
      if (m.swapLimitKb() != null) { // cgroup v2: max + min(swap.max, total_swap) when swappiness != 0
        if (m.swapLimitKb() == 0) {
          return new TotalPagesRange(limit, limit, "memcg v2 limit " + m.limitKb() + "kB, swap.max 0");
        }
        long hi = satAdd(limit, pages(m.swapLimitKb(), pageKb));
        return new TotalPagesRange(limit, hi, "memcg v2 limit " + m.limitKb() + "kB plus up to swap.max "
            + m.swapLimitKb() + "kB (total swap and vm.swappiness are not printed)");
      }
      if (m.memswLimitKb() != null) { // v1 (and every hierarchy before 5.3): min(max + swap, memsw.max)
        long memsw = pages(m.memswLimitKb(), pageKb);
        if (memsw <= limit) {
          return new TotalPagesRange(limit, limit,
              "memcg limit " + m.limitKb() + "kB, memory+swap limit " + m.memswLimitKb() + "kB: no swap room");
        }
        return new TotalPagesRange(limit, memsw, "memcg limit " + m.limitKb() + "kB plus up to "
            + (m.memswLimitKb() - m.limitKb()) + "kB of swap (total swap and swappiness are not printed)");
      }
      return new TotalPagesRange(limit, HUGE, "memcg limit " + m.limitKb() + "kB; swap limits not printed");
    }
    ReplayInput.GlobalTotals g = in.global();
    boolean plainGlobal = in.constraint() == null || "CONSTRAINT_NONE".equals(in.constraint());
    if (g != null && g.pagesRam() != null && g.pagesReserved() != null && g.totalSwapKb() != null && plainGlobal) {
      // __show_mem(): reserved = present - managed (older kernels with CMA printed reserved - cma)
      long swap = pages(g.totalSwapKb(), pageKb);
      long managedHi = g.pagesRam() - g.pagesReserved();
      long cma = g.pagesCmaReserved() == null ? 0 : g.pagesCmaReserved();
      long managedLo = managedHi - cma;
      String how = "totalram " + (cma == 0 ? managedHi : managedLo + ".." + managedHi)
          + " pages (pages RAM - reserved" + (cma == 0 ? "" : " [- cma]") + ") + swap " + swap + " pages";
      return new TotalPagesRange(managedLo + swap, managedHi + swap, how);
    }
    long floor = 0;
    for (ReplayInput.TaskRow r : in.tasks()) floor = satAdd(floor, r.rss() + r.swapents());
    String why = !plainGlobal
        ? in.constraint() + ": totalpages is swap plus the allowed nodes' present pages, not printed"
        : "Mem-Info totals not printed";
    return new TotalPagesRange(floor, HUGE, why + "; bounded below by the table's rss+swap (" + floor + " pages)");
  }

  private static long pages(long kb, long pageKb) {
    return kb / pageKb;
  }

  private static long satAdd(long a, long b) {
    long s = a + b;
    return (s < 0 || s > HUGE) ? HUGE : s;
  }
}
