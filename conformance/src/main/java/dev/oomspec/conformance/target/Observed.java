package dev.oomspec.conformance.target;

import java.util.List;

/**
 * What a target observed, field for field the vocabulary of {@code expect} (docs/spec-format.md). Null = the
 * target did not observe that field for this op.
 *
 * @param ret kfunc / attach return value
 * @param killed kfunc: the target task got SIGKILL; dispatch / bpf_out_of_memory: some task did
 * @param bpfMemoryFreed {@code oc->bpf_memory_freed} afterwards
 * @param oomLockTaken the call acquired {@code oom_lock}
 * @param oomInvoked {@code out_of_memory()} ran
 * @param verdict filter verdict, spelled as in the spec ({@code allowed}, {@code EACCES}, …)
 * @param handled dispatch: {@code bpf_handle_oom()} result
 * @param handlersRan dispatch: handler names in call order
 * @param kernelKillerRan dispatch: {@code select_bad_process()} ran
 * @param reportLines the OOM report, one line per element
 * @param retMemcg a returned {@code struct mem_cgroup *}: its path ("/" = root, "NULL")
 * @param oomLockHeldAfter bpf_out_of_memory: {@code oom_lock} still held (by anyone) once the call returned
 */
public record Observed(
    Long ret,
    Boolean killed,
    Boolean bpfMemoryFreed,
    Boolean oomLockTaken,
    Boolean oomInvoked,
    String verdict,
    Boolean handled,
    List<String> handlersRan,
    Boolean kernelKillerRan,
    List<String> reportLines,
    Boolean oomLockHeldAfter,
    String retMemcg) {

  public static Observed ret(long ret) {
    return new Observed(ret, null, null, null, null, null, null, null, null, null, null, null);
  }

  public static Observed verdict(String v) {
    return new Observed(null, null, null, null, null, v, null, null, null, null, null, null);
  }

  public static Observed report(List<String> lines) {
    return new Observed(null, null, null, null, null, null, null, null, null, List.copyOf(lines), null, null);
  }
}
