package dev.oomspec.spec.model;

import java.util.List;

/**
 * Expected outcome (closed vocabulary; which fields are required depends on the op, see
 * docs/spec-format.md). Null = not asserted.
 *
 * @param ret kfunc / attach return value
 * @param killed the target task (kfunc) or some task (dispatch) received the OOM SIGKILL
 * @param bpfMemoryFreed {@code oc->bpf_memory_freed} after the call
 * @param oomLockTaken the kfunc acquired {@code oom_lock} (false = returned before touching it)
 * @param oomInvoked {@code out_of_memory()} ran
 * @param verdict filter-matrix verdict (op filter)
 * @param handled dispatch: {@code bpf_handle_oom()} returned true
 * @param handlersRan dispatch: names of the handlers called, in call order
 * @param kernelKillerRan dispatch: {@code select_bad_process()} ran (fallback)
 * @param reportPresent report: lines that must appear, in order
 * @param reportAbsent report: formats that must not appear
 * @param retMemcg kfunc returning a {@code struct mem_cgroup *}: the memcg's path ("/" = root, "NULL")
 * @param oomLockHeldAfter kfunc bpf_out_of_memory: {@code oom_lock} is still held (by anyone) once the call returned
 */
public record Expect(
    Ret ret,
    Boolean killed,
    Boolean bpfMemoryFreed,
    Boolean oomLockTaken,
    Boolean oomInvoked,
    FilterVerdict verdict,
    Boolean handled,
    List<String> handlersRan,
    Boolean kernelKillerRan,
    List<ReportLine> reportPresent,
    List<ReportLine> reportAbsent,
    Boolean oomLockHeldAfter,
    String retMemcg) {

  public Expect withRet(Ret r) {
    return new Expect(r, killed, bpfMemoryFreed, oomLockTaken, oomInvoked, verdict, handled,
        handlersRan, kernelKillerRan, reportPresent, reportAbsent, oomLockHeldAfter, retMemcg);
  }

  public static Expect verdict(FilterVerdict v) {
    return new Expect(null, null, null, null, null, v, null, null, null, null, null, null, null);
  }
}
