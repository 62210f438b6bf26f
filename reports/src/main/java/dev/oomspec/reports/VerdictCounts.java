package dev.oomspec.reports;

/** How many events got each verdict. */
public record VerdictCounts(long agree, long disagree, long undecidable) {

  public static final VerdictCounts NONE = new VerdictCounts(0, 0, 0);

  public VerdictCounts {
    if (agree < 0 || disagree < 0 || undecidable < 0) {
      throw new IllegalArgumentException("negative count");
    }
  }

  /** Counts the verdicts of {@code events}. */
  public static VerdictCounts of(Iterable<EventView> events) {
    long a = 0;
    long d = 0;
    long u = 0;
    for (EventView e : events) {
      switch (e.verdict()) {
        case AGREE -> a++;
        case DISAGREE -> d++;
        case UNDECIDABLE -> u++;
      }
    }
    return new VerdictCounts(a, d, u);
  }

  public long of(Verdict verdict) {
    return switch (verdict) {
      case AGREE -> agree;
      case DISAGREE -> disagree;
      case UNDECIDABLE -> undecidable;
    };
  }

  public long total() {
    return agree + disagree + undecidable;
  }
}
