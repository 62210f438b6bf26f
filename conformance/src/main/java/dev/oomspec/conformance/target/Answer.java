package dev.oomspec.conformance.target;

import java.util.List;

/** What a {@link Target} says about one clause: an observation, or why the clause cannot be asked of it. */
public sealed interface Answer permits Answer.Answered, Answer.NotApplicable {

  /**
   * The target ran the call.
   *
   * @param observed what happened, in the vocabulary of {@code expect}
   * @param log the model's printed log (kmsg lines), possibly empty
   * @param notes how the clause was translated for this target (world set-up, argument mapping)
   */
  record Answered(Observed observed, List<String> log, List<String> notes) implements Answer {
    public Answered {
      log = List.copyOf(log);
      notes = List.copyOf(notes);
    }
  }

  /** The call cannot be expressed against this target (no such kfunc signature, attach API, …). */
  record NotApplicable(String reason) implements Answer {}

  static NotApplicable notApplicable(String reason) {
    return new NotApplicable(reason);
  }
}
