package dev.oomspec.reference.series.v3;

import dev.oomspec.reference.mm.OomControlView;

/**
 * struct bpf_oom_ops (include/linux/bpf_oom.h, v3 07): a loaded struct_ops map value. A member without a program is
 * null.
 *
 * @param handleOutOfMemory {@code int (*handle_out_of_memory)(struct oom_control *oc, struct bpf_struct_ops_link *st_link)}
 * @param name              {@code char name[BPF_OOM_NAME_MAX_LEN]} as user space wrote it
 */
public record BpfOomOps(HandleOutOfMemory handleOutOfMemory, String name) {
    /** BPF_OOM_NAME_MAX_LEN. */
    public static final int BPF_OOM_NAME_MAX_LEN = 64;

    /** The handle_out_of_memory program; it may call kfuncs through {@code kfuncs}. */
    @FunctionalInterface
    public interface HandleOutOfMemory {
        int handleOutOfMemory(OomControlView oc, StructOpsLink stLink, Kfuncs kfuncs);
    }
}
