package dev.oomspec.conformance.runner;

import dev.oomspec.conformance.target.Answer;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import dev.oomspec.spec.model.NoneCall;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns clauses into runs against targets and judges them. The applicability rule (docs/conformance.md):
 *
 * <ul>
 *   <li><b>in-revision</b>: a clause runs against every target whose revision is in {@code clause.revisions()};
 *       proposed clauses only against the proposed variants, other clauses only against the plain revisions.
 *       A mismatch is {@link Cell#FAIL}.
 *   <li><b>cross-revision</b>: a hand-written clause (not a row expanded per revision from rules.yaml or the filter
 *       matrix, which has its own row in every revision) also runs against the plain targets outside its
 *       revisions, a proposed clause against the plain targets of its revisions, and a plain clause against the
 *       proposed variants of its revisions. A mismatch is {@link Cell#DIFFERS}, a match {@link Cell#SAME}.
 *   <li>documented clauses (op none) are never run: {@link Cell#DOCUMENTED}, in-revision only.
 *   <li>a target that cannot express the call says so: {@link Cell#NOT_APPLICABLE} with its reason.
 * </ul>
 */
public final class ClauseRunner {

  /** A planned run. */
  public record Planned(Clause clause, Target target, Scope scope) {
    public String name() {
      return clause.id() + " @ " + target.id() + (scope == Scope.CROSS_REVISION ? " (cross-revision)" : "");
    }
  }

  private ClauseRunner() {}

  public static boolean documented(Clause c) {
    return c.kind() == ClauseKind.DOCUMENTED || c.call() instanceof NoneCall;
  }

  /** Hand-written clauses come from clauses/*.yaml; expanded ones from rules.yaml or a CSV table. */
  public static boolean handWritten(Clause c) {
    return c.source() == null || c.source().startsWith("yaml:");
  }

  public static List<Planned> plan(Clause c, List<? extends Target> targets, Scope scope) {
    List<Planned> out = new ArrayList<>();
    boolean proposedClause = c.kind() == ClauseKind.PROPOSED;
    for (Target t : targets) {
      boolean inRevs = c.holdsIn(t.revision());
      boolean in = inRevs && (proposedClause == t.proposed());
      if (scope == Scope.IN_REVISION) {
        if (in) out.add(new Planned(c, t, scope));
        continue;
      }
      if (in || documented(c) || !handWritten(c)) continue;
      boolean cross = t.proposed() ? inRevs : (proposedClause ? inRevs : !inRevs);
      if (cross) out.add(new Planned(c, t, scope));
    }
    return out;
  }

  /** Runs one planned clause; never throws for a model exception (recorded as a mismatch). */
  public static Result run(Planned p) {
    Clause c = p.clause();
    boolean in = p.scope() == Scope.IN_REVISION;
    if (documented(c)) {
      String reason = c.call() instanceof NoneCall n ? n.reason() : "kind documented";
      return new Result(c, p.target().id(), p.scope(), Cell.DOCUMENTED, List.of(), null, reason);
    }
    Answer a;
    try {
      a = p.target().answer(c);
    } catch (RuntimeException | AssertionError e) {
      Mismatch m = new Mismatch("exception", "an answer", e.toString());
      return new Result(c, p.target().id(), p.scope(), in ? Cell.FAIL : Cell.DIFFERS, List.of(m), null,
          m.toString());
    }
    if (a instanceof Answer.NotApplicable na)
      return new Result(c, p.target().id(), p.scope(), Cell.NOT_APPLICABLE, List.of(), a, na.reason());
    Answer.Answered ans = (Answer.Answered) a;
    List<Mismatch> ms = Expectations.compare(c.expect(), ans.observed());
    Cell cell = ms.isEmpty() ? (in ? Cell.PASS : Cell.SAME) : (in ? Cell.FAIL : Cell.DIFFERS);
    String detail = ms.stream().map(Mismatch::toString).collect(Collectors.joining("; "));
    return new Result(c, p.target().id(), p.scope(), cell, ms, a, detail);
  }
}
