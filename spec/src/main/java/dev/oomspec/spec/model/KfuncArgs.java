package dev.oomspec.spec.model;

import java.util.LinkedHashSet;
import java.util.Set;

/**
 * Arguments of a kfunc call, named after the kernel parameters without BTF suffixes. Which ones are
 * allowed/required per revision is given by {@code kfuncs.yaml} ({@code params}, {@code nullable}); the
 * {@code struct oom_control *oc} of {@code bpf_oom_kill_process} and the {@code struct bpf_psi *} of
 * {@code bpf_psi_create_trigger} are implicit (the handler's own).
 *
 * @param task "target" = the task described by {@code given.task}
 * @param message {@code message__str}
 * @param memcg {@code memcg__nullable}/{@code memcg}: "NULL", "root" or a cgroup path such as "/oom_test"
 * @param order page order
 * @param flags u64 flags as a hex string ("0x1"; all 64 bits representable)
 * @param waitOnOomLock v1's {@code bool wait_on_oom_lock}
 * @param constraintText {@code constraint_text__nullable} (v1 07, v2 14); absent = NULL
 * @param cgroupId {@code u64 cgroup_id} ("0" = system-wide) for bpf_psi_create_trigger
 * @param resource PSI resource, e.g. "PSI_MEM | BPF_PSI_FULL"
 * @param thresholdUs PSI threshold
 * @param windowUs PSI window
 * @param idx stat index / event number for the memcg stat kfuncs (symbolic, e.g. "MEMCG_NR_STAT")
 */
public record KfuncArgs(
    String task,
    String message,
    String memcg,
    Integer order,
    String flags,
    Boolean waitOnOomLock,
    String constraintText,
    String cgroupId,
    String resource,
    Long thresholdUs,
    Long windowUs,
    String idx) {

  public static final KfuncArgs NONE =
      new KfuncArgs(null, null, null, null, null, null, null, null, null, null, null, null);

  /** Names of the arguments that are present. */
  public Set<String> present() {
    Set<String> s = new LinkedHashSet<>();
    if (task != null) s.add("task");
    if (message != null) s.add("message");
    if (memcg != null) s.add("memcg");
    if (order != null) s.add("order");
    if (flags != null) s.add("flags");
    if (waitOnOomLock != null) s.add("waitOnOomLock");
    if (constraintText != null) s.add("constraintText");
    if (cgroupId != null) s.add("cgroupId");
    if (resource != null) s.add("resource");
    if (thresholdUs != null) s.add("thresholdUs");
    if (windowUs != null) s.add("windowUs");
    if (idx != null) s.add("idx");
    return s;
  }

  /** {@code flags} as an unsigned 64-bit value. */
  public long flagsValue() {
    String f = flags.startsWith("0x") ? flags.substring(2) : flags;
    return Long.parseUnsignedLong(f, 16);
  }

  public KfuncArgs withFlags(String newFlags) {
    return new KfuncArgs(task, message, memcg, order, newFlags, waitOnOomLock, constraintText, cgroupId,
        resource, thresholdUs, windowUs, idx);
  }

  public KfuncArgs withOrder(int newOrder) {
    return new KfuncArgs(task, message, memcg, newOrder, flags, waitOnOomLock, constraintText, cgroupId,
        resource, thresholdUs, windowUs, idx);
  }
}
