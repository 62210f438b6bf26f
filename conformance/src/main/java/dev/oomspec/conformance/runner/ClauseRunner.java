package dev.oomspec.conformance.runner;

import dev.oomspec.conformance.target.Answer;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import dev.oomspec.spec.model.Finding;
import dev.oomspec.spec.model.NoneCall;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns clauses into runs against targets and judges them (docs/conformance.md, "What runs where, and what is
 * red"):
 *
 * <ul>
 *   <li><b>in-revision</b>: a clause runs against every target it claims: the plain revisions in
 *       {@code clause.revisions()}, or for proposed clauses the proposed variants of them. A mismatch is
 *       {@link Cell#FAIL} — unless the clause names a finding for the revision (its code is known to disagree with
 *       its words): then the mismatch is {@link Cell#FINDING} and a match is the FAIL ("no longer reproduces").
 *   <li><b>cross-revision</b>: a hand-written clause (not a row expanded per revision from rules.yaml or the
 *       filter matrix: every revision has its own row there) also runs against the targets it does not claim. When
 *       a sibling clause documents what that target does instead ({@link Siblings}), the run asserts the difference:
 *       {@link Cell#DIFFERS} when the target does what the sibling says and the clause holds on its own targets,
 *       else {@link Cell#FAIL}. Without such a sibling the run is an observation: {@link Cell#SAME} or
 *       {@link Cell#UNDOCUMENTED}, never red.
 *   <li>documented clauses (op none) are never run: {@link Cell#DOCUMENTED}, in-revision only.
 *   <li>a target that cannot express the call says so: {@link Cell#NOT_APPLICABLE} with its reason.
 * </ul>
 */
public final class ClauseRunner {

  /**
   * A planned run.
   *
   * @param difference for a cross-revision run, the documented difference it asserts (null: an observation)
   */
  public record Planned(Clause clause, Target target, Scope scope, Difference difference) {
    public Planned(Clause clause, Target target, Scope scope) {
      this(clause, target, scope, null);
    }

    public String name() {
      return clause.id() + " @ " + target.id() + (scope == Scope.CROSS_REVISION ? " (cross-revision)" : "");
    }

    /** A cross-revision run a sibling clause documents (an assertion, not an observation). */
    public boolean assertsDifference() {
      return difference != null;
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

  /** The clause holds in the target's revision, and proposed clauses only on the proposed variant (and back). */
  public static boolean claims(Clause c, Target t) {
    return c.holdsIn(t.revision()) && (c.kind() == ClauseKind.PROPOSED) == t.proposed();
  }

  /** Plans without siblings: every cross-revision run is an observation. */
  public static List<Planned> plan(Clause c, List<? extends Target> targets, Scope scope) {
    return plan(c, targets, scope, Siblings.none());
  }

  public static List<Planned> plan(Clause c, List<? extends Target> targets, Scope scope, Siblings siblings) {
    List<Planned> out = new ArrayList<>();
    boolean proposedClause = c.kind() == ClauseKind.PROPOSED;
    for (Target t : targets) {
      boolean inRevs = c.holdsIn(t.revision());
      boolean in = claims(c, t);
      if (scope == Scope.IN_REVISION) {
        if (in) out.add(new Planned(c, t, scope));
        continue;
      }
      if (in || documented(c) || !handWritten(c)) continue;
      boolean cross = t.proposed() ? inRevs : (proposedClause ? inRevs : !inRevs);
      if (cross) out.add(new Planned(c, t, scope, siblings.documented(c, t)));
    }
    return out;
  }

  /** Runs one planned clause; never throws for a model exception (recorded as a FAIL). */
  public static Result run(Planned p) {
    Clause c = p.clause();
    String tid = p.target().id();
    if (documented(c)) {
      String reason = c.call() instanceof NoneCall n ? n.reason() : "kind documented";
      return new Result(c, tid, p.scope(), Cell.DOCUMENTED, reason, new Side(tid, null, List.of()), Evidence.NONE);
    }
    Side side = side(c, p.target());
    if (side.answer() instanceof Answer.NotApplicable na)
      return new Result(c, tid, p.scope(), Cell.NOT_APPLICABLE, na.reason(), side, Evidence.NONE);
    if (side.answer() == null)
      return new Result(c, tid, p.scope(), Cell.FAIL, text(side.mismatches()), side, Evidence.NONE);
    if (p.scope() == Scope.IN_REVISION) return inRevision(c, p.target(), side);
    if (p.difference() == null) {
      Cell cell = side.mismatches().isEmpty() ? Cell.SAME : Cell.UNDOCUMENTED;
      return new Result(c, tid, p.scope(), cell, text(side.mismatches()), side, Evidence.NONE);
    }
    return difference(p, side);
  }

  private static Result inRevision(Clause c, Target t, Side side) {
    Finding f = c.findingFor(t.revision()).orElse(null);
    if (f == null) {
      Cell cell = side.mismatches().isEmpty() ? Cell.PASS : Cell.FAIL;
      return new Result(c, t.id(), Scope.IN_REVISION, cell, text(side.mismatches()), side, Evidence.NONE);
    }
    Evidence e = new Evidence.OfFinding(f);
    if (side.mismatches().isEmpty())
      return new Result(c, t.id(), Scope.IN_REVISION, Cell.FAIL, "finding " + f.id() + " no longer reproduces on "
          + t.id() + " — the code changed; update docs/findings.md", side, e);
    return new Result(c, t.id(), Scope.IN_REVISION, Cell.FINDING, "finding " + f.id() + " (docs/findings.md): "
        + text(side.mismatches()), side, e);
  }

  private static Result difference(Planned p, Side side) {
    Clause c = p.clause();
    Difference d = p.difference();
    Target t = p.target();
    List<Mismatch> againstSibling = Expectations.compare(d.sibling().expect(), observed(side));
    Finding siblingFinding = d.sibling().findingFor(t.revision()).orElse(null);
    List<Side> clauseSide = new ArrayList<>();
    List<String> problems = new ArrayList<>();
    for (Target own : d.clauseTargets()) {
      Side s = side(c, own);
      clauseSide.add(s);
      if (c.findingFor(own.revision()).isPresent() || s.answer() instanceof Answer.NotApplicable) continue;
      if (!s.matches())
        problems.add("on " + own.id() + " " + c.id() + " itself does not hold (" + text(s.mismatches()) + ")");
    }
    Evidence e = new Evidence.OfDifference(d, againstSibling, clauseSide, siblingFinding);
    String says = t.id() + " does what " + d.sibling().id() + " says — " + d.siblingSide() + " — where " + c.id()
        + " (" + d.clauseTargetIds() + ") says " + d.clauseSide();
    if (side.mismatches().isEmpty())
      problems.add(0, t.id() + " does what " + c.id() + " says: the difference " + d.sibling().id()
          + " documents is absent");
    else if (!againstSibling.isEmpty() && siblingFinding == null)
      problems.add(0, t.id() + " differs from " + c.id() + ", but not as " + d.sibling().id() + " says ("
          + text(againstSibling) + ")");
    if (!problems.isEmpty())
      return new Result(c, t.id(), Scope.CROSS_REVISION, Cell.FAIL, String.join("; ", problems), side, e);
    if (!againstSibling.isEmpty())
      return new Result(c, t.id(), Scope.CROSS_REVISION, Cell.FINDING, "finding " + siblingFinding.id()
          + " (docs/findings.md) of " + d.sibling().id() + ": " + text(againstSibling), side, e);
    return new Result(c, t.id(), Scope.CROSS_REVISION, Cell.DIFFERS, says, side, e);
  }

  /** The target's answer judged against the clause; an exception becomes a mismatch with no answer. */
  static Side side(Clause c, Target t) {
    Answer a;
    try {
      a = t.answer(c);
    } catch (RuntimeException | AssertionError ex) {
      return new Side(t.id(), null, List.of(new Mismatch("exception", "an answer", ex.toString())));
    }
    if (a instanceof Answer.Answered ans) return new Side(t.id(), a, Expectations.compare(c.expect(), ans.observed()));
    return new Side(t.id(), a, List.of());
  }

  private static dev.oomspec.conformance.target.Observed observed(Side s) {
    return ((Answer.Answered) s.answer()).observed();
  }

  static String text(List<Mismatch> ms) {
    return ms.stream().map(Mismatch::toString).collect(Collectors.joining("; "));
  }
}
