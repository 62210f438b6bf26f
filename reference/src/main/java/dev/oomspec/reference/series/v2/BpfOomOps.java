package dev.oomspec.reference.series.v2;

import dev.oomspec.reference.mm.OomControlView;

/**
 * struct bpf_oom_ops of v2 (include/linux/bpf_oom.h, v2 06/23, Message-ID
 * 20251027231727.472628-7-roman.gushchin@linux.dev): a loaded struct_ops map value; a member without a program is null.
 *
 * @param handleOutOfMemory   {@code int (*handle_out_of_memory)(struct oom_control *oc, struct bpf_oom_ctx *ctx)}
 * @param handleCgroupOffline {@code void (*handle_cgroup_offline)(u64 cgroup_id, struct bpf_oom_ctx *ctx)}
 * @param name                {@code char name[BPF_OOM_NAME_MAX_LEN]}
 */
public record BpfOomOps(HandleOutOfMemory handleOutOfMemory, HandleCgroupOffline handleCgroupOffline, String name) {
    public static final int BPF_OOM_NAME_MAX_LEN = 64;

    /** struct bpf_oom_ctx { u64 cgroup_id; }: 0 for the system-wide handler. */
    public record BpfOomCtx(long cgroupId) {}

    @FunctionalInterface
    public interface HandleOutOfMemory {
        int handleOutOfMemory(OomControlView oc, BpfOomCtx ctx, Kfuncs kfuncs);
    }

    @FunctionalInterface
    public interface HandleCgroupOffline {
        void handleCgroupOffline(long cgroupId, BpfOomCtx ctx);
    }
}
