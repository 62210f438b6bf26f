package dev.oomspec.traces.capture;

import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.annotation.JsonNaming;
import java.util.List;
import java.util.Map;

/**
 * The {@code NAME.json} of a capture: a superset of the shape of the project's first hand-made captures
 * on this 6.18 machine ({@code scenario, cgroup, limit_mb, kernel, tasks, actual_oom_score_adj,
 * died_first}), snake_case.
 *
 * @param scenario          the scenario name
 * @param description       the scenario's description
 * @param cgroup            "v1" or "v2"
 * @param cgroupPath        the group's path relative to its hierarchy root, as the kernel prints it in
 *                          {@code oom_memcg=} / {@code Memory cgroup stats for}
 * @param limitMb           the limit asked
 * @param limitBytes        the limit the kernel reports after setting it
 * @param swapLimitMb       the memory+swap limit asked, or null (memory+swap = memory)
 * @param kernel            the kernel release (uname -r)
 * @param worker            how the workers were made ({@code tail} and its version)
 * @param expectedKills     what the scenario expects
 * @param tasks             every worker, in start order
 * @param actualOomScoreAdj pid -> the oom_score_adj the kernel kept
 * @param diedFirst         [comm, pid] of each OOM kill in kernel order (from the kmsg Killed lines)
 * @param kills             the OOM kills in order, with the numbers of the kmsg {@code Killed} line
 * @param markVictim        the oom:mark_victim events of the trace, in order
 * @param oomReports        number of OOM reports ({@code invoked oom-killer} with the task table) in
 *                          the window; equals the kills unless the kernel's ratelimit ate some
 * @param kmsgRecords       number of records in the window; kmsgLost: lost to overrun
 * @param durationMs        wall time of the scenario, setup to teardown
 * @param outcome           "ok", or why not ("expected 2 kills, got 1", ...)
 */
@JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
@JsonPropertyOrder({
  "scenario", "description", "cgroup", "cgroupPath", "limitMb", "limitBytes", "swapLimitMb", "kernel",
  "worker", "expectedKills", "tasks", "actualOomScoreAdj", "diedFirst", "kills", "markVictim",
  "oomReports", "kmsgRecords", "kmsgLost", "durationMs", "outcome"
})
public record CaptureReport(
    String scenario,
    String description,
    String cgroup,
    String cgroupPath,
    int limitMb,
    long limitBytes,
    Integer swapLimitMb,
    String kernel,
    String worker,
    int expectedKills,
    List<Task> tasks,
    Map<String, Integer> actualOomScoreAdj,
    List<List<Object>> diedFirst,
    List<Kill> kills,
    List<Victim> markVictim,
    int oomReports,
    int kmsgRecords,
    int kmsgLost,
    long durationMs,
    String outcome) {

  /** Whether the scenario made exactly the expected kills. */
  public boolean ok() {
    return "ok".equals(outcome);
  }

  /**
   * One worker process.
   *
   * @param comm              the comm the kernel prints
   * @param mb                resident MB asked, -1 for the growing trigger
   * @param memory            anon / shmem / file
   * @param trigger           whether this is the scenario's trigger
   * @param askedOomScoreAdj  what the scenario asked
   * @param actualOomScoreAdj what /proc/PID/oom_score_adj read back
   * @param pid               the pid
   * @param fedBytes          bytes written into its pipe (its data size)
   * @param exit              exit status, negative = killed by that signal, null = alive at the end
   *                          (then killed by the harness's cleanup)
   * @param oomKilled         whether a kmsg Killed line names this pid
   */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Task(
      String comm,
      int mb,
      String memory,
      boolean trigger,
      int askedOomScoreAdj,
      int actualOomScoreAdj,
      long pid,
      long fedBytes,
      Integer exit,
      boolean oomKilled) {}

  /** One {@code Killed process PID (COMM) total-vm:..kB, anon-rss:..kB, ...} line. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Kill(
      long seq,
      long usec,
      long pid,
      String comm,
      long totalVmKb,
      long anonRssKb,
      long fileRssKb,
      long shmemRssKb,
      long pgtablesKb,
      int oomScoreAdj) {}

  /** One {@code oom:mark_victim} ftrace event. */
  @JsonNaming(PropertyNamingStrategies.SnakeCaseStrategy.class)
  public record Victim(double timestamp, long pid, String comm) {}
}
