package dev.oomspec.conformance.runner;

import dev.oomspec.reports.CsvWriter;
import dev.oomspec.reports.MarkdownTable;
import dev.oomspec.reports.Table;
import dev.oomspec.spec.model.Clause;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Clause × target → {@link Cell}, as CSV, Markdown and an HTML fragment. */
public final class RevisionMatrix {
  private final List<Clause> clauses;
  private final List<String> targetIds;
  private final Map<String, Map<String, RunRecord>> cells = new LinkedHashMap<>();

  public RevisionMatrix(List<Clause> clauses, List<String> targetIds, List<RunRecord> records) {
    this.clauses = List.copyOf(clauses);
    this.targetIds = List.copyOf(targetIds);
    for (RunRecord r : records) cells.computeIfAbsent(r.clauseId(), k -> new LinkedHashMap<>()).put(r.targetId(), r);
  }

  public Cell cell(String clauseId, String targetId) {
    RunRecord r = cells.getOrDefault(clauseId, Map.of()).get(targetId);
    return r == null ? Cell.NOT_RUN : r.cell();
  }

  public RunRecord record(String clauseId, String targetId) {
    return cells.getOrDefault(clauseId, Map.of()).get(targetId);
  }

  /** Clauses with at least one run. */
  public List<Clause> rows() {
    return clauses.stream().filter(c -> cells.containsKey(c.id())).toList();
  }

  /** Per target: how many cells of each kind. */
  public Map<String, Map<Cell, Integer>> counts() {
    Map<String, Map<Cell, Integer>> out = new LinkedHashMap<>();
    for (String t : targetIds) {
      Map<Cell, Integer> m = new EnumMap<>(Cell.class);
      for (Cell c : Cell.values()) if (c != Cell.NOT_RUN) m.put(c, 0);
      for (Clause c : rows()) {
        Cell cell = cell(c.id(), t);
        if (cell != Cell.NOT_RUN) m.merge(cell, 1, Integer::sum);
      }
      out.put(t, m);
    }
    return out;
  }

  public Table table() {
    List<String> header = new ArrayList<>(List.of("clause", "kind", "area", "revisions"));
    header.addAll(targetIds);
    List<List<String>> rows = new ArrayList<>();
    for (Clause c : rows()) rows.add(row(c));
    return new Table(header, rows);
  }

  private List<String> row(Clause c) {
    List<String> r = new ArrayList<>(List.of(c.id(), c.kind().spelling(), c.area(),
        String.join(" ", c.revisions().stream().map(Object::toString).toList())));
    for (String t : targetIds) r.add(cell(c.id(), t).spelling());
    return r;
  }

  public Table countsTable() {
    List<String> header = new ArrayList<>(List.of("target"));
    for (Cell c : Cell.values()) if (c != Cell.NOT_RUN) header.add(c.spelling());
    header.add("runs");
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<Cell, Integer>> e : counts().entrySet()) {
      List<String> r = new ArrayList<>(List.of(e.getKey()));
      int runs = 0;
      for (Map.Entry<Cell, Integer> ce : e.getValue().entrySet()) {
        r.add(Integer.toString(ce.getValue()));
        if (ce.getKey() != Cell.DOCUMENTED && ce.getKey() != Cell.NOT_APPLICABLE) runs += ce.getValue();
      }
      r.add(Integer.toString(runs));
      rows.add(r);
    }
    return new Table(header, rows);
  }

  /** The hand-written clauses (the interesting differences; expanded rows exist once per revision). */
  public Table handWrittenTable() {
    List<String> header = new ArrayList<>(List.of("clause", "kind", "revisions"));
    header.addAll(targetIds);
    List<List<String>> rows = new ArrayList<>();
    for (Clause c : rows()) {
      if (!ClauseRunner.handWritten(c)) continue;
      List<String> r = new ArrayList<>(List.of(c.id(), c.kind().spelling(),
          String.join(" ", c.revisions().stream().map(Object::toString).toList())));
      for (String t : targetIds) r.add(cell(c.id(), t).spelling());
      rows.add(r);
    }
    return new Table(header, rows);
  }

  /**
   * Who may call {@code kfunc} from a sleepable site, per revision: the expected verdict of each revision's own
   * filter row, with the run's cell (program type / attach target pairs where some revision lets the call through
   * a hook, i.e. the verdict is allowed or EACCES).
   */
  public Table callersTable(dev.oomspec.spec.model.Kfunc kfunc) {
    Map<String, Map<dev.oomspec.spec.model.Revision, String>> byKey = new LinkedHashMap<>();
    for (Clause c : clauses) {
      if (!(c.call() instanceof dev.oomspec.spec.model.FilterCall f) || f.kfunc() != kfunc || !f.sleepableSite())
        continue;
      String key = f.progType() + " " + f.attachTarget();
      for (dev.oomspec.spec.model.Revision r : c.revisions()) {
        RunRecord rec = record(c.id(), r.displayName());
        String v = c.expect().verdict().spelling();
        byKey.computeIfAbsent(key, k -> new LinkedHashMap<>())
            .put(r, v + (rec == null ? "" : " (" + rec.cell().spelling() + ")"));
      }
    }
    List<String> header = new ArrayList<>(List.of("program type / attach target"));
    for (dev.oomspec.spec.model.Revision r : dev.oomspec.spec.model.Revision.values()) header.add(r.displayName());
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<dev.oomspec.spec.model.Revision, String>> e : byKey.entrySet()) {
      boolean interesting = e.getValue().values().stream().anyMatch(v -> v.startsWith("allowed") || v.startsWith("EACCES"));
      if (!interesting) continue;
      List<String> row = new ArrayList<>(List.of(e.getKey()));
      for (dev.oomspec.spec.model.Revision r : dev.oomspec.spec.model.Revision.values())
        row.add(e.getValue().getOrDefault(r, "—"));
      rows.add(row);
    }
    return new Table(header, rows);
  }

  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# Revision matrix\n\n");
    b.append("Generated by `mvn verify` (conformance). Cells: `pass` / `FAIL` (in-revision run), `differs` / `same` ")
        .append("(cross-revision run: the clause does not claim this revision), `n/a` (the target cannot express ")
        .append("the call), `documented` (not executable), `—` (not run). See docs/conformance.md.\n\n");
    b.append("## Counts per target\n\n").append(MarkdownTable.render(countsTable())).append('\n');
    b.append("## Hand-written clauses\n\n").append(MarkdownTable.render(handWrittenTable())).append('\n');
    b.append("## Who may call bpf_out_of_memory() (sleepable call site; verdict of each revision's own filter row)\n\n")
        .append(MarkdownTable.render(callersTable(dev.oomspec.spec.model.Kfunc.BPF_OUT_OF_MEMORY))).append('\n');
    b.append("## Every clause\n\n").append(MarkdownTable.render(table()));
    return b.toString();
  }

  public String csv() {
    StringBuilder b = new StringBuilder();
    try {
      CsvWriter.writeTable(table(), b);
    } catch (IOException e) {
      throw new AssertionError(e);
    }
    return b.toString();
  }

  /** A self-contained HTML page: counts and the hand-written clauses, coloured. */
  public String html() {
    StringBuilder b = new StringBuilder();
    b.append("<!doctype html><meta charset=utf-8><style>body{font:13px sans-serif}table{border-collapse:collapse}")
        .append("td,th{border:1px solid #ccc;padding:2px 6px}.pass{background:#d4f4d4}.FAIL{background:#f88}")
        .append(".differs{background:#fde2b8}.same{background:#e8f4ff}.na{background:#eee;color:#777}")
        .append(".documented{background:#f3eefc}</style>");
    b.append("<h3>Counts per target</h3>").append(htmlTable(countsTable(), false));
    b.append("<h3>Hand-written clauses × target</h3><p>pass/FAIL: in-revision; differs/same: cross-revision ")
        .append("(expected differences, never a build failure); n/a: the call cannot be expressed. The full matrix ")
        .append("(every expanded row) is the CSV attachment and conformance/target/oomspec-matrix.csv.</p>");
    b.append(htmlTable(handWrittenTable(), true));
    b.append("<h3>Who may call bpf_out_of_memory() (sleepable site; each revision's own filter row)</h3>")
        .append(htmlTable(callersTable(dev.oomspec.spec.model.Kfunc.BPF_OUT_OF_MEMORY), false));
    return b.toString();
  }

  /** The same tables as {@link #html()} as an HTML fragment with inline styles (Allure's description). */
  public String htmlFragment() {
    return "<p><b>Counts per target</b></p>" + htmlTable(countsTable(), false)
        + "<p><b>Hand-written clauses × target</b> — pass/FAIL: in-revision; differs/same: cross-revision (expected,"
        + " never a build failure); n/a: cannot be expressed; the full matrix is the CSV attachment.</p>"
        + htmlTable(handWrittenTable(), true).replace("<td class=", "<td style=").replace("style=pass>",
            "\"background:#d4f4d4\">").replace("style=FAIL>", "\"background:#f88\">")
            .replace("style=differs>", "\"background:#fde2b8\">").replace("style=same>", "\"background:#e8f4ff\">")
            .replace("style=na>", "\"background:#eee;color:#777\">")
            .replace("style=documented>", "\"background:#f3eefc\">")
        + "<p><b>Who may call bpf_out_of_memory()</b> (sleepable site; each revision's own filter row)</p>"
        + htmlTable(callersTable(dev.oomspec.spec.model.Kfunc.BPF_OUT_OF_MEMORY), false);
  }

  private static String htmlTable(Table t, boolean colour) {
    StringBuilder b = new StringBuilder("<table><tr>");
    for (String h : t.header()) b.append("<th>").append(esc(h)).append("</th>");
    b.append("</tr>");
    for (List<String> row : t.rows()) {
      b.append("<tr>");
      for (String cell : row) {
        String cls = !colour ? "" : switch (cell) {
          case "pass", "FAIL", "differs", "same", "documented" -> cell;
          case "n/a" -> "na";
          default -> "";
        };
        b.append(cls.isEmpty() ? "<td>" : "<td class=" + cls + ">").append(esc(cell)).append("</td>");
      }
      b.append("</tr>");
    }
    return b.append("</table>").toString();
  }

  private static String esc(String s) {
    return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  /** Writes {@code oomspec-matrix.csv}, {@code .md} and {@code .html} into {@code dir}. */
  public void write(Path dir) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("oomspec-matrix.csv"), csv(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("oomspec-matrix.md"), markdown(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("oomspec-matrix.html"), html(), StandardCharsets.UTF_8);
  }
}
