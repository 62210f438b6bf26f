package dev.oomspec.conformance.runner;

/** Why a clause runs against a target. */
public enum Scope {
  /** The target's revision is in {@code clause.revisions()} (or, for proposed clauses, it is the proposed variant):
   * a mismatch is a conformance failure and fails the build. */
  IN_REVISION,
  /** The target is outside the clause's revisions but its API can express the call: the run shows how the
   * revisions differ; a mismatch is expected and never fails the build. */
  CROSS_REVISION
}
