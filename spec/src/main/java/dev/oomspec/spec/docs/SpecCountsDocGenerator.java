package dev.oomspec.spec.docs;

import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import dev.oomspec.spec.model.Finding;
import dev.oomspec.spec.model.Revision;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Predicate;

/**
 * Writes {@code docs/spec-counts.md}: how many clauses are written by hand (with a citation, per area), how many are
 * generated and from which table, revisions × clauses, and the findings. A pure function of the spec; {@code
 * DocsCurrentTest} fails when the committed file differs, so the numbers cannot go stale.
 */
public final class SpecCountsDocGenerator {
  private final Spec spec;
  private final StringBuilder out = new StringBuilder();

  private SpecCountsDocGenerator(Spec spec) {
    this.spec = spec;
  }

  /** The document for {@code spec}. */
  public static String render(Spec spec) {
    return new SpecCountsDocGenerator(spec).build();
  }

  /** Where a clause comes from, for the counts. */
  static String origin(Clause c) {
    if (c.source().startsWith("yaml:")) return "hand-written";
    if (c.kind() == ClauseKind.FLAG) return "enum bpf_oom_flags (rules.yaml flagRules)";
    if (c.kind() == ClauseKind.ORDER) return "tables/max-order.csv × rules.yaml orderRules";
    if (c.kind() == ClauseKind.FILTER) return "tables/kfunc-hooks.csv + prog-sites.csv + kfunc-sets.csv + kfunc-filters.csv";
    return "other";
  }

  private String build() {
    l("# Spec counts — generated");
    l("");
    l("<!-- GENERATED FILE, do not edit. Source: spec/src/main/resources/dev/oomspec/spec/. Regenerate: "
        + ConstraintsDocGenerator.REGENERATE + " -->");
    l("");
    l("What the conformance numbers are made of. Every clause carries at least one citation (the loader refuses one");
    l("without); a hand-written clause cites the words (commit message, doc comment, review mail) that state it, or");
    l("is marked inferred and says why in its statement. Generated clauses expand from cited tables; each names the");
    l("table rows it came from. Sources per revision: [series.md](series.md); disagreements: [findings.md](findings.md).");
    l("");
    List<Clause> hand = spec.clauses().stream().filter(c -> c.source().startsWith("yaml:")).toList();
    l("## Hand-written clauses, per area");
    l("");
    l("| area | clauses | executable | documented (not run) | inferred | with a finding |");
    l("|---|---:|---:|---:|---:|---:|");
    Map<String, List<Clause>> byArea = new TreeMap<>();
    hand.forEach(c -> byArea.computeIfAbsent(c.area(), a -> new java.util.ArrayList<>()).add(c));
    byArea.forEach((area, cs) -> row(area, cs));
    row("**all**", hand);
    l("");
    l("## Generated clauses, per table");
    l("");
    l("| generated from | clauses | inferred | with a finding |");
    l("|---|---:|---:|---:|");
    Map<String, List<Clause>> byOrigin = new TreeMap<>();
    spec.clauses().stream().filter(c -> !c.source().startsWith("yaml:"))
        .forEach(c -> byOrigin.computeIfAbsent(origin(c), a -> new java.util.ArrayList<>()).add(c));
    byOrigin.forEach((o, cs) -> l("| " + o + " | " + cs.size() + " | " + count(cs, Clause::inferred) + " | "
        + count(cs, c -> !c.findings().isEmpty()) + " |"));
    l("");
    l("## Revisions × clauses");
    l("");
    l("A clause holding in several revisions runs once per revision (in-revision runs; the cross-revision and proposed");
    l("runs of docs/conformance.md come on top).");
    l("");
    l("| revision | hand-written | generated | all | with a finding for this revision |");
    l("|---|---:|---:|---:|---:|");
    int total = 0;
    for (Revision r : Revision.values()) {
      List<Clause> cs = spec.clausesFor(r);
      long h = cs.stream().filter(c -> c.source().startsWith("yaml:")).count();
      total += cs.size();
      l("| " + r + " | " + h + " | " + (cs.size() - h) + " | " + cs.size() + " | "
          + cs.stream().filter(c -> c.findingFor(r).isPresent()).count() + " |");
    }
    l("| **revisions × clauses** | | | **" + total + "** | |");
    l("");
    l("Distinct clauses: " + spec.clauses().size() + " (" + hand.size() + " hand-written, "
        + (spec.clauses().size() - hand.size()) + " generated).");
    l("");
    l("## Findings");
    l("");
    l("| finding | revisions | clauses carrying it |");
    l("|---|---|---:|");
    Map<String, TreeSet<String>> revs = new TreeMap<>();
    Map<String, Integer> n = new TreeMap<>();
    for (Clause c : spec.clauses()) {
      for (Finding f : c.findings()) {
        revs.computeIfAbsent(f.id(), x -> new TreeSet<>()).addAll(f.revisions().stream().map(Revision::displayName).toList());
        n.merge(f.id(), 1, Integer::sum);
      }
    }
    n.forEach((id, k) -> l("| " + id + " | " + String.join(", ", revs.get(id)) + " | " + k + " |"));
    l("");
    return out.toString();
  }

  private void row(String area, List<Clause> cs) {
    long documented = count(cs, c -> c.kind() == ClauseKind.DOCUMENTED || c.call() instanceof dev.oomspec.spec.model.NoneCall);
    l("| " + area + " | " + cs.size() + " | " + (cs.size() - documented) + " | " + documented + " | "
        + count(cs, Clause::inferred) + " | " + count(cs, c -> !c.findings().isEmpty()) + " |");
  }

  private static long count(List<Clause> cs, Predicate<Clause> p) {
    return cs.stream().filter(p).count();
  }

  private void l(String line) {
    out.append(line).append('\n');
  }
}
