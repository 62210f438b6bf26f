package dev.oomspec.reference.bpf;

import dev.oomspec.reference.mm.Gfp;
import java.util.List;

/**
 * What one revision of the series does — data, chosen by {@link #of(SeriesRevision, boolean)}.
 *
 * @param revision          the revision
 * @param proposed          the review's proposed variant (R-15/R-16, off by default)
 * @param killChecks        bpf_oom_kill_process() checks in kernel order (§4.1)
 * @param oomSignature      bpf_out_of_memory() parameter list (§3.3)
 * @param declaredGfpMask   gfp_mask of the oom_control built by bpf_out_of_memory(): 0 RFC–v2 (OOM-07), GFP_KERNEL v3+
 * @param customConstraint  v1 07 / v2 14: CONSTRAINT_BPF + constraint text (OOM-08)
 * @param taskIsOomVictim   bpf_task_is_oom_victim() exists (v1+)
 * @param psiStructOps      bpf_psi_ops + bpf_psi_create_trigger() (v1, v2)
 * @param attach            attach model (§6)
 * @param freedResetPerCall bpf_memory_freed cleared before each handler call (HND-02: v2+)
 * @param reportLine        how the running handler shows in the report (§8)
 * @param handlerMandatory  OPS-01 check_member: -EINVAL without handle_out_of_memory (v2+)
 * @param escapeHatch       proposed P-05: an escape-hatch callback while waiting on oom_lock
 * @param knobs             checks stated as data (flag mask, order bound, progress rule, filter overrides);
 *                          {@link Knobs#SERIES} in every revision, changed only to build mutants
 */
public record BpfOomRevision(
        SeriesRevision revision, boolean proposed, List<KillCheck> killChecks, OomSignature oomSignature,
        int declaredGfpMask, boolean customConstraint, boolean taskIsOomVictim, boolean psiStructOps,
        AttachModel attach, boolean freedResetPerCall, ReportLine reportLine, boolean handlerMandatory,
        boolean escapeHatch, Knobs knobs) {

    /** The revision as the series defines it (knobs = {@link Knobs#SERIES}). */
    public BpfOomRevision(
            SeriesRevision revision, boolean proposed, List<KillCheck> killChecks, OomSignature oomSignature,
            int declaredGfpMask, boolean customConstraint, boolean taskIsOomVictim, boolean psiStructOps,
            AttachModel attach, boolean freedResetPerCall, ReportLine reportLine, boolean handlerMandatory,
            boolean escapeHatch) {
        this(revision, proposed, killChecks, oomSignature, declaredGfpMask, customConstraint, taskIsOomVictim,
                psiStructOps, attach, freedResetPerCall, reportLine, handlerMandatory, escapeHatch, Knobs.SERIES);
    }

    /**
     * Checks of the series written as data rather than code, so a conformance kit can build mutants of a revision.
     *
     * @param validFlags         bits of bpf_out_of_memory()'s flags that are accepted: BPF_OOM_FLAGS_LAST - 1 (OOM-01)
     * @param orderBoundOffset   added to MAX_PAGE_ORDER in the order check (OOM-02): 0
     * @param progressNeedsFreed a handler's non-zero return counts only with bpf_memory_freed set (HND-01): true
     * @param filterOverrides    filter verdicts replacing {@link KfuncFilter}'s for matching calls: none
     */
    public record Knobs(long validFlags, int orderBoundOffset, boolean progressNeedsFreed,
                        List<FilterOverride> filterOverrides) {
        public static final Knobs SERIES = new Knobs(BpfKfuncs.BPF_OOM_FLAGS_LAST - 1, 0, true, List.of());

        public Knobs { filterOverrides = List.copyOf(filterOverrides); }
        public Knobs withValidFlags(long v) { return new Knobs(v, orderBoundOffset, progressNeedsFreed, filterOverrides); }
        public Knobs withOrderBoundOffset(int v) { return new Knobs(validFlags, v, progressNeedsFreed, filterOverrides); }
        public Knobs withProgressNeedsFreed(boolean v) { return new Knobs(validFlags, orderBoundOffset, v, filterOverrides); }
        public Knobs withFilterOverrides(List<FilterOverride> v) { return new Knobs(validFlags, orderBoundOffset, progressNeedsFreed, v); }
    }

    /** A filter verdict for (program type, attach target or null = any, kfunc), before the sleepable test. */
    public record FilterOverride(ProgType progType, AttachTarget attachTarget, Kfunc kfunc, FilterVerdict verdict) {
        boolean matches(ProgType t, AttachTarget a, Kfunc k) {
            return t == progType && k == kfunc && (attachTarget == null || attachTarget == a);
        }
    }

    public BpfOomRevision withKnobs(Knobs k) {
        return new BpfOomRevision(revision, proposed, killChecks, oomSignature, declaredGfpMask, customConstraint,
                taskIsOomVictim, psiStructOps, attach, freedResetPerCall, reportLine, handlerMandatory, escapeHatch, k);
    }

    public BpfOomRevision withKillChecks(List<KillCheck> checks) {
        return new BpfOomRevision(revision, proposed, checks, oomSignature, declaredGfpMask, customConstraint,
                taskIsOomVictim, psiStructOps, attach, freedResetPerCall, reportLine, handlerMandatory, escapeHatch, knobs);
    }

    /** One check of bpf_oom_kill_process() and its result. */
    public enum KillCheck {
        /** KILL-01: oom_unkillable_task() → -EPERM. */
        UNKILLABLE_EPERM,
        /** KILL-03 (RFC–v2): tryget_task_struct() fails → -EINVAL. */
        TRYGET_EINVAL,
        /** KILL-02 (v3, post): oom_score_adj == OOM_SCORE_ADJ_MIN → -EINVAL. */
        ADJ_MIN_EINVAL,
        /** P-01 proposed: unkillable or OOM_SCORE_ADJ_MIN folded into one check → -EPERM. */
        UNKILLABLE_OR_ADJ_MIN_EPERM,
        /** P-02 proposed: MMF_OOM_SKIP → -EPERM (errno is the model's: same conditional as P-01). */
        OOM_SKIP_EPERM,
        /** P-03 proposed: in_vfork() → -EPERM (same). */
        IN_VFORK_EPERM
    }

    /** bpf_out_of_memory() signatures. */
    public enum OomSignature {
        /** RFC 10: (memcg__nullable, order) — always trylock. */
        MEMCG_ORDER,
        /** v1 06/07: (memcg__nullable, order, bool wait_on_oom_lock, constraint_text__nullable). */
        MEMCG_ORDER_WAIT_CONSTRAINT,
        /** v2 13/14: (memcg__nullable, order, u64 flags, constraint_text__nullable). */
        MEMCG_ORDER_FLAGS_CONSTRAINT,
        /** v3 09, post: (memcg__nullable, order, u64 flags). */
        MEMCG_ORDER_FLAGS
    }

    /** Attachment models (§6). */
    public enum AttachModel {
        /** RFC: one fmod_ret program on bpf_handle_out_of_memory. */
        FMOD_RET,
        /** v1: global list of bpf_oom_ops, head insertion. */
        GLOBAL_LIST,
        /** v2: one system-wide slot + one per memcg, -EBUSY when taken. */
        SYSTEM_AND_MEMCG_SLOTS,
        /** v3: struct_ops link per cgroup (BPF_F_CGROUP_FD), root = system-wide. */
        CGROUP_LINK,
        /** post: generic cgroup struct_ops (unmerged layer; errors unspecified). */
        CGROUP_STRUCT_OPS
    }

    /** §8 report changes. */
    public enum ReportLine { NONE, OOM_POLICY_IN_HEADER, HANDLER_LINE }

    public static BpfOomRevision of(SeriesRevision r) { return of(r, false); }

    public static BpfOomRevision of(SeriesRevision r, boolean proposed) {
        List<KillCheck> checks = switch (r) {
            case RFC, V1, V2 -> List.of(KillCheck.UNKILLABLE_EPERM, KillCheck.TRYGET_EINVAL);
            case V3, POST -> List.of(KillCheck.UNKILLABLE_EPERM, KillCheck.ADJ_MIN_EINVAL);
        };
        if (proposed) checks = switch (r) {
            case RFC, V1, V2 -> List.of(KillCheck.UNKILLABLE_OR_ADJ_MIN_EPERM, KillCheck.OOM_SKIP_EPERM,
                    KillCheck.IN_VFORK_EPERM, KillCheck.TRYGET_EINVAL);
            case V3, POST -> List.of(KillCheck.UNKILLABLE_OR_ADJ_MIN_EPERM, KillCheck.OOM_SKIP_EPERM,
                    KillCheck.IN_VFORK_EPERM);
        };
        return switch (r) {
            case RFC -> new BpfOomRevision(r, proposed, checks, OomSignature.MEMCG_ORDER, 0, false, false, false,
                    AttachModel.FMOD_RET, false, ReportLine.NONE, false, false);
            case V1 -> new BpfOomRevision(r, proposed, checks, OomSignature.MEMCG_ORDER_WAIT_CONSTRAINT, 0, true, true,
                    true, AttachModel.GLOBAL_LIST, false, ReportLine.OOM_POLICY_IN_HEADER, false, proposed);
            case V2 -> new BpfOomRevision(r, proposed, checks, OomSignature.MEMCG_ORDER_FLAGS_CONSTRAINT, 0, true, true,
                    true, AttachModel.SYSTEM_AND_MEMCG_SLOTS, true, ReportLine.OOM_POLICY_IN_HEADER, true, proposed);
            case V3 -> new BpfOomRevision(r, proposed, checks, OomSignature.MEMCG_ORDER_FLAGS, Gfp.GFP_KERNEL, false,
                    true, false, AttachModel.CGROUP_LINK, true, ReportLine.HANDLER_LINE, true, proposed);
            case POST -> new BpfOomRevision(r, proposed, checks, OomSignature.MEMCG_ORDER_FLAGS, Gfp.GFP_KERNEL, false,
                    true, false, AttachModel.CGROUP_STRUCT_OPS, true, ReportLine.HANDLER_LINE, true, proposed);
        };
    }
}
