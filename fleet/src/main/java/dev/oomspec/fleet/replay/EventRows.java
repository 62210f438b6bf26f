package dev.oomspec.fleet.replay;

import dev.oomspec.conformance.replay.ReplayViews;
import dev.oomspec.reference.profile.KernelVersion;
import dev.oomspec.reports.CandidateRanking;
import dev.oomspec.reports.CandidateView;
import dev.oomspec.reports.EventView;
import dev.oomspec.reports.PolicyView;
import dev.oomspec.reports.TaskRef;
import dev.oomspec.traces.replay.ReplayInput;
import dev.oomspec.traces.replay.ReplayResult;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * A replayed event as a {@link FleetSchema#EVENT} row. The replay-format.md columns come from the same view and the
 * same candidate ranking as {@code oomspec replay --format json} ({@link ReplayViews#view},
 * {@link CandidateRanking#topWithVictims}), so a row holds what that command's line holds.
 */
public final class EventRows {
  private EventRows() {}

  public static Row of(ReplayResult r, String host, int candidateLimit) {
    return of(r, host, candidateLimit, null);
  }

  /**
   * As above, with the {@code policies} column ({@link FleetSchema#EVENT_WITH_POLICIES}) when {@code policies} is not
   * null: the views {@code oomspec replay --policy} writes as its JSON {@code policies} array
   * ({@link ReplayViews#policies}), field for field.
   */
  public static Row of(ReplayResult r, String host, int candidateLimit, List<PolicyView> policies) {
    EventView v = ReplayViews.view(r, candidateLimit, null);
    List<CandidateView> shown = CandidateRanking.topWithVictims(v.candidates(), candidateLimit);
    List<Row> candidates = new ArrayList<>(shown.size());
    for (CandidateView c : shown) {
      candidates.add(RowFactory.create(c.pid(), c.comm(), c.points(), c.oomScoreAdj(), c.eligible(),
          c.kernelVictim(), c.modelVictim()));
    }
    ReplayInput in = r.input();
    List<Object> cells = new ArrayList<>(java.util.Arrays.asList(
        v.sourceFile(), v.firstLine(), v.lastLine(), task(v.kernelVictim()), task(v.modelVictim()),
        v.verdict().wireName(), v.reason(), v.profile(), v.totalpages(), FleetSchema.seq(candidates)));
    cells.addAll(java.util.Arrays.asList(host, in.kernelRelease(), version(in.kernelRelease()), scope(in.kind()),
        oomKind(in.kind()), in.constraint()));
    if (policies != null) {
      List<Row> p = new ArrayList<>(policies.size());
      for (PolicyView pv : policies) {
        p.add(policy(pv));
      }
      cells.add(FleetSchema.seq(p));
    }
    return RowFactory.create(cells.toArray());
  }

  /** One {@link FleetSchema#POLICY}. */
  static Row policy(PolicyView p) {
    List<Row> calls = new ArrayList<>(p.calls().size());
    for (PolicyView.Call c : p.calls()) {
      calls.add(RowFactory.create(c.kfunc(), c.args(), c.ret(), c.attachedAt()));
    }
    return RowFactory.create(p.name(), p.program(), p.revision(), p.verdict(), p.reason(), victims(p.victims()),
        p.kernelKillerRan(), victims(p.kernelKilled()), p.freedKb(), p.kernelFreedKb(), FleetSchema.seq(calls));
  }

  private static scala.collection.immutable.Seq<Object> victims(List<PolicyView.Victim> victims) {
    List<Row> out = new ArrayList<>(victims.size());
    for (PolicyView.Victim v : victims) {
      out.add(RowFactory.create(v.pid(), v.comm(), v.memoryKb()));
    }
    return FleetSchema.seq(out);
  }

  /** {@code major.minor} of a printed release, or null when none is printed or it is not a version. */
  static String version(String release) {
    if (release == null) {
      return null;
    }
    try {
      KernelVersion k = KernelVersion.parse(release);
      return k.major() + "." + k.minor();
    } catch (IllegalArgumentException e) {
      return null;
    }
  }

  static String scope(ReplayInput.OomKind kind) {
    return switch (kind) {
      case GLOBAL -> "global";
      case MEMCG_V1, MEMCG_V2, MEMCG_UNKNOWN_HIERARCHY -> "memcg";
      case UNKNOWN -> "unknown";
    };
  }

  static String oomKind(ReplayInput.OomKind kind) {
    return switch (kind) {
      case GLOBAL -> "global";
      case MEMCG_V1 -> "memcg-v1";
      case MEMCG_V2 -> "memcg-v2";
      case MEMCG_UNKNOWN_HIERARCHY -> "memcg";
      case UNKNOWN -> "unknown";
    };
  }

  private static Row task(TaskRef t) {
    return t == null ? null : RowFactory.create(t.pid(), t.comm());
  }
}
