package dev.oomspec.reference.policy;

/**
 * One call a policy made, in order: the kfunc (or iterator constructor), its arguments as text, and what it returned
 * as text ({@code 0}, {@code -EINVAL}, {@code 1}, {@code NULL}, {@code memcg /a/b}, a byte count, {@code void},
 * {@code not loaded: …} when the verifier refuses the call).
 */
public record KfuncCall(String kfunc, String args, String ret) {}
