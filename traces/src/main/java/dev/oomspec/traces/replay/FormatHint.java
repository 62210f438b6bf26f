package dev.oomspec.traces.replay;

/**
 * A printed format that only some kernel versions produce (the printk formats of mm/oom_kill.c dump_header(),
 * dump_task() and __oom_kill_process() changed between releases; each constant names the change). When a report does not name
 * its release, the intersection of its hints' ranges bounds the version. Bounds are inclusive; null = open.
 */
public enum FormatHint {
  /** {@code Tasks state} table with rss_anon/rss_file/rss_shmem (6.8+). */
  TABLE_RSS_SPLIT("6.8", null),
  /** pgtables_bytes column without the rss split (4.15–6.7: {@code [ pid ]} 4.15–4.18, {@code Tasks state} 4.19+). */
  TABLE_PGTABLES_BYTES("4.15", "6.7"),
  /** {@code nr_ptes nr_pmds} columns (4.0–4.14). */
  TABLE_NR_PTES_PMDS("4.0", "4.14"),
  /** {@code nr_ptes} without nr_pmds (3.x, seen in real logs). */
  TABLE_NR_PTES("3.0", "3.19"),
  /** {@code cpu oom_adj} columns (2.6.32, RHEL6). */
  TABLE_CPU_OOM_ADJ("2.6.32", "2.6.39"),
  /** {@code oom-kill:constraint=} summary line (5.0+). */
  SUMMARY_LINE("5.0", null),
  /** {@code Kill process … score N or sacrifice child} (≤5.0). */
  KILL_SACRIFICE_CHILD(null, "5.0"),
  /** {@code Killed process} with {@code UID:… pgtables:… oom_score_adj:} (5.4+). */
  KILL_UID_PGTABLES_ADJ("5.4", null),
  /** Memcg v2 {@code swap:} line instead of {@code memory+swap:}/{@code kmem:} (5.3+). */
  MEMCG_SWAP_LINE("5.3", null),
  /** Header with {@code nodemask=} (4.9–4.20). */
  HEADER_NODEMASK("4.9", "4.20"),
  /** Header without symbolic gfp flags (≤4.4). */
  HEADER_NO_GFP_NAMES(null, "4.4");

  private final String since;
  private final String until;

  FormatHint(String since, String until) {
    this.since = since;
    this.until = until;
  }

  /** First version that prints it, or null. */
  public String since() {
    return since;
  }

  /** Last version that prints it, or null. */
  public String until() {
    return until;
  }
}
