package dev.oomspec.conformance.target;

import dev.oomspec.spec.model.AttachCall;
import dev.oomspec.spec.model.Call;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.DispatchCall;
import dev.oomspec.spec.model.FilterCall;
import dev.oomspec.spec.model.Given;
import dev.oomspec.spec.model.KfuncCall;
import dev.oomspec.spec.model.NoneCall;
import dev.oomspec.spec.model.ReportCall;
import dev.oomspec.spec.model.Revision;

/**
 * Something a clause can be run against: one revision of the series (a model, a kernel, …). Each op of the
 * spec vocabulary is one method; a target that cannot express a call answers {@link Answer.NotApplicable}
 * with a reason instead of guessing. Every call starts from a fresh world built from {@code given}.
 */
public interface Target {

  /** Stable id used in test names, the matrix and {@code -Doomspec.revision}: "RFC", "v2", "v3-proposed". */
  String id();

  /** The revision of the series this target implements. */
  Revision revision();

  /** True for the variant with the review's proposals (P-01..P-05) switched on. */
  boolean proposed();

  /** One line describing the target (shown as a report parameter). */
  String description();

  Answer kfunc(Given given, KfuncCall call);

  Answer filter(FilterCall call);

  Answer attach(Given given, AttachCall call);

  Answer dispatch(Given given, DispatchCall call);

  Answer report(Given given, ReportCall call);

  /** Dispatches on the clause's op. */
  default Answer answer(Clause clause) {
    Given g = clause.givenOrEmpty();
    Call call = clause.call();
    if (call instanceof KfuncCall k) return kfunc(g, k);
    if (call instanceof FilterCall f) return filter(f);
    if (call instanceof AttachCall a) return attach(g, a);
    if (call instanceof DispatchCall d) return dispatch(g, d);
    if (call instanceof ReportCall r) return report(g, r);
    NoneCall n = (NoneCall) call;
    return Answer.notApplicable("not executable: " + n.reason());
  }
}
