package dev.oomspec.reference.uapi;

/** Link-create flags of include/uapi/linux/bpf.h used by the series. */
public final class BpfLink {
    private BpfLink() {}

    /** BPF_F_PREORDER (1U << 6), mainline. */
    public static final int BPF_F_PREORDER = 1 << 6;
    /** BPF_F_CGROUP_FD (1U << 7), added by v3 02 (Hui Zhu RFC v7 02/11, Message-ID a7bf069c…@kylinos.cn). */
    public static final int BPF_F_CGROUP_FD = 1 << 7;
}
