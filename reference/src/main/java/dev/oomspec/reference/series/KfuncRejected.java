package dev.oomspec.reference.series;

import dev.oomspec.reference.bpf.Verifier;

/** The verifier refuses a program that calls this kfunc: the program never loads, so the call never happens. */
public final class KfuncRejected extends RuntimeException {
    private final transient Verifier.KfuncVerdict verdict;

    public KfuncRejected(String kfunc, Verifier.KfuncVerdict verdict) {
        super(kfunc + ": " + verdict);
        this.verdict = verdict;
    }

    public Verifier.KfuncVerdict verdict() { return verdict; }
}
