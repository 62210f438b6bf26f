package dev.oomspec.spec;

import dev.oomspec.spec.load.SpecLoader;
import dev.oomspec.spec.model.Citation;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import dev.oomspec.spec.model.FilterRow;
import dev.oomspec.spec.model.Kfunc;
import dev.oomspec.spec.model.KfuncInfo;
import dev.oomspec.spec.model.Platform;
import dev.oomspec.spec.model.Revision;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The loaded, validated spec.
 *
 * @param clauses every clause, written and expanded, in load order (ids unique)
 * @param filterMatrix rows of the kfunc filter matrix
 * @param orderBounds rows of the MAX_PAGE_ORDER / MAX_ORDER table
 * @param kfuncs kfunc interfaces per revision
 * @param sources named citations used by the CSV tables
 */
public record Spec(
    List<Clause> clauses,
    List<FilterRow> filterMatrix,
    List<Platform> orderBounds,
    List<KfuncInfo> kfuncs,
    Map<String, Citation> sources) {

  /** The spec bundled with this module. */
  public static Spec loadDefault() {
    return SpecLoader.loadDefault();
  }

  public List<Clause> clausesFor(Revision r) {
    return clauses.stream().filter(c -> c.holdsIn(r)).toList();
  }

  public List<Clause> clausesOfKind(ClauseKind k) {
    return clauses.stream().filter(c -> c.kind() == k).toList();
  }

  public Optional<Clause> clause(String id) {
    return clauses.stream().filter(c -> c.id().equals(id)).findFirst();
  }

  public Optional<KfuncInfo> kfunc(Kfunc k, Revision r) {
    return kfuncs.stream().filter(e -> e.kfunc() == k && e.revisions().contains(r)).findFirst();
  }

  /** Kfuncs that exist in revision {@code r}, in enum order. */
  public List<Kfunc> kfuncsIn(Revision r) {
    return java.util.Arrays.stream(Kfunc.values()).filter(k -> kfunc(k, r).isPresent()).toList();
  }
}
