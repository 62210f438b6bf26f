package dev.oomspec.conformance.runner;

import dev.oomspec.conformance.target.Answer;
import java.util.List;

/**
 * One target's answer to a clause's call and how it compares with one clause's {@code expect}.
 *
 * @param targetId the target
 * @param answer what it said (null for documented clauses, which are not run)
 * @param mismatches the expected fields it does not satisfy (empty when it matches or did not answer)
 */
public record Side(String targetId, Answer answer, List<Mismatch> mismatches) {
  public Side {
    mismatches = List.copyOf(mismatches);
  }

  public boolean answered() {
    return answer instanceof Answer.Answered;
  }

  public boolean matches() {
    return answered() && mismatches.isEmpty();
  }
}
