package dev.oomspec.reference.policy;

/** Why a handler call stopped before it returned on its own. */
public sealed interface Halt permits Halt.NotLoaded, Halt.Unknown, Halt.Faulted, Halt.OverBudget {
    /** Said to people. */
    String why();

    /**
     * The verifier refuses the program (a kfunc the revision forbids for bpf_oom_ops programs, a reference left
     * unreleased, a sleepable call inside an RCU read section, an iterator outside one): it never loads, so in the
     * kernel it never ran. Found on the path this call took; the verifier checks every path.
     */
    record NotLoaded(String why) implements Halt {}

    /** The policy read something the rebuilt world does not know ({@link Facts}): the run is undecidable. */
    record Unknown(String why) implements Halt {}

    /** The Java policy threw; as the kernel would see it, the handler returned 0 at that point. */
    record Faulted(String why) implements Halt {}

    /** The Java policy ran past its {@link Limits}; as the kernel would see it, the handler returned 0. */
    record OverBudget(String why) implements Halt {}
}
