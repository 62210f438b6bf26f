package dev.oomspec.spec.model;

import java.util.List;

/**
 * {@code op: dispatch} — an OOM happens; attached handlers are called per the revision's rules.
 *
 * @param oom "global" or the path of the OOMing memcg
 * @param handlers attached handlers; for v1 the list order is the load order
 */
public record DispatchCall(String oom, List<Handler> handlers) implements Call {
  @Override
  public String op() {
    return "dispatch";
  }
}
