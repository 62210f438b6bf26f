package dev.oomspec.spec.model;

import java.util.List;

/**
 * Every value of {@code enum bpf_prog_type} in the kernel UAPI (torvalds/linux,
 * include/uapi/linux/bpf.h; BPF_PROG_TYPE_NETFILTER, added in 6.4, is the last value before
 * {@code __MAX_BPF_PROG_TYPE} up to 7.1), without the {@code BPF_PROG_TYPE_} prefix, in enum order.
 */
public final class BpfProgTypes {
  private BpfProgTypes() {}

  public static final List<String> ALL =
      List.of(
          "UNSPEC", "SOCKET_FILTER", "KPROBE", "SCHED_CLS", "SCHED_ACT", "TRACEPOINT", "XDP",
          "PERF_EVENT", "CGROUP_SKB", "CGROUP_SOCK", "LWT_IN", "LWT_OUT", "LWT_XMIT", "SOCK_OPS",
          "SK_SKB", "CGROUP_DEVICE", "SK_MSG", "RAW_TRACEPOINT", "CGROUP_SOCK_ADDR",
          "LWT_SEG6LOCAL", "LIRC_MODE2", "SK_REUSEPORT", "FLOW_DISSECTOR", "CGROUP_SYSCTL",
          "RAW_TRACEPOINT_WRITABLE", "CGROUP_SOCKOPT", "TRACING", "STRUCT_OPS", "EXT", "LSM",
          "SK_LOOKUP", "SYSCALL", "NETFILTER");

  public static boolean known(String name) {
    return ALL.contains(name);
  }
}
