/**
 * The policies oomspec ships, each written against {@link dev.oomspec.reference.policy} the way its BPF C twin is
 * written (docs/policies.md shows them side by side): the series' own selftest policies ({@link
 * dev.oomspec.reference.policies.TestOom}, {@link dev.oomspec.reference.policies.TestOomd}) and four that users of OOM
 * daemons ask for ({@link dev.oomspec.reference.policies.LargestRss}, {@link
 * dev.oomspec.reference.policies.LargestCgroup}, {@link dev.oomspec.reference.policies.CgroupPriority}, {@link
 * dev.oomspec.reference.policies.YoungestFirst}). {@link dev.oomspec.reference.policies.Shipped} lists them.
 */
package dev.oomspec.reference.policies;
