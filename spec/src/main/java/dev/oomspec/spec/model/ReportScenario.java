package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Which OOM report a report clause looks at. */
public enum ReportScenario implements Vocab.Spelled {
  /** A BPF handler killed with bpf_oom_kill_process(). */
  BPF_HANDLER_KILL("bpf-handler-kill"),
  /** No BPF handler attached; the kernel OOM killer chose. */
  KERNEL_KILL("kernel-kill"),
  /** A handler ran but did not handle; the kernel killer chose. */
  KERNEL_KILL_AFTER_FALLBACK("kernel-kill-after-fallback"),
  /** An OOM declared by bpf_out_of_memory(), killed by the kernel. */
  BPF_OUT_OF_MEMORY("bpf-out-of-memory");

  private final String spelling;

  ReportScenario(String spelling) {
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
  public static ReportScenario of(String text) {
    return Vocab.parse(ReportScenario.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
