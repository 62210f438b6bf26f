package dev.oomspec.conformance.runner;

import dev.oomspec.conformance.target.Target;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Names a reviewer reads: the series' areas in words, and revisions with their chronological position so that
 * anything sorted by name (Allure's trees) lists them RFC, v1, v2, v3, post.
 */
public final class ReportNames {
  private static final Map<String, String> AREAS = Map.ofEntries(
      Map.entry("return-codes", "Kfunc return codes"),
      Map.entry("flags", "bpf_out_of_memory() flags"),
      Map.entry("order-bounds", "bpf_out_of_memory() order bounds"),
      Map.entry("kfunc-filter", "Kfunc filter: who may call what"),
      Map.entry("attach", "Attaching a handler"),
      Map.entry("dispatch", "Handler dispatch"),
      Map.entry("report", "OOM report lines"),
      Map.entry("proposed", "Review proposals"),
      Map.entry("documentation", "Documentation"),
      Map.entry("program-checks", "What the program must check"),
      Map.entry("struct-ops", "struct_ops registration"),
      Map.entry("verifier", "Verifier"));

  private ReportNames() {}

  /** {@code return-codes} → "Kfunc return codes"; an area not listed here: dashes to spaces, first letter up. */
  public static String area(String area) {
    if (area == null || area.isBlank()) return "Other";
    String known = AREAS.get(area);
    if (known != null) return known;
    String s = area.replace('-', ' ');
    return s.substring(0, 1).toUpperCase(Locale.ROOT) + s.substring(1);
  }

  /**
   * "4 v3": the target's position in {@code order} (1-based) and its id; a target not in the list keeps its id.
   */
  public static String revision(String targetId, List<String> order) {
    int i = order.indexOf(targetId);
    return i < 0 ? targetId : (i + 1) + " " + targetId;
  }

  public static List<String> ids(List<? extends Target> targets) {
    return targets.stream().map(Target::id).toList();
  }
}
