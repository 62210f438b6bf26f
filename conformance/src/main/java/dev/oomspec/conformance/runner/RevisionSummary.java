package dev.oomspec.conformance.runner;

import dev.oomspec.reports.MarkdownTable;
import dev.oomspec.reports.Table;
import dev.oomspec.spec.model.Clause;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** One revision's page: its counts, per area, and the runs worth reading (failures, findings, differences). */
public final class RevisionSummary {
  private final RevisionMatrix m;
  private final String target;

  public RevisionSummary(RevisionMatrix m, String targetId) {
    this.m = m;
    this.target = targetId;
  }

  public String target() {
    return target;
  }

  public Map<Cell, Integer> counts() {
    return m.counts().get(target);
  }

  /** "812 pass · 18 differs · …" */
  public String oneLine() {
    return RevisionMatrix.summary(counts());
  }

  private List<RunRecord> runs(Cell c) {
    return m.runs(c).stream().filter(r -> r.targetId().equals(target)).toList();
  }

  private Table areas() {
    Map<String, Map<Cell, Integer>> byArea = new LinkedHashMap<>();
    for (Clause c : m.rows()) {
      Cell cell = m.cell(c.id(), target);
      if (cell == Cell.NOT_RUN) continue;
      byArea.computeIfAbsent(ReportNames.area(c.area()), k -> new EnumMap<>(Cell.class)).merge(cell, 1, Integer::sum);
    }
    List<List<String>> rows = new ArrayList<>();
    byArea.forEach((a, cs) -> rows.add(List.of(a, RevisionMatrix.summary(cs))));
    return new Table(List.of("area", target), rows);
  }

  private Table list(Cell c) {
    List<List<String>> rows = new ArrayList<>();
    for (RunRecord r : runs(c))
      rows.add(List.of(r.clauseId(), r.sibling().isEmpty() ? r.finding() : r.sibling(), r.detail()));
    return new Table(List.of("clause", RevisionMatrix.relatedHeader(c), "what"), rows);
  }

  private String sameClauses() {
    return String.join(", ", runs(Cell.SAME).stream().map(RunRecord::clauseId).toList());
  }

  public String markdown() {
    StringBuilder b = new StringBuilder("# Revision " + target + "\n\n" + oneLine() + "\n\n");
    b.append("## Per area\n\n").append(MarkdownTable.render(areas())).append('\n');
    for (Cell c : List.of(Cell.FAIL, Cell.FINDING, Cell.DIFFERS, Cell.UNDOCUMENTED)) {
      List<RunRecord> rs = runs(c);
      b.append("## ").append(RevisionMatrix.heading(c)).append(" (").append(rs.size()).append(")\n\n")
          .append(rs.isEmpty() ? "None.\n" : MarkdownTable.render(list(c))).append('\n');
    }
    b.append("## Clauses whose words also hold here without claiming ").append(target).append(" (same)\n\n")
        .append(sameClauses().isEmpty() ? "None." : sameClauses()).append('\n');
    return b.toString();
  }

  /** HTML fragment with inline styles (Allure description). */
  public String html() {
    StringBuilder b = new StringBuilder();
    b.append("<p><b>").append(MatrixHtml.esc(target)).append("</b>: ").append(MatrixHtml.esc(oneLine())).append("</p>");
    b.append("<p><b>Per area</b></p>").append(table(areas()));
    for (Cell c : List.of(Cell.FAIL, Cell.FINDING, Cell.DIFFERS, Cell.UNDOCUMENTED)) {
      List<RunRecord> rs = runs(c);
      b.append("<p><b>").append(MatrixHtml.esc(RevisionMatrix.heading(c))).append(": ").append(rs.size()).append("</b></p>");
      if (!rs.isEmpty()) b.append(table(list(c)));
    }
    b.append("<p><b>Same</b> (the clause's words hold here without claiming ").append(MatrixHtml.esc(target))
        .append("): ").append(MatrixHtml.esc(sameClauses().isEmpty() ? "none" : sameClauses())).append("</p>");
    return b.toString();
  }

  private static String table(Table t) {
    StringBuilder b = new StringBuilder("<table style=\"border-collapse:collapse\"><tr>");
    for (String h : t.header())
      b.append("<th style=\"border:1px solid #ccc;padding:2px 6px;text-align:left\">").append(MatrixHtml.esc(h)).append("</th>");
    b.append("</tr>");
    for (List<String> row : t.rows()) {
      b.append("<tr>");
      for (String c : row)
        b.append("<td style=\"border:1px solid #ccc;padding:2px 6px\">").append(MatrixHtml.esc(c)).append("</td>");
      b.append("</tr>");
    }
    return b.append("</table>").toString();
  }
}
