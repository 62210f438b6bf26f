package dev.oomspec.conformance.runner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The part of a {@link Result} the matrix needs, also written as one tab-separated line per run
 * ({@code target/oomspec-runs.tsv}) for tools.
 *
 * @param clauseId the clause
 * @param targetId the target
 * @param scope in-revision or cross-revision
 * @param cell the verdict
 * @param detail one line (see {@link Result#detail()})
 * @param sibling the clause documenting the difference of a cross-revision run; for an undocumented one the
 *     clauses making the same call on the target without contradicting it (space-separated); else ""
 * @param finding the finding id of a run judged by one, else ""
 */
public record RunRecord(String clauseId, String targetId, Scope scope, Cell cell, String detail, String sibling,
    String finding) {

  public static RunRecord of(Result r) {
    String sibling = r.evidence() instanceof Evidence.OfDifference d ? d.difference().sibling().id() : "";
    String finding = "";
    if (r.evidence() instanceof Evidence.OfFinding f) finding = f.finding().id();
    if (r.evidence() instanceof Evidence.OfDifference d && d.siblingFinding() != null) finding = d.siblingFinding().id();
    return new RunRecord(r.clause().id(), r.targetId(), r.scope(), r.cell(), r.detail() == null ? "" : r.detail(),
        sibling, finding);
  }

  public RunRecord withSibling(String s) {
    return new RunRecord(clauseId, targetId, scope, cell, detail, s, finding);
  }

  public String toLine() {
    return String.join("\t", clauseId, targetId, scope.name(), cell.name(), clean(detail), sibling, finding);
  }

  public static RunRecord parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 7) throw new IllegalArgumentException("bad run record (7 tab-separated fields expected): " + line);
    return new RunRecord(f[0], f[1], Scope.valueOf(f[2]), Cell.valueOf(f[3]), f[4], f[5], f[6]);
  }

  public static List<String> toLines(Collection<RunRecord> rs) {
    List<String> out = new ArrayList<>();
    for (RunRecord r : rs) out.add(r.toLine());
    return out;
  }

  private static String clean(String s) {
    return s.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
  }
}
