package dev.oomspec.conformance.runner;

/**
 * One point where two clauses about the same call say different things.
 *
 * @param field the {@code expect} field ({@code ret}, {@code killed}, …) or report line format
 * @param clauseSays what the clause run cross-revision expects there
 * @param siblingSays what the clause claiming the target expects there
 */
public record Contradiction(String field, String clauseSays, String siblingSays) {
  @Override
  public String toString() {
    return field + " " + siblingSays + " (not " + clauseSays + ")";
  }
}
