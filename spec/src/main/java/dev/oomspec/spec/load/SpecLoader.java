package dev.oomspec.spec.load;

import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.Citation;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.FilterRow;
import dev.oomspec.spec.model.FlagRule;
import dev.oomspec.spec.model.GeneratedFindings;
import dev.oomspec.spec.model.KfuncInfo;
import dev.oomspec.spec.model.OrderRule;
import dev.oomspec.spec.model.Platform;
import dev.oomspec.spec.model.Rules;
import dev.oomspec.spec.model.Sources;
import dev.oomspec.spec.model.SpecIndex;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Loads and validates a spec: unknown fields, duplicate ids, unknown revisions/kfuncs/ops/errnos,
 * missing citations and malformed CSV rows all fail with a {@link SpecFormatException} naming file,
 * line and field.
 */
public final class SpecLoader {
  private SpecLoader() {}

  /** Loads the spec bundled with this module. */
  public static Spec loadDefault() {
    return load(SpecSource.bundled());
  }

  public static Spec load(SpecSource src) {
    SpecIndex index = read(src, "index.yaml", r -> YamlReader.readOne("index.yaml", r, SpecIndex.class));
    Sources sources = read(src, index.sources(), r -> YamlReader.readOne(index.sources(), r, Sources.class));
    Map<String, Citation> named = sources.sources();
    for (Map.Entry<String, Citation> e : named.entrySet()) {
      if (e.getValue() == null || !e.getValue().resolvable()) {
        throw new SpecFormatException(index.sources(), 0, "sources." + e.getKey(), "citation missing: needs messageId, url, or repo+commit");
      }
    }
    List<KfuncInfo> kfuncs = new ArrayList<>();
    for (Located<KfuncInfo> k : read(src, index.kfuncs(), r -> YamlReader.readList(index.kfuncs(), r, KfuncInfo.class))) {
      if (k.value().kfunc() == null || k.value().revisions() == null || k.value().params() == null) {
        throw new SpecFormatException(k.file(), k.line(), "kfunc/revisions/params", "missing");
      }
      kfuncs.add(k.value());
    }
    KfuncCatalog catalog = new KfuncCatalog(List.copyOf(kfuncs));
    var hooks = read(src, index.kfuncHooks(), r -> CsvTables.readHooks(index.kfuncHooks(), r));
    var sites = read(src, index.progSites(), r -> CsvTables.readSites(index.progSites(), r));
    var sets = read(src, index.kfuncSets(), r -> CsvTables.readSets(index.kfuncSets(), r));
    var filterRules = read(src, index.kfuncFilters(), r -> CsvTables.readFilterRules(index.kfuncFilters(), r));
    hooks.forEach(h -> requireSource(named, h.file(), h.line(), h.source()));
    sites.forEach(h -> requireSource(named, h.file(), h.line(), h.source()));
    filterRules.forEach(h -> requireSource(named, h.file(), h.line(), h.source()));
    for (var set : sets) {
      requireSource(named, set.file(), set.line(), set.source());
      if (catalog.find(set.kfunc(), set.revision()).isEmpty()) {
        throw new SpecFormatException(set.file(), set.line(), "kfunc", set.kfunc() + " does not exist in " + set.revision());
      }
    }
    List<FilterMatrixBuilder.Derived> derived = new FilterMatrixBuilder(hooks, sites, sets, filterRules).build();
    List<FilterRow> matrix = derived.stream().map(FilterMatrixBuilder.Derived::row).toList();
    List<Platform> orders = read(src, index.maxOrder(), r -> CsvTables.readMaxOrder(index.maxOrder(), r));
    for (Platform p : orders) {
      if (!named.containsKey(p.source())) {
        throw new SpecFormatException(index.maxOrder(), 0, "source", "row " + p.row() + ": unknown source key '" + p.source() + "'");
      }
    }

    ClauseValidator validator = new ClauseValidator(catalog);
    List<Located<Clause>> all = new ArrayList<>();
    for (String file : index.clauses()) {
      for (Located<Clause> lc : read(src, file, r -> YamlReader.readList(file, r, Clause.class))) {
        validator.validate(lc);
        all.add(new Located<>(lc.value().withSource("yaml:" + file), lc.file(), lc.line()));
      }
    }
    Rules rules = read(src, index.rules(), r -> YamlReader.readOne(index.rules(), r, Rules.class));
    for (FlagRule fr : rules.flagRules()) {
      for (Clause c : Expander.flags(fr, index.rules())) {
        all.add(new Located<>(c, index.rules(), 0));
      }
    }
    for (OrderRule or : rules.orderRules()) {
      for (Clause c : Expander.orders(or, orders, named, index.rules())) {
        all.add(new Located<>(c, index.rules(), 0));
      }
    }
    for (FilterMatrixBuilder.Derived d : derived) {
      all.add(new Located<>(Expander.filter(d.row(), d.sourceKeys(), named), index.kfuncFilters(), 0));
    }
    GeneratedFindings generated = read(src, index.findings(), r -> YamlReader.readOne(index.findings(), r, GeneratedFindings.class));
    all = GeneratedFindingsApplier.apply(generated, all, index.findings());
    // expanded clauses go through the same validation as written ones
    Map<String, Located<Clause>> byId = new HashMap<>();
    List<Clause> clauses = new ArrayList<>();
    for (Located<Clause> lc : all) {
      if (!lc.value().source().startsWith("yaml:")) {
        validator.validate(lc);
      }
      Located<Clause> prev = byId.putIfAbsent(lc.value().id(), lc);
      if (prev != null) {
        throw new SpecFormatException(lc.file(), lc.line(), "id",
            "duplicate id '" + lc.value().id() + "' (first defined at " + prev.file() + ":" + prev.line() + ")");
      }
      clauses.add(lc.value());
    }
    return new Spec(List.copyOf(clauses), matrix, orders, catalog.entries(), named);
  }

  private static void requireSource(Map<String, Citation> named, String file, int line, String key) {
    if (!named.containsKey(key)) {
      throw new SpecFormatException(file, line, "source", "unknown source key '" + key + "' (define it in sources.yaml)");
    }
  }

  @FunctionalInterface
  private interface ReadFn<T> {
    T apply(Reader r);
  }

  private static <T> T read(SpecSource src, String name, ReadFn<T> fn) {
    if (name == null) {
      throw new SpecFormatException("index.yaml", 0, "(index)", "a file entry is missing");
    }
    try (Reader r = src.open(name)) {
      return fn.apply(r);
    } catch (IOException e) {
      throw new UncheckedIOException(name, e);
    }
  }
}
