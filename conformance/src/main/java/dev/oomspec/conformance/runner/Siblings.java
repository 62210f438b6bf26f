package dev.oomspec.conformance.runner;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.Expect;
import dev.oomspec.spec.model.ReportLine;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * Finds the clause that documents how a target differs from a clause it does not claim. The rule
 * (docs/conformance.md, "Differences between revisions"): a <em>sibling</em> of clause C for target T is another
 * hand-written clause S with
 *
 * <ul>
 *   <li>the same {@code call} and the same {@code given} as C ({@code given.proposedVariant} aside: the target
 *       decides the variant),
 *   <li>T among the targets S claims (T's revision in S's revisions; proposed clauses claim the proposed variant,
 *       the others the plain revisions), and
 *   <li>an {@code expect} that contradicts C's: a field both state with different values, a report line one
 *       expects present and the other absent, or the same report format rendered differently.
 * </ul>
 *
 * Such a pair is a documented difference: on T the call must do what S says, which is not what C says.
 */
public final class Siblings {
  private static final ObjectMapper JSON = new ObjectMapper().setSerializationInclusion(JsonInclude.Include.NON_NULL);
  private static final Pattern CONVERSION = Pattern.compile("%[#\\-+ 0-9.hlzjt]*(p[A-Za-z]*|[a-zA-Z%])");

  private final Map<JsonNode, List<Clause>> byCall = new HashMap<>();
  private final List<Target> allTargets;

  private Siblings(List<Clause> clauses, List<? extends Target> allTargets) {
    this.allTargets = List.copyOf(allTargets);
    for (Clause c : clauses)
      if (ClauseRunner.handWritten(c) && !ClauseRunner.documented(c))
        byCall.computeIfAbsent(key(c), k -> new ArrayList<>()).add(c);
  }

  /** @param allTargets every target, selected or not (the clause's own side of a difference runs on them) */
  public static Siblings of(List<Clause> clauses, List<? extends Target> allTargets) {
    return new Siblings(clauses, allTargets);
  }

  /** No clause documents any difference (every cross-revision run is then same, undocumented or n/a). */
  public static Siblings none() {
    return new Siblings(List.of(), List.of());
  }

  /** The documented difference of {@code c} on {@code t}, or null when no sibling documents one. */
  public Difference documented(Clause c, Target t) {
    if (ClauseRunner.claims(c, t)) return null;
    for (Clause s : byCall.getOrDefault(key(c), List.of())) {
      if (s == c || !ClauseRunner.claims(s, t)) continue;
      List<Contradiction> cs = contradictions(c.expect(), s.expect());
      if (!cs.isEmpty())
        return new Difference(s, cs, allTargets.stream().filter(o -> ClauseRunner.claims(c, o)).toList());
    }
    return null;
  }

  /**
   * The clauses that make {@code c}'s call on {@code t} without contradicting it: where a run of {@code c} on
   * {@code t} differs anyway, these are the clauses whose {@code expect} would have to say more for the difference
   * to be documented.
   */
  public List<String> compatible(Clause c, Target t) {
    List<String> out = new ArrayList<>();
    for (Clause s : byCall.getOrDefault(key(c), List.of()))
      if (s != c && ClauseRunner.claims(s, t) && contradictions(c.expect(), s.expect()).isEmpty()) out.add(s.id());
    return out;
  }

  /** Where {@code mine} and {@code theirs} cannot both hold for one observation. */
  public static List<Contradiction> contradictions(Expect mine, Expect theirs) {
    List<Contradiction> out = new ArrayList<>();
    if (mine == null || theirs == null) return out;
    field(out, "ret", mine, theirs, e -> e.ret() == null ? null : e.ret().value(), e -> String.valueOf(e.ret()));
    field(out, "killed", mine, theirs, Expect::killed, e -> String.valueOf(e.killed()));
    field(out, "bpfMemoryFreed", mine, theirs, Expect::bpfMemoryFreed, e -> String.valueOf(e.bpfMemoryFreed()));
    field(out, "oomLockTaken", mine, theirs, Expect::oomLockTaken, e -> String.valueOf(e.oomLockTaken()));
    field(out, "oomInvoked", mine, theirs, Expect::oomInvoked, e -> String.valueOf(e.oomInvoked()));
    field(out, "oomLockHeldAfter", mine, theirs, Expect::oomLockHeldAfter, e -> String.valueOf(e.oomLockHeldAfter()));
    field(out, "retMemcg", mine, theirs, Expect::retMemcg, e -> String.valueOf(e.retMemcg()));
    field(out, "verdict", mine, theirs, e -> e.verdict() == null ? null : e.verdict().spelling(),
        e -> e.verdict().spelling());
    field(out, "handled", mine, theirs, Expect::handled, e -> String.valueOf(e.handled()));
    field(out, "handlersRan", mine, theirs, Expect::handlersRan, e -> String.valueOf(e.handlersRan()));
    field(out, "kernelKillerRan", mine, theirs, Expect::kernelKillerRan, e -> String.valueOf(e.kernelKillerRan()));
    for (ReportLine p : list(mine.reportPresent())) {
      for (ReportLine q : list(theirs.reportAbsent())) {
        String shared = sharedLine(p.format(), q.format());
        if (shared != null) out.add(new Contradiction("report line \"" + shared + "\"", "\"" + p.rendered() + "\"", "absent"));
      }
      for (ReportLine q : list(theirs.reportPresent()))
        if (p.format().equals(q.format()) && !Objects.equals(p.rendered(), q.rendered()))
          out.add(new Contradiction("report line \"" + formatLines(p.format()).get(0) + "\"",
              "\"" + p.rendered() + "\"", "\"" + q.rendered() + "\""));
    }
    for (ReportLine q : list(mine.reportAbsent()))
      for (ReportLine p : list(theirs.reportPresent())) {
        String shared = sharedLine(p.format(), q.format());
        if (shared != null) out.add(new Contradiction("report line \"" + shared + "\"", "absent", "\"" + p.rendered() + "\""));
      }
    return out;
  }

  private static <T> void field(List<Contradiction> out, String name, Expect mine, Expect theirs,
      Function<Expect, T> get, Function<Expect, String> show) {
    T a = get.apply(mine), b = get.apply(theirs);
    if (a != null && b != null && !a.equals(b)) out.add(new Contradiction(name, show.apply(mine), show.apply(theirs)));
  }

  private static List<ReportLine> list(List<ReportLine> l) {
    return l == null ? List.of() : l;
  }

  /** The first line (with text besides conversions) two printk formats share, or null. */
  static String sharedLine(String a, String b) {
    Set<String> bs = new LinkedHashSet<>(formatLines(b));
    for (String l : formatLines(a)) if (bs.contains(l)) return l;
    return null;
  }

  /** The lines of a format that hold text besides conversions, stripped. */
  static List<String> formatLines(String format) {
    List<String> out = new ArrayList<>();
    for (String l : format.split("\n")) {
      String s = l.strip();
      if (!CONVERSION.matcher(s).replaceAll("").isBlank()) out.add(s);
    }
    return out.isEmpty() ? List.of(format.strip()) : out;
  }

  /** given (without proposedVariant) and call, as one comparable JSON tree. */
  static JsonNode key(Clause c) {
    ObjectNode k = JSON.createObjectNode();
    JsonNode given = c.given() == null ? JSON.createObjectNode() : JSON.valueToTree(c.given());
    if (given instanceof ObjectNode o) o.remove("proposedVariant");
    k.set("given", given);
    k.set("call", JSON.valueToTree(c.call()));
    k.put("op", c.call() == null ? "" : c.call().getClass().getName());
    return k;
  }
}
