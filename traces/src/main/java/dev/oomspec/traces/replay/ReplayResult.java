package dev.oomspec.traces.replay;

import java.util.List;

/**
 * The replay of one OOM event.
 *
 * @param input        what was replayed
 * @param verdict      agree / disagree / undecidable
 * @param reason       why, in one sentence a fleet operator can act on
 * @param profile      the kernel profile(s) used, and how they were chosen
 * @param totalpages   the totalpages the model used (the lower end when only a range is known), or null
 * @param totalpagesNote how totalpages was obtained (exact, a range, unknown) and whether it mattered
 * @param modelVictim  pid/comm the model selects, or null
 * @param candidates   every row scored, highest points first (ineligible rows last)
 * @param modelReport  the report lines the model printed for its kill (same profile), for side-by-side reading
 */
public record ReplayResult(
    ReplayInput input,
    Verdict verdict,
    String reason,
    String profile,
    Long totalpages,
    String totalpagesNote,
    ReplayInput.KernelChoice modelVictim,
    List<ScoredCandidate> candidates,
    List<String> modelReport) {

  public ReplayResult {
    candidates = List.copyOf(candidates);
    modelReport = List.copyOf(modelReport);
  }

  /** The first {@code n} candidates. */
  public List<ScoredCandidate> top(int n) {
    return candidates.subList(0, Math.min(n, candidates.size()));
  }
}
