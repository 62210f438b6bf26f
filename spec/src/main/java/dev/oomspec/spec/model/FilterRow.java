package dev.oomspec.spec.model;

/**
 * One row of the kfunc filter matrix, derived by {@code FilterMatrixBuilder} from the cited tables
 * ({@code tables/kfunc-hooks.csv}, {@code prog-sites.csv}, {@code kfunc-sets.csv}, {@code kfunc-filters.csv}).
 *
 * @param source key of {@code sources.yaml} of the row that decided the verdict
 * @param inferred true when a deciding table row is inferred
 * @param line 1-based position of the row in the derived matrix
 * @param provenance the table rows it came from, e.g. {@code kfunc-hooks.csv:30 prog-sites.csv:41 kfunc-sets.csv:12}
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
    int line,
    String provenance) {}
