package dev.oomspec.reference.bpf;

/** §0 vocabulary: allowed / -EACCES (filter) / not visible / verifier: sleepable. */
public enum FilterVerdict { ALLOWED, EACCES_FILTER, NOT_VISIBLE, VERIFIER_SLEEPABLE }
