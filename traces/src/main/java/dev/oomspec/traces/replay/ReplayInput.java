package dev.oomspec.traces.replay;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * What the replay engine needs from one recorded OOM report, independent of the log format it came from:
 * the state the kernel decided on (task table, limits, totals) and its decision (the victim).
 *
 * @param source          file name as given by the user
 * @param firstLine       first input line of the report (1-based)
 * @param lastLine        last input line of the report
 * @param kernelRelease   the release string printed in the report ({@code 6.18.44-fc-v669}), or null
 * @param hints           formats seen in the report; they bound the kernel version when no release is printed
 * @param kind            global or memcg (and which hierarchy, when the lines show it)
 * @param constraint      the {@code constraint=} of the summary line, or null
 * @param memcg           memcg limits as printed, or null for a global OOM
 * @param global          global totals from Mem-Info, or null when not printed
 * @param tasks           the task table rows in printed (= scan) order; empty when the report has none
 * @param tableComplete   false when the table header was seen but rows were cut or filtered
 * @param kernelChoice    the process the kernel selected, or null when the report does not say
 * @param killedPids      every pid the report says was killed (victim, oom.group members)
 * @param noKillableProcess the report says "Out of memory and no killable processes..."
 * @param pageSizeKb      page size in kB if the report proves it, else null (4 assumed)
 * @param trigger         the task that invoked the OOM killer (the header's comm and the stack header's pid), or null
 */
public record ReplayInput(
    String source,
    long firstLine,
    long lastLine,
    String kernelRelease,
    Set<FormatHint> hints,
    OomKind kind,
    String constraint,
    MemcgLimits memcg,
    GlobalTotals global,
    List<TaskRow> tasks,
    boolean tableComplete,
    KernelChoice kernelChoice,
    List<Integer> killedPids,
    boolean noKillableProcess,
    Integer pageSizeKb,
    Trigger trigger) {

  public ReplayInput {
    Objects.requireNonNull(source, "source");
    // EnumSet: iteration in declaration order, so output that lists hints is the same on every run
    hints = Collections.unmodifiableSet(hints.isEmpty() ? EnumSet.noneOf(FormatHint.class) : EnumSet.copyOf(hints));
    tasks = List.copyOf(tasks);
    killedPids = List.copyOf(killedPids);
  }

  /** The task that invoked the OOM killer ({@code current}); pid null when the report does not print it. */
  public record Trigger(Integer pid, String comm) {}

  /** Global or memcg OOM; for memcg the hierarchy when the printed lines prove it. */
  public enum OomKind { GLOBAL, MEMCG_V1, MEMCG_V2, MEMCG_UNKNOWN_HIERARCHY, UNKNOWN }

  /**
   * One task-table row. Counts are pages, {@code pgtablesBytes} bytes; the split rss columns and the
   * page-table columns are null when the header did not have them.
   */
  public record TaskRow(
      int pid, int uid, int tgid, long totalVm, long rss, Long rssAnon, Long rssFile, Long rssShmem,
      Long pgtablesBytes, Long nrPtes, Long nrPmds, long swapents, int oomScoreAdj, String name) {}

  /**
   * The memcg lines of the report, in kB. {@code memswLimitKb}: the {@code memory+swap:} limit (cgroup v1,
   * and every hierarchy before 5.3); {@code swapLimitKb}: the {@code swap:} limit (cgroup v2).
   */
  public record MemcgLimits(
      String oomMemcg, long usageKb, long limitKb, Long memswLimitKb, Long swapLimitKb) {}

  /** Global totals from Mem-Info: {@code pages RAM}, {@code pages reserved}, {@code pages cma reserved}, {@code Total swap}. */
  public record GlobalTotals(Long pagesRam, Long pagesReserved, Long pagesCmaReserved, Long totalSwapKb) {}

  /**
   * The kernel's choice: the scored process where the report prints it ({@code Kill process N … score S}
   * before 5.1), else the pid of the {@code Killed process} line or the summary's {@code pid=}.
   */
  public record KernelChoice(int pid, String comm, Long printedScore, String from) {}
}
