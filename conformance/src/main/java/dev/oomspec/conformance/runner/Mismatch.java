package dev.oomspec.conformance.runner;

/** One field of {@code expect} that the observation does not satisfy. */
public record Mismatch(String field, String expected, String observed) {
  @Override
  public String toString() {
    return field + ": expected " + expected + ", observed " + observed;
  }
}
