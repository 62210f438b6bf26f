package dev.oomspec.conformance.target;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.bpf.Verifier;
import dev.oomspec.reference.mm.MemcgStat;
import dev.oomspec.reference.series.KfuncArgs;
import dev.oomspec.reference.series.SeriesModel;
import dev.oomspec.reference.uapi.BpfProgType;
import java.util.List;

/** Vocabulary translation between the spec's words and the model's kernel objects (no expected values here). */
final class Calls {
  private Calls() {}

  /**
   * "The caller is a correctly typed program": the first of these programs that the revision's own verifier lets call
   * {@code kfunc} — the revision's OOM handler, a bpf_psi_ops program, a SYSCALL program, a tp_btf/psi_avgs_work
   * program calling from a sleepable callback. Null when none may.
   */
  static BpfProg caller(SeriesModel s, String kfunc) {
    List<BpfProg> candidates = List.of(s.handlerProg(), BpfProg.structOps("bpf_psi_ops", true),
        BpfProg.of(BpfProgType.SYSCALL, null, true),
        BpfProg.of(BpfProgType.TRACING, "typedef btf_trace_psi_avgs_work", true));
    for (BpfProg p : candidates)
      if (Verifier.checkKfuncCall(s.boot().btf(), p, kfunc) == Verifier.KfuncVerdict.ALLOWED) return p;
    return null;
  }

  /** The program a filter row describes: its type, attach target and whether the call site may sleep. */
  static BpfProg filterProg(String progType, String attachTarget, boolean sleepableSite) {
    BpfProgType t = BpfProgType.parse(progType);
    if (t == null) throw new IllegalArgumentException("unknown program type " + progType);
    return switch (t) {
      case STRUCT_OPS -> BpfProg.structOps(attachTarget, sleepableSite);
      case TRACING -> BpfProg.of(t, attachTarget.startsWith("tp_btf/")
          ? "typedef btf_trace_" + attachTarget.substring("tp_btf/".length()) : "func " + attachTarget, sleepableSite);
      default -> BpfProg.of(t, null, sleepableSite);
    };
  }

  static String spell(Verifier.KfuncVerdict v) {
    return switch (v) {
      case ALLOWED -> "allowed";
      case FILTERED -> "EACCES";
      case NOT_VISIBLE -> "not-visible";
      case NOT_SLEEPABLE -> "verifier-sleepable";
      case NOT_LOADABLE -> "not-loadable";
      case INHERITS_TARGET -> "inherits-target";
    };
  }

  /** enum psi_res (PSI_IO, PSI_MEM, PSI_CPU, PSI_IRQ), NR_PSI_RESOURCES and BPF_PSI_FULL, '|'-combined; null if unknown. */
  static Integer psiResource(String text) {
    if (text == null) return null;
    int v = 0;
    for (String part : text.split("\\|")) {
      switch (part.trim()) {
        case "PSI_IO" -> v |= 0;
        case "PSI_MEM" -> v |= 1;
        case "PSI_CPU" -> v |= 2;
        case "PSI_IRQ" -> v |= 3;
        case "NR_PSI_RESOURCES" -> v |= 4;
        case "BPF_PSI_FULL", "PSI_FULL" -> v |= 0x80000000;
        default -> {
          return null;
        }
      }
    }
    return v;
  }

  /** A memcg stat item by name (the model keeps NR_FILE_PAGES and the end marker MEMCG_NR_STAT); null if unknown. */
  /** An enum memcg_memory_event name (MEMCG_LOW … MEMCG_OOM_GROUP_KILL) as the model's event, or null. */
  static dev.oomspec.reference.mm.Memcg.Event memcgEvent(String name) {
    if (name == null || !name.startsWith("MEMCG_")) return null;
    for (var e : dev.oomspec.reference.mm.Memcg.Event.values()) if (name.equals("MEMCG_" + e.name())) return e;
    return null;
  }

  static Integer memcgStatIndex(String idx) {
    if (idx == null) return null;
    return switch (idx) {
      case "NR_FILE_PAGES" -> MemcgStat.NR_FILE_PAGES;
      case "MEMCG_NR_STAT" -> MemcgStat.MEMCG_NR_STAT;
      case "MEMCG_NR_MEMORY_EVENTS" -> dev.oomspec.reference.mm.Memcg.Event.values().length;
      default -> memcgEvent(idx) != null ? memcgEvent(idx).ordinal() : idx.matches("-?\\d+") ? Integer.valueOf(idx) : null;
    };
  }

  /** A spec kfunc call's arguments in the model's revision-neutral form (kernel parameter names). */
  static KfuncArgs args(Fixture f, dev.oomspec.spec.model.KfuncArgs a, dev.oomspec.spec.model.Given g) {
    KfuncArgs k = new KfuncArgs();
    if (a.task() != null) k.task(f.target(g.task()));
    if (a.message() != null) k.message(a.message());
    if (a.memcg() != null) k.memcg(f.memcg(a.memcg()));
    if (a.order() != null) k.order(a.order());
    if (a.flags() != null) k.flags(a.flagsValue());
    if (a.waitOnOomLock() != null) k.waitOnOomLock(a.waitOnOomLock());
    if (a.constraintText() != null) k.constraintText(a.constraintText());
    if (a.cgroupId() != null)
      k.cgroupId(a.cgroupId().matches("\\d+") ? Long.parseLong(a.cgroupId()) : f.memcg(a.cgroupId()).cgroupId());
    if (a.resource() != null) {
      Integer r = psiResource(a.resource());
      if (r != null) k.resource(r);
    }
    if (a.thresholdUs() != null) k.thresholdUs(a.thresholdUs());
    if (a.windowUs() != null) k.windowUs(a.windowUs());
    if (a.idx() != null) {
      Integer i = memcgStatIndex(a.idx());
      if (i != null) k.idx(i);
    }
    return k;
  }
}
