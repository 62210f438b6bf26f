package dev.oomspec.reports;

import java.util.Objects;

/**
 * One task the OOM killer considered in one event.
 *
 * @param points badness points as the model computed them; may be negative
 * @param kernelVictim this is the task the kernel killed
 * @param modelVictim this is the task the model would kill
 * @param breakdown the points in their parts, or null when not known
 */
public record CandidateView(
    int pid,
    String comm,
    long points,
    int oomScoreAdj,
    Eligibility eligibility,
    boolean kernelVictim,
    boolean modelVictim,
    PointsBreakdown breakdown) {

  /** A candidate without a points breakdown. */
  public CandidateView(int pid, String comm, long points, int oomScoreAdj, Eligibility eligibility,
      boolean kernelVictim, boolean modelVictim) {
    this(pid, comm, points, oomScoreAdj, eligibility, kernelVictim, modelVictim, null);
  }

  public CandidateView {
    Objects.requireNonNull(comm, "comm");
    Objects.requireNonNull(eligibility, "eligibility");
  }

  public boolean eligible() {
    return eligibility.isEligible();
  }

  /** The reason the candidate is ineligible, or {@code null} when it is eligible. */
  public String ineligibleReason() {
    return eligibility instanceof Eligibility.Ineligible ineligible ? ineligible.reason() : null;
  }

  public TaskRef task() {
    return new TaskRef(pid, comm);
  }
}
