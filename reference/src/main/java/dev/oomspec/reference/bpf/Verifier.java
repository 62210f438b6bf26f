package dev.oomspec.reference.bpf;

import dev.oomspec.reference.uapi.BpfProgType;

/**
 * The verifier's answer to one kfunc call of one program, in the order the kernel decides it:
 * BPF_PROG_LOAD's program-type lookup (kernel/bpf/syscall.c find_prog_type: BPF_PROG_TYPE_UNSPEC has no
 * bpf_prog_types[] entry, -EINVAL), EXT programs verified as their target (resolve_prog_type), then
 * kernel/bpf/verifier.c check_kfunc_call(): the kfunc's flags in the program's hooks ("calling kernel function %s
 * is not allowed" when absent or when a filter rejects it — both -EACCES), then "program must be sleepable to call
 * sleepable kfunc %s" (-EACCES). The order of the last two checks is mainline's (a stored verifier.c shows the
 * filter check before the KF_SLEEPABLE check); it is not part of the series.
 */
public final class Verifier {
    private Verifier() {}

    /** The outcome of loading a program that calls one kfunc. */
    public enum KfuncVerdict {
        /** loads. */
        ALLOWED,
        /** no registered set of the program's hooks holds the kfunc (btf_kfunc_flags() == NULL). */
        NOT_VISIBLE,
        /** a set holds it but a filter of that hook rejects the program. */
        FILTERED,
        /** KF_SLEEPABLE kfunc called from a program that is not sleepable. */
        NOT_SLEEPABLE,
        /** BPF_PROG_LOAD rejects the program type itself. */
        NOT_LOADABLE,
        /** an EXT program without a known target: verified as that target, whatever it is. */
        INHERITS_TARGET
    }

    // kernel/bpf/syscall.c:find_prog_type (mainline): UNSPEC is not a loadable type
    static boolean findProgType(BpfProgType type) { return type != BpfProgType.UNSPEC; }

    // kernel/bpf/verifier.c:check_kfunc_call (mainline, order of its first checks)
    public static KfuncVerdict checkKfuncCall(Btf btf, BpfProg prog, String kfunc) {
        if (!findProgType(prog.type())) return KfuncVerdict.NOT_LOADABLE;
        if (prog.type() == BpfProgType.EXT && prog.dstProgType() == null) return KfuncVerdict.INHERITS_TARGET;
        Integer flags = btf.btfKfuncFlags(kfunc, prog);
        if (flags == null) return KfuncVerdict.NOT_VISIBLE;
        if (!btf.btfKfuncIsAllowed(kfunc, prog)) return KfuncVerdict.FILTERED;
        if ((flags & Kf.KF_SLEEPABLE) != 0 && !prog.sleepable()) return KfuncVerdict.NOT_SLEEPABLE;
        return KfuncVerdict.ALLOWED;
    }
}
