package dev.oomspec.reference.bpf;

import dev.oomspec.reference.Errno;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * kernel/sched/bpf_psi.c of v1 12 / v2 20: registering a {@code struct bpf_psi_ops} (bpf-oom-series.md §10 ATT-16).
 * Only the registration rules are modelled; PSI triggers and their events are not.
 */
public final class BpfPsi {
    /** The members a bpf_psi_ops map must have a program for. */
    public static final Set<String> MANDATORY = Set.of("init", "handle_psi_event");

    private BpfPsi() {}

    /**
     * Registration: -EINVAL unless {@code init} and {@code handle_psi_event} have programs; otherwise the result of
     * {@code init()}. The -ENOMEM of a failed allocation is not modelled (the model never fails to allocate).
     *
     * @param rev     the revision; without bpf_psi_ops (RFC, v3, post) there is nothing to register
     * @param members the struct_ops members that have a program
     * @param init    the init program
     */
    public static int reg(BpfOomRevision rev, Set<String> members, IntSupplier init) {
        if (!rev.psiStructOps()) throw new UnsupportedOperationException("no bpf_psi_ops in " + rev.revision());
        if (!members.containsAll(MANDATORY)) return Errno.EINVAL.neg();
        return init.getAsInt();
    }
}
