package dev.oomspec.traces.event;

/**
 * Something an OOM report should have had but the input lacked.
 *
 * @param what a stable short name ({@code header}, {@code stack header}, {@code memory info},
 *             {@code task table}, {@code summary}, {@code kill line}, …)
 * @param why  a human explanation
 */
public record Missing(String what, String why) {}
