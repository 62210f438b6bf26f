package dev.oomspec.conformance.runner;

import dev.oomspec.conformance.target.Target;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/** {@code -Doomspec.revision=all|v2,v3,v3-proposed}: which targets run (case-insensitive ids). */
public final class TargetSelection {
  public static final String PROPERTY = "oomspec.revision";

  private TargetSelection() {}

  public static List<Target> select(List<Target> all, String spec) {
    if (spec == null || spec.isBlank() || spec.trim().equalsIgnoreCase("all")) return all;
    Set<String> wanted = Arrays.stream(spec.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
        .filter(s -> !s.isEmpty()).collect(Collectors.toSet());
    List<Target> out = new ArrayList<>();
    for (Target t : all) if (wanted.remove(t.id().toLowerCase(Locale.ROOT))) out.add(t);
    if (!wanted.isEmpty() || out.isEmpty())
      throw new IllegalArgumentException("-D" + PROPERTY + "=" + spec.trim() + ": unknown revision "
          + (wanted.isEmpty() ? "(none named)" : String.join(", ", new java.util.TreeSet<>(wanted)))
          + "; valid: " + valid(all) + " (comma-separated, case-insensitive)");
    return out;
  }

  /** "RFC, v1, v2, v3, post, v3-proposed, post-proposed, all" */
  public static String valid(List<Target> all) {
    return all.stream().map(Target::id).collect(Collectors.joining(", ")) + ", all";
  }

  public static List<Target> fromSystemProperty(List<Target> all) {
    return select(all, System.getProperty(PROPERTY, "all"));
  }
}
