package dev.oomspec.reference.bpf;

import dev.oomspec.reference.uapi.BpfProgType;

/**
 * The parts of {@code struct bpf_prog} the kfunc filters read: {@code prog->type},
 * {@code prog->aux->attach_btf_id} (named by its BTF type, e.g. "struct bpf_oom_ops",
 * "typedef btf_trace_psi_avgs_work"; null when none), {@code prog->aux->st_ops} (the struct_ops descriptor's name,
 * e.g. "bpf_psi_ops"; null for non-struct_ops programs), {@code prog->sleepable}, and for EXT programs the type of
 * the program they replace ({@code prog->aux->dst_prog->type}, null when not known).
 */
public record BpfProg(BpfProgType type, String attachBtfId, String stOps, boolean sleepable, BpfProgType dstProgType) {

    /** A struct_ops program of {@code struct <ops>} (attach_btf_id = the struct, st_ops = its descriptor). */
    public static BpfProg structOps(String ops, boolean sleepable) {
        return new BpfProg(BpfProgType.STRUCT_OPS, "struct " + ops, ops, sleepable, null);
    }

    /** A program of {@code type} attached to the BTF type {@code attachBtfId} (null = none). */
    public static BpfProg of(BpfProgType type, String attachBtfId, boolean sleepable) {
        return new BpfProg(type, attachBtfId, null, sleepable, null);
    }

    /** resolve_prog_type() (include/linux/bpf_verifier.h): an EXT program is verified as its target's type. */
    public BpfProgType resolveProgType() {
        return type == BpfProgType.EXT && dstProgType != null ? dstProgType : type;
    }
}
