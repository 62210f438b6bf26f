package dev.oomspec.reference.bpf;

import dev.oomspec.reference.memcg.Memcg;
import dev.oomspec.reference.mm.OomControl;

/**
 * A loaded bpf_oom_ops (or the RFC fmod_ret program): its name and its handle_out_of_memory program.
 * The program sees the oom_control read-only and acts only through {@link BpfKfuncs}.
 */
public interface BpfOomHandler {
    /** bpf_oom_ops.name ("" → "bpf_defined_policy"). */
    String name();

    /** handle_out_of_memory(): return 1 to claim "memory was freed". */
    int handleOutOfMemory(OomControl oc, Ctx ctx);

    /**
     * What the program receives besides oc, per revision: v2 {@code bpf_oom_ctx.cgroup_id} (0 = system-wide),
     * v3 the link's cgroup, post {@code struct cgroup *}; RFC/v1 nothing (attachedTo null, cgroupId 0).
     */
    record Ctx(Memcg attachedTo, long cgroupId, BpfKfuncs kfuncs) {}
}
