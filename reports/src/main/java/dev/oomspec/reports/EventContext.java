package dev.oomspec.reports;

import java.util.List;

/**
 * What an SRE needs around a verdict: when the OOM happened, who triggered it, its scope, what the kernel's kill
 * line said about the victim, and what the report did not print. Every part may be absent (null) when the log
 * did not carry it.
 *
 * @param when       wall clock and/or kernel time as printed, e.g. {@code Dec  8 01:56:31 (315.270 s after boot)}
 * @param trigger    the task that invoked the OOM killer
 * @param scope      global / memcg / cpuset / mempolicy, with the memcg's usage and limit
 * @param kernelKill the kernel's kill line for its victim
 * @param kernelRelease the release printed in the report
 * @param note       what the verdict's reason adds beyond the verdict itself (null for a plain agree)
 * @param missing    what the report lacked ({@code task table}, {@code header}, …)
 */
public record EventContext(
    String when,
    Trigger trigger,
    Scope scope,
    Kill kernelKill,
    String kernelRelease,
    String note,
    List<String> missing) {

  public EventContext {
    missing = missing == null ? List.of() : List.copyOf(missing);
  }

  /** {@code comm (pid N) invoked oom-killer: gfp_mask=…, order=N, oom_score_adj=N}. */
  public record Trigger(String comm, Integer pid, String gfpMask, Integer order, Integer oomScoreAdj) {}

  /**
   * @param kind         {@code global}, {@code memcg}, {@code cpuset}, {@code mempolicy} or {@code unknown}
   * @param constraint   the summary's {@code constraint=} as printed
   * @param oomMemcg     the memcg whose limit was hit
   * @param taskMemcg    the victim's memcg
   * @param usageKb      the memcg's usage at the OOM
   * @param limitKb      its memory limit
   * @param swapLimitKb  its memory+swap (v1) or swap (v2) limit
   * @param swapLabel    {@code memory+swap} or {@code swap}
   * @param cpuset       the cpuset name
   * @param memsAllowed  the allowed NUMA nodes
   * @param totalpages   the totalpages the model used, and how it was obtained
   */
  public record Scope(String kind, String constraint, String oomMemcg, String taskMemcg, Long usageKb, Long limitKb,
      Long swapLimitKb, String swapLabel, String cpuset, String memsAllowed, String totalpages) {}

  /** The kernel's {@code Killed process} line: sizes in kB as printed. */
  public record Kill(int pid, String comm, Integer uid, Long totalVmKb, Long anonRssKb, Long fileRssKb,
      Long shmemRssKb, Long pgtablesKb, Integer oomScoreAdj) {}
}
