package dev.oomspec.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.spec.model.BpfProgTypes;
import dev.oomspec.spec.model.FilterRow;
import dev.oomspec.spec.model.FilterVerdict;
import dev.oomspec.spec.model.Kfunc;
import dev.oomspec.spec.model.Revision;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class FilterMatrixCompletenessTest {
  private static final Spec SPEC = Spec.loadDefault();

  /** The kernel enum has 33 values, UNSPEC..NETFILTER (include/uapi/linux/bpf.h); every one has a kfunc-hook row. */
  @Test
  void knowsEveryProgramType() {
    assertEquals(33, BpfProgTypes.ALL.size());
    assertEquals("UNSPEC", BpfProgTypes.ALL.get(0));
    assertEquals("NETFILTER", BpfProgTypes.ALL.get(32));
  }

  /**
   * Every program type × every revision × every kfunc of that revision has rows, and each program type
   * uses the same attach targets for every kfunc: exactly one row per (revision, type, target, site, kfunc).
   */
  @Test
  void everyProgTypeRevisionAndKfuncHasExactlyOneRowPerTarget() {
    List<String> problems = new ArrayList<>();
    Map<String, Integer> count = new HashMap<>();
    Map<String, Set<String>> targets = new HashMap<>();
    for (FilterRow r : SPEC.filterMatrix()) {
      count.merge(r.revision() + "|" + r.progType() + "|" + r.attachTarget() + "|" + r.sleepableSite() + "|" + r.kfunc(), 1, Integer::sum);
      targets.computeIfAbsent(r.revision() + "|" + r.progType() + "|" + r.kfunc(), k -> new HashSet<>())
          .add(r.attachTarget() + "|" + r.sleepableSite());
      if (!SPEC.kfuncsIn(r.revision()).contains(r.kfunc())) problems.add("kfunc not in revision: line " + r.line());
    }
    for (Revision rev : Revision.values()) {
      for (String pt : BpfProgTypes.ALL) {
        Set<String> reference = null;
        for (Kfunc k : SPEC.kfuncsIn(rev)) {
          Set<String> t = targets.get(rev + "|" + pt + "|" + k);
          if (t == null) {
            problems.add("no row for " + rev + " " + pt + " " + k);
            continue;
          }
          if (reference == null) reference = t;
          else if (!reference.equals(t)) problems.add("targets differ for " + rev + " " + pt + " " + k);
        }
      }
    }
    count.forEach((k, n) -> {
      if (n != 1) problems.add(n + " rows for " + k);
    });
    assertTrue(problems.isEmpty(), String.join("\n", problems));
  }

  /** Spot checks against the words (commit messages and doc comments), not against any code. */
  @Test
  void seriesFactsSpotChecks() {
    // v3 09: "filtered out for bpf oom struct ops programs and all tracing programs"
    assertEquals(FilterVerdict.EACCES, verdict(Revision.V3, "STRUCT_OPS", "bpf_oom_ops", true, Kfunc.BPF_OUT_OF_MEMORY));
    assertEquals(FilterVerdict.EACCES, verdict(Revision.V3, "TRACING", "fentry.s/*", true, Kfunc.BPF_OUT_OF_MEMORY));
    assertEquals(FilterVerdict.EACCES, verdict(Revision.V3, "LSM", "lsm.s/*", true, Kfunc.BPF_OUT_OF_MEMORY));
    assertEquals(FilterVerdict.ALLOWED, verdict(Revision.V3, "KPROBE", "uprobe.s/*", true, Kfunc.BPF_OUT_OF_MEMORY));
    // registered for UNSPEC: visible everywhere, sleepable
    assertEquals(FilterVerdict.VERIFIER_SLEEPABLE, verdict(Revision.V3, "XDP", "*", false, Kfunc.BPF_OUT_OF_MEMORY));
    // v3 08: "supposed to be used by BPF OOM programs"
    assertEquals(FilterVerdict.ALLOWED, verdict(Revision.V3, "STRUCT_OPS", "bpf_oom_ops", true, Kfunc.BPF_OOM_KILL_PROCESS));
    assertEquals(FilterVerdict.VERIFIER_SLEEPABLE, verdict(Revision.V3, "STRUCT_OPS", "bpf_oom_ops", false, Kfunc.BPF_OOM_KILL_PROCESS));
    assertEquals(FilterVerdict.EACCES, verdict(Revision.V3, "STRUCT_OPS", "other struct_ops", true, Kfunc.BPF_TASK_IS_OOM_VICTIM));
    // a filter judges its own set: another subsystem's STRUCT_OPS kfunc stays allowed (v3 code: finding F-03)
    assertEquals(FilterVerdict.ALLOWED, verdict(Revision.V3, "STRUCT_OPS", "other struct_ops", false, Kfunc.TCP_SLOW_START));
    assertEquals(FilterVerdict.NOT_VISIBLE, verdict(Revision.V3, "TRACING", "fentry/*", false, Kfunc.TCP_SLOW_START));
    // v2: only bpf_psi_ops programs; v1: no filter; RFC: the TRACING hook
    assertEquals(FilterVerdict.ALLOWED, verdict(Revision.V2, "STRUCT_OPS", "bpf_psi_ops", true, Kfunc.BPF_OUT_OF_MEMORY));
    assertEquals(FilterVerdict.EACCES, verdict(Revision.V2, "STRUCT_OPS", "bpf_oom_ops", true, Kfunc.BPF_OUT_OF_MEMORY));
    assertEquals(FilterVerdict.ALLOWED, verdict(Revision.V1, "STRUCT_OPS", "bpf_oom_ops", true, Kfunc.BPF_OUT_OF_MEMORY));
    assertEquals(FilterVerdict.ALLOWED, verdict(Revision.RFC, "TRACING", "fmod_ret.s/bpf_handle_out_of_memory", true, Kfunc.BPF_OOM_KILL_PROCESS));
    assertEquals(FilterVerdict.NOT_VISIBLE, verdict(Revision.RFC, "STRUCT_OPS", "any struct_ops", true, Kfunc.BPF_OOM_KILL_PROCESS));
    assertEquals(FilterVerdict.NOT_LOADABLE, verdict(Revision.POST, "UNSPEC", "-", false, Kfunc.BPF_OUT_OF_MEMORY));
  }

  private static FilterVerdict verdict(Revision r, String pt, String target, boolean s, Kfunc k) {
    return SPEC.filterMatrix().stream()
        .filter(f -> f.revision() == r && f.progType().equals(pt) && f.attachTarget().equals(target) && f.sleepableSite() == s && f.kfunc() == k)
        .findFirst().orElseThrow().verdict();
  }
}
