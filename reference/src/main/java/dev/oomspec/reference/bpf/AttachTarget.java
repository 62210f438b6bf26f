package dev.oomspec.reference.bpf;

/** prog->aux->attach_btf_id, reduced to what the filters test. */
public enum AttachTarget {
    BPF_OOM_OPS, BPF_PSI_OPS, OTHER_STRUCT_OPS,
    /** tp_btf/psi_avgs_work (v3). */
    TP_BTF_PSI_AVGS_WORK,
    /** any other TRACING attach (fentry, fexit, fmod_ret, iter, other tp_btf). */
    OTHER_TRACING,
    NONE
}
