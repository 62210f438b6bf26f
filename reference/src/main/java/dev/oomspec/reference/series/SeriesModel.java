package dev.oomspec.reference.series;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.mm.BpfOomHook;
import dev.oomspec.reference.mm.OomControl;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * One revision of the series booted on a world (its initcalls have run): the generic face that the facade and the
 * conformance adapter drive. Each revision package implements it in its {@code Series} class by calling that
 * revision's own transcribed functions.
 */
public interface SeriesModel {
    SeriesRevision revision();

    /** "RFC", "v1", …, "v3-proposed". */
    String id();

    Boot boot();

    /** The series' edits to mm/oom_kill.c (installed into the world by the facade). */
    BpfOomHook hook();

    /**
     * A kfunc called by {@code caller}: the verifier's verdict for that program, then the kfunc body; {@code oc} is the
     * {@code struct oom_control} a kfunc taking one receives (the caller's handler's).
     */
    Outcome kfunc(BpfProg caller, String kfunc, KfuncArgs args, OomControl oc);

    /** The program type of this revision's OOM handler (RFC: fmod_ret tracing; v1+: bpf_oom_ops struct_ops). */
    BpfProg handlerProg();

    /** Registers a bpf_oom_ops (RFC: the fmod_ret program) named {@code name} with {@code handler}, by this revision's rules. */
    Outcome attachOom(AttachRequest req, String name, Handler handler);

    /**
     * Releases the link of the bpf_oom_ops that {@link #attachOom} registered under {@code name} through
     * BPF_LINK_CREATE (its last fd closed): bpf_struct_ops_map_link_dealloc(), which calls the ops' unreg.
     */
    default Outcome releaseOomLink(String name) { return Outcome.no(id() + ": releasing a bpf_oom_ops link is not modelled"); }

    /** The members of this revision's struct bpf_psi_ops, in declaration order (empty: the revision has none). */
    default java.util.List<String> psiOpsMembers() { return java.util.List.of(); }

    /** Whether the task that loads and registers programs has CAP_SYS_RESOURCE (default: it has; only PSI asks). */
    default void setCapSysResource(boolean capable) { }

    /** Registers a bpf_psi_ops with programs for {@code members}; its init program returns {@code init}. */
    default Outcome attachPsi(Set<String> members, IntSupplier init) {
        return Outcome.no(id() + " has no bpf_psi_ops");
    }
}
