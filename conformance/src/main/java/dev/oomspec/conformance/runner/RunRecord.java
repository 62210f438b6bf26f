package dev.oomspec.conformance.runner;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * The part of a {@link Result} the matrix needs, as one tab-separated line, so runs from several test JVMs (the
 * in-revision and the cross-revision failsafe executions) can be merged.
 */
public record RunRecord(String clauseId, String targetId, Scope scope, Cell cell, String detail) {

  public static RunRecord of(Result r) {
    return new RunRecord(r.clause().id(), r.targetId(), r.scope(), r.cell(), r.detail() == null ? "" : r.detail());
  }

  public String toLine() {
    return String.join("\t", clauseId, targetId, scope.name(), cell.name(), clean(detail));
  }

  public static RunRecord parse(String line) {
    String[] f = line.split("\t", -1);
    if (f.length != 5) throw new IllegalArgumentException("bad run record: " + line);
    return new RunRecord(f[0], f[1], Scope.valueOf(f[2]), Cell.valueOf(f[3]), f[4]);
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
