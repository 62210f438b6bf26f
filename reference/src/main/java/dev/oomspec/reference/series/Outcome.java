package dev.oomspec.reference.series;

import dev.oomspec.reference.bpf.Verifier;

/** What driving a revision with a generic request gave. */
public sealed interface Outcome permits Outcome.Returned, Outcome.ReturnedMemcg, Outcome.NotExpressible, Outcome.Rejected {
    /** The kernel function returned {@code value} (0, 1, -errno, or a counter). */
    record Returned(long value) implements Outcome {}
    /** The kernel function returned a {@code struct mem_cgroup *} (null = NULL). */
    record ReturnedMemcg(dev.oomspec.reference.mm.Memcg memcg) implements Outcome {}
    /** The revision has no such call or parameter; {@code reason} names the revision's signature. */
    record NotExpressible(String reason) implements Outcome {}
    /** The verifier rejects the calling program (it never loads). */
    record Rejected(Verifier.KfuncVerdict verdict) implements Outcome {}

    static Outcome ret(long v) { return new Returned(v); }
    static Outcome no(String reason) { return new NotExpressible(reason); }
}
