/**
 * The contract of Roman Gushchin's "mm: BPF OOM" series (RFC, v1, v2, v3, post-v3) as data.
 *
 * <p>Entry point: {@link dev.oomspec.spec.Spec#loadDefault()} returns the validated clauses, the kfunc
 * filter matrix and the order-bound table. The data lives in {@code src/main/resources/dev/oomspec/spec/};
 * its format is described in {@code docs/spec-format.md}.
 */
package dev.oomspec.spec;
