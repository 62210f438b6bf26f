package dev.oomspec.reference.uapi;

/** enum bpf_prog_type (include/uapi/linux/bpf.h), in UAPI order: UNSPEC = 0 .. NETFILTER = 32. */
public enum BpfProgType {
    UNSPEC, SOCKET_FILTER, KPROBE, SCHED_CLS, SCHED_ACT, TRACEPOINT, XDP, PERF_EVENT, CGROUP_SKB, CGROUP_SOCK,
    LWT_IN, LWT_OUT, LWT_XMIT, SOCK_OPS, SK_SKB, CGROUP_DEVICE, SK_MSG, RAW_TRACEPOINT, CGROUP_SOCK_ADDR,
    LWT_SEG6LOCAL, LIRC_MODE2, SK_REUSEPORT, FLOW_DISSECTOR, CGROUP_SYSCTL, RAW_TRACEPOINT_WRITABLE, CGROUP_SOCKOPT,
    TRACING, STRUCT_OPS, EXT, LSM, SK_LOOKUP, SYSCALL, NETFILTER;

    /** The value without the {@code BPF_PROG_TYPE_} prefix, e.g. "STRUCT_OPS" → STRUCT_OPS; null if unknown. */
    public static BpfProgType parse(String name) {
        String n = name.startsWith("BPF_PROG_TYPE_") ? name.substring("BPF_PROG_TYPE_".length()) : name;
        for (BpfProgType t : values()) if (t.name().equals(n)) return t;
        return null;
    }
}
