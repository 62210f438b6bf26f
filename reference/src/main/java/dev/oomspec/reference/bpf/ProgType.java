package dev.oomspec.reference.bpf;

/** BPF program types as the kfunc hooks see them (kernel/bpf/btf.c bpf_prog_type_to_kfunc_hook). */
public enum ProgType {
    STRUCT_OPS, TRACING, TRACEPOINT, RAW_TRACEPOINT, PERF_EVENT, LSM, KPROBE, SYSCALL,
    /** SOCKET_FILTER, SCHED_CLS, XDP, CGROUP_*, … */
    OTHER;

    /** Types sharing the TRACING kfunc hook. */
    public boolean inTracingHook() {
        return this == TRACING || this == TRACEPOINT || this == RAW_TRACEPOINT || this == PERF_EVENT || this == LSM;
    }
}
