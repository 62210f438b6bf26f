package dev.oomspec.conformance.target;

import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.series.SeriesModel;
import dev.oomspec.spec.model.Revision;
import java.util.function.Function;

/** Which transcription implements a target: one {@code Series} class per revision (and per proposed variant). */
final class Revisions {
  private Revisions() {}

  static Function<Boot, SeriesModel> series(Revision r, boolean proposed) {
    if (proposed) {
      return switch (r) {
        case V3 -> dev.oomspec.reference.series.v3proposed.Series::new;
        case POST -> dev.oomspec.reference.series.postproposed.Series::new;
        default -> throw new IllegalArgumentException("the review's proposals were made on v3 and post, not " + r);
      };
    }
    return switch (r) {
      case RFC -> dev.oomspec.reference.series.rfc.Series::new;
      case V1 -> dev.oomspec.reference.series.v1.Series::new;
      case V2 -> dev.oomspec.reference.series.v2.Series::new;
      case V3 -> dev.oomspec.reference.series.v3.Series::new;
      case POST -> dev.oomspec.reference.series.post.Series::new;
    };
  }
}
