package dev.oomspec.reports;

/**
 * One candidate's {@code oom_badness()} points in their parts, all in pages: resident memory, swap entries and page
 * tables, minus the pre-4.17 root bonus, plus {@code oom_score_adj × (totalpages / 1000)} (integer division first,
 * as the kernel does).
 *
 * @param rssPages       rss (anon + file + shmem)
 * @param swapPages      swap entries
 * @param pgtablesPages  page tables ({@code pgtables_bytes / PAGE_SIZE}; ≤4.14 {@code nr_ptes + nr_pmds})
 * @param rootBonus      subtracted for root tasks before 4.17 (3 %), else 0
 * @param oomScoreAdj    the task's {@code oom_score_adj}
 * @param totalpages     the totalpages the scores were computed with
 * @param adjPoints      {@code oomScoreAdj × (totalpages / 1000)}
 * @param total          the model's points for the task
 * @param pageKb         page size in kB (4 unless the report proves another)
 * @param note           why {@code total} is not the plain sum (clamped to 1 before 5.9), or null
 */
public record PointsBreakdown(
    long rssPages,
    long swapPages,
    long pgtablesPages,
    long rootBonus,
    int oomScoreAdj,
    long totalpages,
    long adjPoints,
    long total,
    int pageKb,
    String note) {

  /** rss + swap + page tables − root bonus + adj points. */
  public long sum() {
    return rssPages + swapPages + pgtablesPages - rootBonus + adjPoints;
  }
}
