package dev.oomspec.reference.bpf;

/** enum btf_kfunc_hook (kernel/bpf/btf.c): the tables kfunc sets are registered in; MAX = "no hook". */
public enum KfuncHook {
    COMMON, XDP, TC, STRUCT_OPS, TRACING, SYSCALL, FMODRET, CGROUP, SCHED_ACT, SK_SKB, SOCKET_FILTER, LWT, NETFILTER,
    KPROBE, MAX
}
