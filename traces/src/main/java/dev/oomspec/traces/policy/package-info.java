/**
 * The policy lab: recorded OOM events replayed through BPF OOM policies ({@link dev.oomspec.reference.policy}). For
 * each event and policy, {@link dev.oomspec.traces.policy.PolicyLab} rebuilds the machine from the report
 * ({@link dev.oomspec.traces.policy.LabWorld}, knowing only what the report and a capture's JSON say:
 * {@link dev.oomspec.traces.policy.EventFacts}), boots v3 or post-v3 on it, attaches the policy system-wide (the root
 * cgroup), lets the revision's {@code out_of_memory()} run, and compares what the policy killed with what the kernel
 * killed ({@link dev.oomspec.traces.policy.PolicyOutcome}, {@link dev.oomspec.traces.policy.PolicyVerdict}).
 */
package dev.oomspec.traces.policy;
