package dev.oomspec.spec.model;

import java.util.List;

/**
 * Compact rule expanded into four clauses (order -1, 0, largest valid, largest valid + 1) per row of
 * {@code tables/max-order.csv} and per revision.
 *
 * @param id rule id; expanded ids are {@code ORDER-<rev>-<row>-<case>}
 * @param variants call arguments per revision group (order is filled in)
 * @param invalid outcome for an order outside the bound
 * @param valid outcome for an accepted order
 */
public record OrderRule(
    String id,
    Kfunc kfunc,
    List<ArgsVariant> variants,
    List<Citation> citations,
    List<String> covers,
    Outcome invalid,
    Outcome valid) {}
