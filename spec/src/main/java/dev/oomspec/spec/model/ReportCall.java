package dev.oomspec.spec.model;

/**
 * {@code op: report} — produce an OOM report in a scenario and look at its lines.
 *
 * @param scenario which report
 * @param handlerName ops name of the handler involved (when one is)
 * @param message {@code message__str} of bpf_oom_kill_process, when a handler kills
 * @param constraintText v1/v2 {@code constraint_text__nullable} of bpf_out_of_memory (absent = NULL)
 */
public record ReportCall(
    ReportScenario scenario, String handlerName, String message, String constraintText)
    implements Call {
  @Override
  public String op() {
    return "report";
  }
}
