package dev.oomspec.spec.model;

import java.util.List;

/**
 * A known disagreement between a revision's <em>code</em> and a clause's <em>words</em>: the clause states what
 * the commit messages, documentation or review say; the revisions listed here are known (from reading their code)
 * not to do it. A run that observes the disagreement reports the finding instead of a failure; a run that no
 * longer observes it fails, so a fixed finding is noticed. Every finding has an entry in docs/findings.md.
 *
 * @param id the entry in docs/findings.md, e.g. "F-01"
 * @param revisions revisions whose code disagrees (each must be one of the clause's revisions)
 * @param code where the disagreeing code is (file:function at a commit, or the posted patch)
 * @param note one sentence: what the code does instead
 */
public record Finding(String id, List<Revision> revisions, List<Citation> code, String note) {
  public Finding {
    revisions = revisions == null ? List.of() : List.copyOf(revisions);
    code = code == null ? List.of() : List.copyOf(code);
  }

  public boolean covers(Revision r) {
    return revisions.contains(r);
  }
}
