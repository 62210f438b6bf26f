package dev.oomspec.spec.model;

import java.util.List;

/**
 * The interface of one kfunc in one set of revisions (from {@code kfuncs.yaml}).
 *
 * @param kfunc the kfunc
 * @param revisions revisions sharing this interface
 * @param signature exact C signature
 * @param btfFlags BTF_ID_FLAGS, e.g. [KF_SLEEPABLE, KF_TRUSTED_ARGS]
 * @param registration program type the set is registered for and the filter, in words
 * @param params argument names callers pass (see {@link KfuncArgs})
 * @param nullable params that may be omitted (NULL)
 * @param citations sources
 */
public record KfuncInfo(
    Kfunc kfunc,
    List<Revision> revisions,
    String signature,
    List<String> btfFlags,
    String registration,
    List<String> params,
    List<String> nullable,
    List<Citation> citations) {

  public boolean sleepable() {
    return btfFlags.contains("KF_SLEEPABLE");
  }
}
