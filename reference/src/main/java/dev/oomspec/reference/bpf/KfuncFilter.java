package dev.oomspec.reference.bpf;

/**
 * The kfunc filter matrix (bpf-oom-series.md §5): which hook each kfunc set is registered for, then the
 * registered filters, then the KF_SLEEPABLE test of the verifier.
 */
public final class KfuncFilter {
    private KfuncFilter() {}

    /** With CONFIG_PSI (default). */
    public static FilterVerdict verdict(SeriesRevision rev, ProgType type, AttachTarget target, Kfunc kfunc,
                                        boolean sleepableCallSite) {
        return verdict(rev, type, target, kfunc, sleepableCallSite, true);
    }

    public static FilterVerdict verdict(SeriesRevision rev, ProgType type, AttachTarget target, Kfunc kfunc,
                                        boolean sleepableCallSite, boolean configPsi) {
        return verdict(BpfOomRevision.of(rev), type, target, kfunc, sleepableCallSite, configPsi);
    }

    /** As above for a revision given as data: its {@link BpfOomRevision.Knobs#filterOverrides()} apply first. */
    public static FilterVerdict verdict(BpfOomRevision rev, ProgType type, AttachTarget target, Kfunc kfunc,
                                        boolean sleepableCallSite, boolean configPsi) {
        FilterVerdict v = null;
        for (BpfOomRevision.FilterOverride o : rev.knobs().filterOverrides())
            if (o.matches(type, target, kfunc)) { v = o.verdict(); break; }
        if (v == null) v = visibilityAndFilter(rev.revision(), type, target, kfunc, configPsi);
        if (v == FilterVerdict.ALLOWED && kfunc.sleepable() && !sleepableCallSite) return FilterVerdict.VERIFIER_SLEEPABLE;
        return v;
    }

    private static FilterVerdict visibilityAndFilter(SeriesRevision rev, ProgType type, AttachTarget target,
                                                     Kfunc kfunc, boolean configPsi) {
        boolean structOps = type == ProgType.STRUCT_OPS;
        boolean oomOps = structOps && target == AttachTarget.BPF_OOM_OPS;
        boolean psiOps = structOps && target == AttachTarget.BPF_PSI_OPS;
        if (kfunc == Kfunc.OTHER_STRUCT_OPS_KFUNC) {
            if (!structOps) return FilterVerdict.NOT_VISIBLE;
            // v3 bpf_oom_kfunc_filter runs for every STRUCT_OPS-hook kfunc and lacks a set-membership test
            if (rev == SeriesRevision.V3 && !oomOps) return FilterVerdict.EACCES_FILTER;
            return FilterVerdict.ALLOWED;
        }
        switch (rev) {
            case RFC: // everything in bpf_oom_kfuncs / memcg set, registered for TRACING, no filter
                if (kfunc == Kfunc.BPF_TASK_IS_OOM_VICTIM || kfunc == Kfunc.BPF_PSI_CREATE_TRIGGER) return FilterVerdict.NOT_VISIBLE;
                return type.inTracingHook() ? FilterVerdict.ALLOWED : FilterVerdict.NOT_VISIBLE;
            case V1: // STRUCT_OPS hook; memcg kfuncs assumed STRUCT_OPS as in v2 08 [inferred]
                if (!structOps) return FilterVerdict.NOT_VISIBLE;
                if (kfunc == Kfunc.BPF_PSI_CREATE_TRIGGER && !psiOps) return FilterVerdict.EACCES_FILTER;
                return FilterVerdict.ALLOWED;
            case V2:
                if (kfunc.memcg()) return FilterVerdict.ALLOWED; // UNSPEC since v2 10
                if (!structOps) return FilterVerdict.NOT_VISIBLE;
                if (kfunc == Kfunc.BPF_PSI_CREATE_TRIGGER) return psiOps ? FilterVerdict.ALLOWED : FilterVerdict.EACCES_FILTER;
                if (kfunc == Kfunc.BPF_OUT_OF_MEMORY) return psiOps && configPsi ? FilterVerdict.ALLOWED : FilterVerdict.EACCES_FILTER;
                return FilterVerdict.ALLOWED;
            case V3:
            case POST:
                if (kfunc == Kfunc.BPF_PSI_CREATE_TRIGGER) return FilterVerdict.NOT_VISIBLE; // PSI struct_ops dropped
                if (kfunc.memcg()) return FilterVerdict.ALLOWED; // merged, UNSPEC
                if (kfunc == Kfunc.BPF_OUT_OF_MEMORY) { // UNSPEC set + bpf_declare_oom_kfunc_filter
                    if (oomOps) return FilterVerdict.EACCES_FILTER;
                    if (type == ProgType.TRACING)
                        return target == AttachTarget.TP_BTF_PSI_AVGS_WORK && configPsi
                                ? FilterVerdict.ALLOWED : FilterVerdict.EACCES_FILTER;
                    return FilterVerdict.ALLOWED;
                }
                // bpf_oom_kill_process, bpf_task_is_oom_victim: STRUCT_OPS hook + bpf_oom_kfunc_filter
                if (!structOps) return FilterVerdict.NOT_VISIBLE;
                return oomOps ? FilterVerdict.ALLOWED : FilterVerdict.EACCES_FILTER;
            default:
                throw new IllegalArgumentException(rev.toString());
        }
    }
}
