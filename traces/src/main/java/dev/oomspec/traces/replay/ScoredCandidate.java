package dev.oomspec.traces.replay;

/**
 * One row of the task table as the model scored it.
 *
 * @param pid          pid as printed in the table
 * @param comm         name as printed
 * @param oomScoreAdj  the row's oom_score_adj
 * @param points       oom_badness() under the chosen profile and totalpages; null when ineligible
 * @param verdict      the model's word for the row: "eligible", "ineligible", "unkillable", …
 */
public record ScoredCandidate(int pid, String comm, int oomScoreAdj, Long points, String verdict) {
  public boolean eligible() {
    return points != null;
  }
}
