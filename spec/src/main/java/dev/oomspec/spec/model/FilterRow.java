package dev.oomspec.spec.model;

/**
 * One row of {@code tables/filter-matrix.csv}.
 *
 * @param line CSV line number (1-based, header = 1)
 */
public record FilterRow(
    Revision revision,
    String progType,
    String attachTarget,
    Kfunc kfunc,
    boolean sleepableSite,
    FilterVerdict verdict,
    String source,
    boolean inferred,
    int line) {}
