package dev.oomspec.spec.model;

import java.util.List;

/**
 * {@code op: attach} — register a struct_ops map.
 *
 * @param ops "bpf_oom_ops" or "bpf_psi_ops"
 * @param api link (BPF_LINK_CREATE) or map-update (legacy, no link)
 * @param linkFlags {@code link_create.flags} as symbolic names, e.g. [BPF_F_CGROUP_FD] or ["0x1"]
 * @param cgroupFd none / valid / bad
 * @param cgroup cgroup path the fd refers to ("/" = root cgroup)
 * @param members struct_ops members that have a program (e.g. [handle_out_of_memory]); null = all
 * @param initReturns bpf_psi_ops: what its init program returns (null = 0)
 */
public record AttachCall(
    String ops,
    AttachApi api,
    List<String> linkFlags,
    CgroupFd cgroupFd,
    String cgroup,
    List<String> members,
    Integer initReturns)
    implements Call {
  @Override
  public String op() {
    return "attach";
  }
}
