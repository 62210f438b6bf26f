package dev.oomspec.spec.load;

import dev.oomspec.spec.model.Kfunc;
import dev.oomspec.spec.model.KfuncInfo;
import dev.oomspec.spec.model.Revision;
import java.util.List;
import java.util.Optional;

/** Lookup of kfunc interfaces per revision (from kfuncs.yaml). */
public record KfuncCatalog(List<KfuncInfo> entries) {

  public Optional<KfuncInfo> find(Kfunc k, Revision r) {
    return entries.stream().filter(e -> e.kfunc() == k && e.revisions().contains(r)).findFirst();
  }

  /** Kfuncs that exist in revision {@code r}, in enum order. */
  public List<Kfunc> kfuncsIn(Revision r) {
    return java.util.Arrays.stream(Kfunc.values()).filter(k -> find(k, r).isPresent()).toList();
  }
}
