package dev.oomspec.reference.policy;

/**
 * {@code struct bpf_oom_ops} as a policy author fills it in, for v3 and post-v3 (their struct has exactly these two
 * members: v3 {@code include/linux/bpf_oom.h}, rgushchin/linux 54177e7f; post-v3 f8f699c3). v2's
 * {@code handle_cgroup_offline} member is gone from v3 on (a cgroup's removal detaches its struct_ops), so it has no
 * counterpart here.
 *
 * <pre>{@code
 * SEC("struct_ops.s/handle_out_of_memory")
 * int BPF_PROG(my_oom, struct oom_control *oc, struct cgroup *cgrp)       // post-v3
 * int BPF_PROG(my_oom, struct oom_control *oc, struct bpf_struct_ops_link *st_link)  // v3: cgrp = st_link->cgroup
 * }</pre>
 */
public interface OomPolicy {
    /** {@code char name[BPF_OOM_NAME_MAX_LEN]}: printed as "oom bpf handler: NAME" in the OOM report of a kill. */
    String name();

    /**
     * {@code handle_out_of_memory}: called from {@code bpf_handle_oom()} right before the kernel selects a victim.
     * Return 1 after freeing memory (a successful {@code bpf_oom_kill_process()} marks it); returning 0, or 1 without
     * a kill, lets the next handler up the cgroup tree run and then the kernel's own OOM killer.
     *
     * @param oc       the OOM (read-only, as the verifier gives it)
     * @param attached the cgroup this instance is attached to (post-v3: {@code cgrp}; v3: {@code st_link->cgroup})
     * @param bpf      the kfuncs this program may call
     */
    int handleOutOfMemory(OomControl oc, Cgroup attached, Kfuncs bpf);
}
