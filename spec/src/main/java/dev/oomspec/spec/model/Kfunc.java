package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Every kfunc of the series and the merged memcg kfuncs it relies on (kernel spelling). */
public enum Kfunc implements Vocab.Spelled {
  BPF_OOM_KILL_PROCESS("bpf_oom_kill_process"),
  BPF_OUT_OF_MEMORY("bpf_out_of_memory"),
  BPF_TASK_IS_OOM_VICTIM("bpf_task_is_oom_victim"),
  BPF_PSI_CREATE_TRIGGER("bpf_psi_create_trigger"),
  BPF_GET_MEM_CGROUP("bpf_get_mem_cgroup"),
  BPF_PUT_MEM_CGROUP("bpf_put_mem_cgroup"),
  BPF_GET_ROOT_MEM_CGROUP("bpf_get_root_mem_cgroup"),
  /** RFC only; became bpf_mem_cgroup_vm_events in v2. */
  BPF_MEM_CGROUP_EVENTS("bpf_mem_cgroup_events"),
  BPF_MEM_CGROUP_VM_EVENTS("bpf_mem_cgroup_vm_events"),
  BPF_MEM_CGROUP_MEMORY_EVENTS("bpf_mem_cgroup_memory_events"),
  BPF_MEM_CGROUP_USAGE("bpf_mem_cgroup_usage"),
  BPF_MEM_CGROUP_PAGE_STATE("bpf_mem_cgroup_page_state"),
  BPF_MEM_CGROUP_FLUSH_STATS("bpf_mem_cgroup_flush_stats"),
  /**
   * Not a kfunc of the series: a kfunc another subsystem registers for the STRUCT_OPS hook (net/ipv4/bpf_tcp_ca.c,
   * no filter of its own). The filter matrix uses it as the witness for R-19: the v3 bpf_oom_kfunc_filter has no
   * set-membership test and so also rejects the other subsystems' kfuncs.
   */
  TCP_SLOW_START("tcp_slow_start");

  private final String spelling;

  Kfunc(String spelling) {
    this.spelling = spelling;
  }

  /** The spelling used in the data files. */
  @JsonValue
  @Override
  public String spelling() {
    return spelling;
  }

  /** Strict lookup by spelling; unknown values are an error. */
  @JsonCreator
  public static Kfunc of(String text) {
    return Vocab.parse(Kfunc.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
