package dev.oomspec.conformance.replay;

import dev.oomspec.reports.CandidateView;
import dev.oomspec.reports.Eligibility;
import dev.oomspec.reports.EventView;
import dev.oomspec.reports.TaskRef;
import dev.oomspec.reports.Verdict;
import dev.oomspec.traces.replay.ReplayInput;
import dev.oomspec.traces.replay.ReplayResult;
import dev.oomspec.traces.replay.ScoredCandidate;
import java.util.ArrayList;
import java.util.List;

/** Maps replay results (traces) onto the renderers' view model (reports). */
public final class ReplayViews {
  /** Stands for "the report does not say" where the view needs a task. */
  public static final TaskRef UNKNOWN = new TaskRef(-1, "?");

  private ReplayViews() {}

  public static EventView view(ReplayResult r, int candidateLimit, List<String> originalLines) {
    return view(r, candidateLimit, originalLines, null);
  }

  /** As {@link #view(ReplayResult, int, List)}, with the event's context and points breakdowns when it is given. */
  public static EventView view(ReplayResult r, int candidateLimit, List<String> originalLines,
      dev.oomspec.traces.event.OomEvent event) {
    return view(r, candidateLimit, originalLines, event, java.util.Set.of());
  }

  /** As above, keeping the candidates {@code keep} names too (the policies' victims, for their charts). */
  public static EventView view(ReplayResult r, int candidateLimit, List<String> originalLines,
      dev.oomspec.traces.event.OomEvent event, java.util.Set<Integer> keep) {
    ReplayInput in = r.input();
    ReplayInput.KernelChoice k = in.kernelChoice();
    ReplayInput.KernelChoice m = r.modelVictim();
    List<CandidateView> cands = new ArrayList<>();
    for (ScoredCandidate c : r.candidates()) {
      boolean isKernel = k != null && c.pid() == k.pid();
      boolean isModel = m != null && c.pid() == m.pid();
      // the page (an event given) also lists every ineligible task, with why it was skipped
      if (cands.size() >= candidateLimit && !isKernel && !isModel && !keep.contains(c.pid())
          && (event == null || c.eligible())) continue;
      cands.add(new CandidateView(c.pid(), c.comm(), c.points() == null ? 0 : c.points(), c.oomScoreAdj(),
          c.eligible() ? Eligibility.ELIGIBLE : Eligibility.ineligible(ReplayDetails.whyIneligible(c)), isKernel,
          isModel, event == null ? null : ReplayDetails.breakdown(r, c)));
    }
    long first = Math.max(1, in.firstLine());
    return new EventView(in.source(), first, Math.max(first, in.lastLine()),
        k == null ? UNKNOWN : new TaskRef(k.pid(), k.comm()),
        m == null ? null : new TaskRef(m.pid(), m.comm()),
        verdict(r), r.reason(), r.profile(), r.totalpages(), cands, originalLines,
        event == null ? null : ReplayDetails.context(event, r, originalLines));
  }

  /** Every pid a policy killed or its kernel's killer took after it. */
  public static java.util.Set<Integer> victims(List<dev.oomspec.reports.PolicyView> policies) {
    java.util.Set<Integer> s = new java.util.HashSet<>();
    for (dev.oomspec.reports.PolicyView p : policies) {
      p.victims().forEach(v -> s.add(v.pid()));
      p.kernelKilled().forEach(v -> s.add(v.pid()));
    }
    return s;
  }

  /** The policy lab's outcomes as the renderers' views. */
  public static List<dev.oomspec.reports.PolicyView> policies(List<dev.oomspec.traces.policy.PolicyOutcome> outcomes) {
    List<dev.oomspec.reports.PolicyView> out = new ArrayList<>();
    for (dev.oomspec.traces.policy.PolicyOutcome o : outcomes) {
      out.add(new dev.oomspec.reports.PolicyView(o.name(), o.program(), o.revision(), o.verdict().id(), o.reason(),
          o.victims().stream().map(v -> new dev.oomspec.reports.PolicyView.Victim(v.pid(), v.comm(), v.memoryKb())).toList(),
          o.kernelKillerRan(),
          o.kernelKilled().stream().map(v -> new dev.oomspec.reports.PolicyView.Victim(v.pid(), v.comm(), v.memoryKb())).toList(),
          o.freedKb(), o.kernelFreedKb(),
          o.calls().stream().map(c -> new dev.oomspec.reports.PolicyView.Call(c.attachedAt(), c.kfunc(), c.args(), c.ret())).toList()));
    }
    return out;
  }

  public static Verdict verdict(ReplayResult r) {
    return switch (r.verdict()) {
      case AGREE -> Verdict.AGREE;
      case DISAGREE -> Verdict.DISAGREE;
      case UNDECIDABLE -> Verdict.UNDECIDABLE;
    };
  }
}
