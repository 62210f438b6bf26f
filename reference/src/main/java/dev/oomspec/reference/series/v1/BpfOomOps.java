package dev.oomspec.reference.series.v1;

import dev.oomspec.reference.mm.OomControlView;

/**
 * struct bpf_oom_ops of v1 (include/linux/bpf_oom.h, v1 01/14, Message-ID
 * 20250818170136.209169-2-roman.gushchin@linux.dev): a loaded struct_ops map value; a member without a program is null.
 *
 * @param handleOutOfMemory {@code int (*handle_out_of_memory)(struct oom_control *oc)}
 * @param name              {@code char name[BPF_OOM_NAME_MAX_LEN]}
 */
public record BpfOomOps(HandleOutOfMemory handleOutOfMemory, String name) {
    public static final int BPF_OOM_NAME_MAX_LEN = 64;

    @FunctionalInterface
    public interface HandleOutOfMemory {
        int handleOutOfMemory(OomControlView oc, Kfuncs kfuncs);
    }
}
