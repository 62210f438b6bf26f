package dev.oomspec.spec.load;

import dev.oomspec.spec.load.CsvTables.FilterRuleRow;
import dev.oomspec.spec.load.CsvTables.HookRow;
import dev.oomspec.spec.load.CsvTables.SetRow;
import dev.oomspec.spec.load.CsvTables.SiteRow;
import dev.oomspec.spec.model.BpfProgTypes;
import dev.oomspec.spec.model.FilterRow;
import dev.oomspec.spec.model.FilterVerdict;
import dev.oomspec.spec.model.Revision;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Derives the kfunc filter matrix — one row per revision × program type × call site × kfunc — from the cited tables,
 * the way the kernel decides a kfunc call at load time (mainline {@code btf_kfunc_id_set_contains()}, later split into
 * {@code btf_kfunc_is_allowed()}, and
 * {@code check_kfunc_call()}): the kfunc must be in a set registered for the COMMON hook or for the program's own hook
 * (else not visible), every filter of the series that names the kfunc must admit the program (else EACCES), and a
 * {@code KF_SLEEPABLE} kfunc needs a sleepable call site (else the verifier rejects it). Nothing here is specific to a
 * revision: revisions differ only in their table rows (the hook of a program type may differ between the kernels the
 * revisions were posted against, so {@code kfunc-hooks.csv} rows name their revisions too).
 */
final class FilterMatrixBuilder {
  /** A derived row with the {@code sources.yaml} keys of every table row that decided it. */
  record Derived(FilterRow row, List<String> sourceKeys) {}

  private final Map<String, Map<Revision, HookRow>> hooks = new LinkedHashMap<>();
  private final List<SiteRow> sites;
  private final List<SetRow> sets;
  private final List<FilterRuleRow> rules;

  FilterMatrixBuilder(List<HookRow> hooks, List<SiteRow> sites, List<SetRow> sets, List<FilterRuleRow> rules) {
    for (HookRow h : hooks) {
      for (Revision r : h.revisions()) {
        this.hooks.computeIfAbsent(h.progType(), k -> new EnumMap<>(Revision.class)).put(r, h);
      }
    }
    this.sites = sites;
    this.sets = sets;
    this.rules = rules;
  }

  List<Derived> build() {
    List<Derived> out = new ArrayList<>();
    for (Revision rev : Revision.values()) {
      List<SetRow> mine = sets.stream().filter(s -> s.revision() == rev)
          .sorted(Comparator.comparing(SetRow::kfunc)).toList();
      for (String pt : BpfProgTypes.ALL) {
        for (SiteRow site : sitesOf(pt, rev)) {
          for (SetRow set : mine) {
            out.add(derive(out.size() + 1, rev, pt, site, set));
          }
        }
      }
    }
    return out;
  }

  private List<SiteRow> sitesOf(String pt, Revision rev) {
    List<SiteRow> listed = sites.stream().filter(s -> s.progType().equals(pt)).toList();
    if (listed.isEmpty()) {
      return List.of(new SiteRow(pt, "*", false, List.of(Revision.values()), "verifier-sleepable", false, "tables/prog-sites.csv", 0));
    }
    return listed.stream().filter(s -> s.revisions().contains(rev)).toList();
  }

  private Derived derive(int n, Revision rev, String pt, SiteRow site, SetRow set) {
    Trail t = new Trail();
    t.add(site.file(), site.line(), site.source(), site.inferred());
    HookRow progHook = hook(pt, rev);
    if (pt.equals("UNSPEC") || pt.equals("EXT")) {
      t.add(set.file(), set.line(), set.source(), false);
      t.add(progHook.file(), progHook.line(), progHook.source(), progHook.inferred());
      t.decide(site.source());
      return t.row(n, rev, pt, site, set, pt.equals("UNSPEC") ? FilterVerdict.NOT_LOADABLE : FilterVerdict.INHERITS_TARGET);
    }
    t.add(set.file(), set.line(), set.source(), set.inferred());
    HookRow setHook = hook(set.registeredFor(), rev);
    t.add(setHook.file(), setHook.line(), setHook.source(), setHook.inferred());
    boolean common = setHook.hook().equals("COMMON");
    if (!common) {
      t.add(progHook.file(), progHook.line(), progHook.source(), progHook.inferred());
    }
    boolean visible = common || (!progHook.hook().equals("NONE") && progHook.hook().equals(setHook.hook()));
    if (!visible) {
      t.decide(set.source());
      return t.row(n, rev, pt, site, set, FilterVerdict.NOT_VISIBLE);
    }
    Map<String, List<FilterRuleRow>> byFilter = new LinkedHashMap<>();
    for (FilterRuleRow r : rules) {
      if (r.revision() == rev && r.kfuncs().contains(set.kfunc())) {
        byFilter.computeIfAbsent(r.filter(), f -> new ArrayList<>()).add(r);
      }
    }
    for (List<FilterRuleRow> filter : byFilter.values()) {
      List<FilterRuleRow> only = filter.stream().filter(r -> r.rule().equals("only")).toList();
      List<FilterRuleRow> deny = filter.stream().filter(r -> r.rule().equals("deny") && matches(r, pt, site)).toList();
      List<FilterRuleRow> allow = filter.stream().filter(r -> r.rule().equals("allow") && matches(r, pt, site)).toList();
      boolean refusedByOnly = !only.isEmpty() && only.stream().noneMatch(r -> matches(r, pt, site));
      boolean refusedByDeny = !deny.isEmpty() && allow.isEmpty();
      if (common && filter.stream().anyMatch(r -> r.programs().startsWith("hook/"))) {
        // a hook/<HOOK> selector was judged against the program's own hook row
        t.add(progHook.file(), progHook.line(), progHook.source(), progHook.inferred());
      }
      only.forEach(r -> t.rule(r));
      deny.forEach(r -> t.rule(r));
      allow.forEach(r -> t.rule(r));
      if (refusedByOnly || refusedByDeny) {
        return t.row(n, rev, pt, site, set, FilterVerdict.EACCES);
      }
    }
    t.decide(set.source());
    if (set.sleepable() && !site.sleepable()) {
      return t.row(n, rev, pt, site, set, FilterVerdict.VERIFIER_SLEEPABLE);
    }
    return t.row(n, rev, pt, site, set, FilterVerdict.ALLOWED);
  }

  /** The kfunc hook of a program type in a revision's kernel (the loader checked that every pair has a row). */
  private HookRow hook(String pt, Revision rev) {
    return hooks.get(pt).get(rev);
  }

  private boolean matches(FilterRuleRow r, String pt, SiteRow site) {
    String p = r.programs();
    int slash = p.indexOf('/');
    String kind = p.substring(0, slash);
    String arg = p.substring(slash + 1);
    return switch (kind) {
      case "struct_ops" -> pt.equals("STRUCT_OPS") && site.attachTarget().equals(arg);
      case "hook" -> hook(pt, r.revision()).hook().equals(arg);
      case "target" -> site.attachTarget().equals(arg);
      default -> throw new SpecFormatException(r.file(), r.line(), "programs", "unknown program selector '" + p + "'");
    };
  }

  /** The table rows consulted for one matrix row, in the order they were consulted. */
  private static final class Trail {
    private final Set<String> where = new LinkedHashSet<>();
    private final Set<String> keys = new LinkedHashSet<>();
    private String decidingKey;
    private boolean inferred;

    void add(String file, int line, String source, boolean inf) {
      where.add(file.substring(file.lastIndexOf('/') + 1) + ":" + (line == 0 ? "default" : line));
      keys.add(source);
      inferred |= inf;
      decidingKey = source;
    }

    void decide(String key) {
      decidingKey = key;
    }

    void rule(FilterRuleRow r) {
      add(r.file(), r.line(), r.source(), r.inferred());
    }

    Derived row(int n, Revision rev, String pt, SiteRow site, SetRow set, FilterVerdict v) {
      FilterRow row = new FilterRow(rev, pt, site.attachTarget(), set.kfunc(), site.sleepable(), v, decidingKey,
          inferred, n, String.join(" ", where));
      List<String> k = new ArrayList<>(keys);
      // the deciding row first
      k.remove(decidingKey);
      k.add(0, decidingKey);
      return new Derived(row, List.copyOf(k));
    }
  }
}
