package dev.oomspec.fleet.replay;

import dev.oomspec.conformance.replay.ReplayViews;
import dev.oomspec.reference.profile.KernelVersion;
import dev.oomspec.reports.CandidateRanking;
import dev.oomspec.reports.CandidateView;
import dev.oomspec.reports.EventView;
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
    EventView v = ReplayViews.view(r, candidateLimit, null);
    List<CandidateView> shown = CandidateRanking.topWithVictims(v.candidates(), candidateLimit);
    List<Row> candidates = new ArrayList<>(shown.size());
    for (CandidateView c : shown) {
      candidates.add(RowFactory.create(c.pid(), c.comm(), c.points(), c.oomScoreAdj(), c.eligible(),
          c.kernelVictim(), c.modelVictim()));
    }
    ReplayInput in = r.input();
    return RowFactory.create(
        v.sourceFile(), v.firstLine(), v.lastLine(), task(v.kernelVictim()), task(v.modelVictim()),
        v.verdict().wireName(), v.reason(), v.profile(), v.totalpages(), FleetSchema.seq(candidates),
        host, in.kernelRelease(), version(in.kernelRelease()), scope(in.kind()), oomKind(in.kind()),
        in.constraint());
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
