package dev.oomspec.reports;

import java.util.List;
import java.util.Objects;

/**
 * One recorded OOM event after replay.
 *
 * @param sourceFile the log file the event came from, as the caller wants it shown
 * @param firstLine first line of the event in {@code sourceFile}, 1-based
 * @param lastLine last line of the event, inclusive
 * @param kernelVictim the task the kernel killed
 * @param modelVictim the task the model would kill; {@code null} when the model picks none
 * @param reason why the verdict is what it is, in words
 * @param profile name of the model profile (kernel revision / policy) used
 * @param totalpages {@code oc->totalpages} when the log allows it to be known; {@code null} otherwise
 * @param candidates the tasks considered, in the order the log lists them
 * @param originalLines the event's lines as recorded; empty when not kept
 * @param context when, trigger, scope and the kernel's kill line, for the HTML page; null when not known
 * @param policies the BPF OOM policies replayed on the event ({@code --policy}), in command-line order; empty when none
 */
public record EventView(
    String sourceFile,
    long firstLine,
    long lastLine,
    TaskRef kernelVictim,
    TaskRef modelVictim,
    Verdict verdict,
    String reason,
    String profile,
    Long totalpages,
    List<CandidateView> candidates,
    List<String> originalLines,
    EventContext context,
    List<PolicyView> policies) {

  /** An event without policies. */
  public EventView(String sourceFile, long firstLine, long lastLine, TaskRef kernelVictim, TaskRef modelVictim,
      Verdict verdict, String reason, String profile, Long totalpages, List<CandidateView> candidates,
      List<String> originalLines, EventContext context) {
    this(sourceFile, firstLine, lastLine, kernelVictim, modelVictim, verdict, reason, profile, totalpages, candidates,
        originalLines, context, List.of());
  }

  /** An event without {@link EventContext}. */
  public EventView(String sourceFile, long firstLine, long lastLine, TaskRef kernelVictim, TaskRef modelVictim,
      Verdict verdict, String reason, String profile, Long totalpages, List<CandidateView> candidates,
      List<String> originalLines) {
    this(sourceFile, firstLine, lastLine, kernelVictim, modelVictim, verdict, reason, profile, totalpages, candidates,
        originalLines, null);
  }

  public EventView {
    Objects.requireNonNull(sourceFile, "sourceFile");
    Objects.requireNonNull(kernelVictim, "kernelVictim");
    Objects.requireNonNull(verdict, "verdict");
    Objects.requireNonNull(reason, "reason");
    Objects.requireNonNull(profile, "profile");
    if (firstLine < 1 || lastLine < firstLine) {
      throw new IllegalArgumentException(
          "need 1 <= firstLine <= lastLine, got " + firstLine + ".." + lastLine);
    }
    candidates = List.copyOf(Objects.requireNonNull(candidates, "candidates"));
    originalLines = originalLines == null ? List.of() : List.copyOf(originalLines);
    policies = policies == null ? List.of() : List.copyOf(policies);
  }

  /** This event with the policies replayed on it. */
  public EventView withPolicies(List<PolicyView> policies) {
    return new EventView(sourceFile, firstLine, lastLine, kernelVictim, modelVictim, verdict, reason, profile,
        totalpages, candidates, originalLines, context, policies);
  }

  /** {@code source:first-last}, or {@code source:first} for a one-line event. */
  public String location() {
    return firstLine == lastLine
        ? sourceFile + ":" + firstLine
        : sourceFile + ":" + firstLine + "-" + lastLine;
  }
}
