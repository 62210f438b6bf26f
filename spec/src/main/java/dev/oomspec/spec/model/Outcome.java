package dev.oomspec.spec.model;

/** A precondition/expectation pair used as a template by the expansion rules. */
public record Outcome(Given given, Expect expect, String because) {}
