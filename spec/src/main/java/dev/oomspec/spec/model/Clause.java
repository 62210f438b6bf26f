package dev.oomspec.spec.model;

import java.util.List;

/**
 * One executable (or, for kind documented, explained) statement of the contract.
 *
 * @param id stable id, e.g. "KILL-02" or "FLAG-v3-bit07-alone"
 * @param kind what it constrains
 * @param area the suite / report epic it belongs to
 * @param feature kfunc name or feature ("struct_ops", "dispatch", "report")
 * @param revisions where it holds
 * @param statement one sentence
 * @param citations sources (at least one resolvable)
 * @param covers row ids of docs/series.md (KILL-01, ATT-06, R-15, ...) this clause implements
 * @param enforcedBy who enforces it
 * @param checkOrder 1-based position of the check in the kfunc, in kernel order (null if not a check)
 * @param given preconditions
 * @param call the operation
 * @param expect the expected result
 * @param inferred true where no words state the expectation and it is deduced (the statement says how)
 * @param proposal for kind proposed: the review item, e.g. "P-02"
 * @param source "yaml:<file>" for written clauses, "rule:<rule id>" / "csv:<file>:<line>" for expanded ones
 * @param findings revisions whose code is known to disagree with this clause's words (docs/findings.md); empty
 *     for most clauses
 */
public record Clause(
    String id,
    ClauseKind kind,
    String area,
    String feature,
    List<Revision> revisions,
    String statement,
    List<Citation> citations,
    List<String> covers,
    Enforcer enforcedBy,
    Integer checkOrder,
    Given given,
    Call call,
    Expect expect,
    boolean inferred,
    String proposal,
    String source,
    List<Finding> findings) {

  public Clause {
    findings = findings == null ? List.of() : List.copyOf(findings);
  }

  /** The finding that covers revision {@code r}, if the clause has one. */
  public java.util.Optional<Finding> findingFor(Revision r) {
    return findings.stream().filter(f -> f.covers(r)).findFirst();
  }

  public boolean holdsIn(Revision r) {
    return revisions.contains(r);
  }

  public Given givenOrEmpty() {
    return given == null ? Given.EMPTY : given;
  }

  public Clause withFindings(List<Finding> f) {
    return new Clause(id, kind, area, feature, revisions, statement, citations, covers, enforcedBy,
        checkOrder, given, call, expect, inferred, proposal, source, f);
  }

  public Clause withSource(String s) {
    return new Clause(id, kind, area, feature, revisions, statement, citations, covers, enforcedBy,
        checkOrder, given, call, expect, inferred, proposal, s, findings);
  }
}
