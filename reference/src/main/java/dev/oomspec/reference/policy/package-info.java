/**
 * The policy API: a BPF OOM policy written in Java the way its BPF C twin is written against one revision of the
 * "mm: BPF OOM" series, and the loader that runs it inside the reference model.
 *
 * <p>What a policy author compiles against: {@link dev.oomspec.reference.policy.OomPolicy} (struct bpf_oom_ops:
 * {@code handle_out_of_memory} and {@code name}), {@link dev.oomspec.reference.policy.Kfuncs} (the kfuncs and
 * open-coded iterators a bpf_oom_ops program may call), the read-only kernel objects it receives
 * ({@link dev.oomspec.reference.policy.OomControl}, {@link dev.oomspec.reference.policy.TaskStruct},
 * {@link dev.oomspec.reference.policy.MmStruct}, {@link dev.oomspec.reference.policy.MemCgroup},
 * {@link dev.oomspec.reference.policy.Cgroup}) and the constants of {@link dev.oomspec.reference.policy.Bpf}.
 * A policy is made available by name through a {@link dev.oomspec.reference.policy.PolicyProvider} (ServiceLoader).
 *
 * <p>What runs it: {@link dev.oomspec.reference.policy.PolicyLoader} attaches a policy to a cgroup of a model booted
 * with v3 or post-v3 ({@link dev.oomspec.reference.policy.Revision}); the revision's own transcribed code then calls it
 * from {@code bpf_handle_oom()} and every kfunc call goes through that revision's {@code Kfuncs} (its verifier verdict,
 * argument checks, errnos and side effects). {@link dev.oomspec.reference.policy.Attachment} records each handler call:
 * the kfunc calls in order with their results, and whether the program would not have loaded, read something the
 * rebuilt world does not know ({@link dev.oomspec.reference.policy.Facts}), threw, or ran past its budget.
 */
package dev.oomspec.reference.policy;
