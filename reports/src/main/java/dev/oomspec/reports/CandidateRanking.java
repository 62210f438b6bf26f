package dev.oomspec.reports;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** The one ordering every renderer uses for candidates. */
public final class CandidateRanking {
  private CandidateRanking() {}

  /** By points, highest first; equal points keep their input order. */
  public static List<CandidateView> ranked(List<CandidateView> candidates) {
    List<CandidateView> sorted = new ArrayList<>(candidates);
    sorted.sort(Comparator.comparingLong(CandidateView::points).reversed()); // List.sort is stable
    return sorted;
  }

  /**
   * The first {@code topN} of {@link #ranked}, followed by the kernel's and the model's victims (in ranked order) when
   * they rank lower, so a shortened list never hides a choice.
   */
  public static List<CandidateView> topWithVictims(List<CandidateView> candidates, int topN) {
    if (topN < 0) {
      throw new IllegalArgumentException("topN < 0: " + topN);
    }
    List<CandidateView> ranked = ranked(candidates);
    if (ranked.size() <= topN) {
      return ranked;
    }
    List<CandidateView> shown = new ArrayList<>(ranked.subList(0, topN));
    for (CandidateView c : ranked.subList(topN, ranked.size())) {
      if (c.kernelVictim() || c.modelVictim()) {
        shown.add(c);
      }
    }
    return shown;
  }
}
