package dev.oomspec.spec.model;

/**
 * {@code op: filter} — load a program of {@code progType} attached to {@code attachTarget} that calls
 * {@code kfunc} from a call site that is sleepable or not; the expectation is a {@link FilterVerdict}.
 *
 * @param progType a {@code BPF_PROG_TYPE_*} name without prefix, e.g. "STRUCT_OPS"
 * @param attachTarget section/attach target, e.g. "bpf_oom_ops", "tp_btf/psi_avgs_work", "*"
 * @param kfunc the kfunc called
 * @param sleepableSite whether the call site may sleep
 */
public record FilterCall(String progType, String attachTarget, Kfunc kfunc, boolean sleepableSite)
    implements Call {
  @Override
  public String op() {
    return "filter";
  }
}
