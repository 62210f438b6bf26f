package dev.oomspec.traces.assemble;

/**
 * What became of one kernel line or ftrace event: part of an OOM event, unrelated, or malformed (an OOM
 * report line that could not be read — the event still gets everything else).
 */
public record Disposition(Kind kind, String why) {

  public enum Kind {
    UNRELATED,
    EVENT,
    MALFORMED
  }

  public static final Disposition EVENT = new Disposition(Kind.EVENT, "");

  public static Disposition unrelated(String why) {
    return new Disposition(Kind.UNRELATED, why);
  }

  public static Disposition malformed(String why) {
    return new Disposition(Kind.MALFORMED, why);
  }

  /** The more severe of two: malformed over event over unrelated. */
  public Disposition max(Disposition other) {
    return other.kind.ordinal() > kind.ordinal() ? other : this;
  }
}
