package dev.oomspec.conformance.junit;

import dev.oomspec.conformance.target.ReferenceTarget;
import dev.oomspec.reference.bpf.AttachTarget;
import dev.oomspec.reference.bpf.BpfOomRevision;
import dev.oomspec.reference.bpf.BpfOomRevision.AttachModel;
import dev.oomspec.reference.bpf.BpfOomRevision.FilterOverride;
import dev.oomspec.reference.bpf.BpfOomRevision.KillCheck;
import dev.oomspec.reference.bpf.BpfOomRevision.ReportLine;
import dev.oomspec.reference.bpf.FilterVerdict;
import dev.oomspec.reference.bpf.Kfunc;
import dev.oomspec.reference.bpf.ProgType;
import dev.oomspec.spec.model.Revision;
import java.util.List;
import java.util.function.Consumer;

/**
 * Named mutants of the reference model: each is a revision's behaviour DATA ({@link BpfOomRevision}) with one
 * deliberate mistake, and the clauses that must catch it.
 */
public final class Mutants {

  /**
   * @param id short id
   * @param mistake what is wrong, in words
   * @param revision the revision mutated
   * @param mustFail clause ids that must fail against the mutant (at least these)
   * @param target the mutated target
   */
  public record Mutant(String id, String mistake, Revision revision, List<String> mustFail, ReferenceTarget target) {}

  /** A mutable copy of a revision's data. */
  static final class Edit {
    List<KillCheck> killChecks;
    int declaredGfpMask;
    boolean customConstraint, taskIsOomVictim;
    AttachModel attach;
    ReportLine reportLine;
    BpfOomRevision.Knobs knobs;
    private final BpfOomRevision b;

    Edit(BpfOomRevision b) {
      this.b = b;
      killChecks = b.killChecks();
      declaredGfpMask = b.declaredGfpMask();
      customConstraint = b.customConstraint();
      taskIsOomVictim = b.taskIsOomVictim();
      attach = b.attach();
      reportLine = b.reportLine();
      knobs = b.knobs();
    }

    BpfOomRevision build() {
      return new BpfOomRevision(b.revision(), b.proposed(), killChecks, b.oomSignature(), declaredGfpMask,
          customConstraint, taskIsOomVictim, b.psiStructOps(), attach, b.freedResetPerCall(), reportLine,
          b.handlerMandatory(), b.escapeHatch(), knobs);
    }
  }

  private Mutants() {}

  static Mutant mutant(String id, String mistake, Revision r, Consumer<Edit> edit, String... mustFail) {
    Edit e = new Edit(BpfOomRevision.of(ReferenceTarget.series(r), false));
    edit.accept(e);
    return new Mutant(id, mistake, r, List.of(mustFail),
        ReferenceTarget.mutant(Kit.SPEC, "mutant:" + id, r, e.build(), mistake + " (" + r + ")"));
  }

  public static List<Mutant> all() {
    return List.of(
        mutant("no-adj-min-check", "bpf_oom_kill_process() drops the OOM_SCORE_ADJ_MIN check", Revision.V3,
            e -> e.killChecks = List.of(KillCheck.UNKILLABLE_EPERM), "KILL-02"),
        mutant("flags-bit1-accepted", "bpf_out_of_memory() accepts bit 1 of flags", Revision.V3,
            e -> e.knobs = e.knobs.withValidFlags(0x3), "FLAG-v3-bit01-alone", "FLAG-v3-bit01-with-bit0"),
        mutant("order-max-plus-1", "bpf_out_of_memory() allows order MAX_PAGE_ORDER+1", Revision.V3,
            e -> e.knobs = e.knobs.withOrderBoundOffset(1), "ORDER-v3-default-max-plus-1"),
        mutant("tracing-may-declare-oom", "TRACING programs may call bpf_out_of_memory()", Revision.V3,
            e -> e.knobs = e.knobs.withFilterOverrides(List.of(
                new FilterOverride(ProgType.TRACING, null, Kfunc.BPF_OUT_OF_MEMORY, FilterVerdict.ALLOWED))),
            "FILT-v3-TRACING-fentry_s_any-s-bpf_out_of_memory"),
        mutant("return-1-is-progress", "a handler's return of 1 counts as progress without a kill", Revision.V3,
            e -> e.knobs = e.knobs.withProgressNeedsFreed(false), "HND-01-return1-no-kill"),
        mutant("adj-min-before-unkillable", "bpf_oom_kill_process() checks OOM_SCORE_ADJ_MIN before unkillable",
            Revision.V3, e -> e.killChecks = List.of(KillCheck.ADJ_MIN_EINVAL, KillCheck.UNKILLABLE_EPERM),
            "KILL-01-wins-over-02"),
        mutant("no-tryget-check", "bpf_oom_kill_process() kills a task whose reference cannot be taken", Revision.V2,
            e -> e.killChecks = List.of(KillCheck.UNKILLABLE_EPERM), "KILL-03"),
        mutant("v3-oom-policy-header", "v3 prints v2's oom_policy= header instead of the handler line", Revision.V3,
            e -> e.reportLine = ReportLine.OOM_POLICY_IN_HEADER, "REP-v3-handler"),
        mutant("v3-gfp-zero", "v3's bpf_out_of_memory() leaves gfp_mask 0 (as RFC..v2)", Revision.V3,
            e -> e.declaredGfpMask = 0, "REP-gfp-v3", "OOM-07b"),
        mutant("v2-constraint-ignored", "v2 ignores constraint_text", Revision.V2,
            e -> e.customConstraint = false, "REP-constraint-text"),
        mutant("v3-occupied-attach-allowed", "v3 attaches like post (several handlers per cgroup, no -EEXIST)",
            Revision.V3, e -> e.attach = AttachModel.CGROUP_STRUCT_OPS, "ATT-11"),
        mutant("v2-oom-ops-may-declare-oom", "v2 lets bpf_oom_ops programs call bpf_out_of_memory()", Revision.V2,
            e -> e.knobs = e.knobs.withFilterOverrides(List.of(new FilterOverride(ProgType.STRUCT_OPS,
                AttachTarget.BPF_OOM_OPS, Kfunc.BPF_OUT_OF_MEMORY, FilterVerdict.ALLOWED))),
            "FILT-v2-STRUCT_OPS-bpf_oom_ops-s-bpf_out_of_memory"),
        mutant("v2-no-victim-kfunc", "v2 without bpf_task_is_oom_victim()", Revision.V2,
            e -> e.taskIsOomVictim = false, "VICT-01-victim"),
        mutant("v3-filter-checks-membership", "v3's bpf_oom_kfunc_filter tests set membership first (post's fix)",
            Revision.V3, e -> e.knobs = e.knobs.withFilterOverrides(List.of(new FilterOverride(ProgType.STRUCT_OPS,
                AttachTarget.OTHER_STRUCT_OPS, Kfunc.OTHER_STRUCT_OPS_KFUNC, FilterVerdict.ALLOWED))),
            "FILT-v3-STRUCT_OPS-other_struct_ops-s-tcp_slow_start"));
  }
}
