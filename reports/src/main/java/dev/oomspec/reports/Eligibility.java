package dev.oomspec.reports;

import java.util.Objects;

/** Whether the OOM killer may pick a candidate at all, and if not, why. */
public sealed interface Eligibility permits Eligibility.Eligible, Eligibility.Ineligible {

  /** The single eligible value. */
  Eligibility ELIGIBLE = new Eligible();

  static Eligibility ineligible(String reason) {
    return new Ineligible(reason);
  }

  default boolean isEligible() {
    return this instanceof Eligible;
  }

  /** The candidate may be chosen. */
  record Eligible() implements Eligibility {}

  /** The candidate is skipped, e.g. {@code "oom_score_adj -1000"} or {@code "already exiting"}. */
  record Ineligible(String reason) implements Eligibility {
    public Ineligible {
      Objects.requireNonNull(reason, "reason");
    }
  }
}
