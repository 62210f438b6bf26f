package dev.oomspec.conformance.runner;

import dev.oomspec.reports.CsvWriter;
import dev.oomspec.reports.MarkdownTable;
import dev.oomspec.reports.Table;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.FilterCall;
import dev.oomspec.spec.model.Kfunc;
import dev.oomspec.spec.model.Revision;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Clause × target → {@link Cell}: the CSV (every clause), a Markdown summary (counts per area × target and the
 * runs worth reading: failures, findings, differences) and one self-contained, filterable HTML page.
 */
public final class RevisionMatrix {
  /** The cells in the order the tables show them. */
  public static final List<Cell> SHOWN = List.of(Cell.PASS, Cell.FAIL, Cell.FINDING, Cell.DIFFERS, Cell.UNDOCUMENTED,
      Cell.SAME, Cell.NOT_APPLICABLE, Cell.DOCUMENTED);
  public static final String TITLE = "Revision matrix of the BPF OOM series (RFC, v1, v2, v3, post)";

  private final List<Clause> clauses;
  private final List<String> targetIds;
  private final Map<String, Map<String, RunRecord>> cells = new LinkedHashMap<>();

  /**
   * @param clauses every clause, in spec order
   * @param targetIds the columns, in chronological order
   * @param records the runs
   */
  public RevisionMatrix(List<Clause> clauses, List<String> targetIds, List<RunRecord> records) {
    this.clauses = List.copyOf(clauses);
    this.targetIds = List.copyOf(targetIds);
    for (RunRecord r : records) cells.computeIfAbsent(r.clauseId(), k -> new LinkedHashMap<>()).put(r.targetId(), r);
  }

  public List<String> targetIds() {
    return targetIds;
  }

  public Cell cell(String clauseId, String targetId) {
    RunRecord r = record(clauseId, targetId);
    return r == null ? Cell.NOT_RUN : r.cell();
  }

  public RunRecord record(String clauseId, String targetId) {
    return cells.getOrDefault(clauseId, Map.of()).get(targetId);
  }

  /** Clauses with at least one run, in spec order. */
  public List<Clause> rows() {
    return clauses.stream().filter(c -> cells.containsKey(c.id())).toList();
  }

  /** Per target: how many cells of each kind. */
  public Map<String, Map<Cell, Integer>> counts() {
    Map<String, Map<Cell, Integer>> out = new LinkedHashMap<>();
    for (String t : targetIds) {
      Map<Cell, Integer> m = zero();
      for (Clause c : rows()) {
        Cell cell = cell(c.id(), t);
        if (cell != Cell.NOT_RUN) m.merge(cell, 1, Integer::sum);
      }
      out.put(t, m);
    }
    return out;
  }

  /** Over every target: how many cells of each kind. */
  public Map<Cell, Integer> totals() {
    Map<Cell, Integer> m = zero();
    for (Map<Cell, Integer> perTarget : counts().values()) perTarget.forEach((k, v) -> m.merge(k, v, Integer::sum));
    return m;
  }

  private static Map<Cell, Integer> zero() {
    Map<Cell, Integer> m = new EnumMap<>(Cell.class);
    for (Cell c : SHOWN) m.put(c, 0);
    return m;
  }

  /** The runs with the given verdict, clause order then target order. */
  public List<RunRecord> runs(Cell cell) {
    List<RunRecord> out = new ArrayList<>();
    for (Clause c : rows())
      for (String t : targetIds) {
        RunRecord r = record(c.id(), t);
        if (r != null && r.cell() == cell) out.add(r);
      }
    return out;
  }

  public Table countsTable() {
    List<String> header = new ArrayList<>(List.of("target"));
    for (Cell c : SHOWN) header.add(c.spelling());
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<Cell, Integer>> e : counts().entrySet()) {
      List<String> r = new ArrayList<>(List.of(e.getKey()));
      for (Cell c : SHOWN) r.add(Integer.toString(e.getValue().get(c)));
      rows.add(r);
    }
    return new Table(header, rows);
  }

  /** Area × target: the non-zero counts of each cell, e.g. "33 pass · 3 differs". */
  public Table areaTable() {
    Map<String, Map<String, Map<Cell, Integer>>> byArea = new LinkedHashMap<>();
    for (Clause c : rows())
      for (String t : targetIds) {
        Cell cell = cell(c.id(), t);
        if (cell == Cell.NOT_RUN) continue;
        byArea.computeIfAbsent(c.area(), k -> new LinkedHashMap<>())
            .computeIfAbsent(t, k -> zero()).merge(cell, 1, Integer::sum);
      }
    List<String> header = new ArrayList<>(List.of("area"));
    header.addAll(targetIds);
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<String, Map<Cell, Integer>>> e : byArea.entrySet()) {
      List<String> r = new ArrayList<>(List.of(ReportNames.area(e.getKey())));
      for (String t : targetIds) r.add(summary(e.getValue().get(t)));
      rows.add(r);
    }
    return new Table(header, rows);
  }

  static String summary(Map<Cell, Integer> m) {
    if (m == null) return "—";
    List<String> parts = new ArrayList<>();
    for (Cell c : SHOWN) if (m.getOrDefault(c, 0) > 0) parts.add(m.get(c) + " " + c.spelling());
    return parts.isEmpty() ? "—" : String.join(" · ", parts);
  }

  /** Every clause × target (the CSV). */
  public Table table() {
    List<String> header = new ArrayList<>(List.of("clause", "kind", "area", "revisions"));
    header.addAll(targetIds);
    header.addAll(List.of("text", "statement"));
    List<List<String>> rows = new ArrayList<>();
    for (Clause c : rows()) {
      List<String> r = new ArrayList<>(List.of(c.id(), c.kind().spelling(), c.area(), revisions(c)));
      for (String t : targetIds) r.add(cell(c.id(), t).spelling());
      int line = Links.specLine(c);
      r.add(Links.specFile(c) + (line > 0 ? ":" + line : ""));
      r.add(c.statement() == null ? "" : c.statement());
      rows.add(r);
    }
    return new Table(header, rows);
  }

  /** The hand-written clauses × target. */
  public Table handWrittenTable() {
    List<String> header = new ArrayList<>(List.of("clause", "area", "revisions"));
    header.addAll(targetIds);
    List<List<String>> rows = new ArrayList<>();
    for (Clause c : rows()) {
      if (!ClauseRunner.handWritten(c)) continue;
      List<String> r = new ArrayList<>(List.of(c.id(), c.area(), revisions(c)));
      for (String t : targetIds) r.add(cell(c.id(), t).spelling());
      rows.add(r);
    }
    return new Table(header, rows);
  }

  /** The runs with the given verdict: clause, target, related clause, what happened. */
  public Table runsTable(Cell cell) {
    List<List<String>> rows = new ArrayList<>();
    for (RunRecord r : runs(cell))
      rows.add(List.of(r.clauseId(), r.targetId(), r.sibling().isEmpty() ? r.finding() : r.sibling(), r.detail()));
    return new Table(List.of("clause", "target", relatedHeader(cell), "what"), rows);
  }

  static String relatedHeader(Cell cell) {
    return switch (cell) {
      case FINDING -> "finding";
      case UNDOCUMENTED -> "same call, says nothing against it";
      default -> "documented by";
    };
  }

  /**
   * Who may call {@code kfunc} from a sleepable site, per revision: the expected verdict of each revision's own
   * filter row, with the run's cell (program type / attach target pairs where some revision lets the call through
   * a hook, i.e. the verdict is allowed or EACCES).
   */
  public Table callersTable(Kfunc kfunc) {
    Map<String, Map<Revision, String>> byKey = new LinkedHashMap<>();
    for (Clause c : clauses) {
      if (!(c.call() instanceof FilterCall f) || f.kfunc() != kfunc || !f.sleepableSite()) continue;
      String key = f.progType() + " " + f.attachTarget();
      for (Revision r : c.revisions()) {
        RunRecord rec = record(c.id(), r.displayName());
        String v = c.expect().verdict().spelling();
        byKey.computeIfAbsent(key, k -> new LinkedHashMap<>())
            .put(r, v + (rec == null ? "" : " (" + rec.cell().spelling() + ")"));
      }
    }
    List<String> header = new ArrayList<>(List.of("program type / attach target"));
    for (Revision r : Revision.values()) header.add(r.displayName());
    List<List<String>> rows = new ArrayList<>();
    for (Map.Entry<String, Map<Revision, String>> e : byKey.entrySet()) {
      boolean interesting = e.getValue().values().stream().anyMatch(v -> v.startsWith("allowed") || v.startsWith("EACCES"));
      if (!interesting) continue;
      List<String> row = new ArrayList<>(List.of(e.getKey()));
      for (Revision r : Revision.values()) row.add(e.getValue().getOrDefault(r, "—"));
      rows.add(row);
    }
    return new Table(header, rows);
  }

  static String revisions(Clause c) {
    return String.join(" ", c.revisions().stream().map(Revision::displayName).toList());
  }

  /** The legend shared by the Markdown and HTML versions. */
  public static final List<List<String>> LEGEND = List.of(
      List.of("pass", "in-revision run: the revision does what the clause says"),
      List.of("FAIL", "a real problem: an in-revision mismatch, a documented difference that does not hold, or a finding that no longer reproduces (fails the build)"),
      List.of("finding", "the revision's code disagrees with the clause's words where docs/findings.md says it does"),
      List.of("differs", "cross-revision: the revision differs from the clause exactly as a sibling clause says (asserted)"),
      List.of("undocumented", "cross-revision: the revision differs and no clause says what it does (a gap in the spec, not a failure)"),
      List.of("same", "cross-revision: the clause's words hold on a revision it does not claim"),
      List.of("n/a", "the target cannot express the call (reason in the report)"),
      List.of("documented", "words only (kind documented): not executable, never counted as passed"),
      List.of("—", "not run on this target"));

  public String markdown() {
    StringBuilder b = new StringBuilder();
    b.append("# ").append(TITLE).append("\n\n");
    b.append("Generated by `./mvnw -B verify` (module conformance): ").append(rows().size())
        .append(" clauses × ").append(targetIds.size()).append(" targets. The full matrix, one row per clause: ")
        .append("`oomspec-matrix.csv` and the filterable `oomspec-matrix.html` next to this file. The rule: ")
        .append("docs/conformance.md.\n\n");
    b.append(MarkdownTable.render(new Table(List.of("cell", "meaning"), LEGEND))).append('\n');
    b.append("## Counts per target\n\n").append(MarkdownTable.render(countsTable())).append('\n');
    b.append("## Per area × target\n\n").append(MarkdownTable.render(areaTable())).append('\n');
    for (Cell c : List.of(Cell.FAIL, Cell.FINDING, Cell.DIFFERS, Cell.UNDOCUMENTED)) {
      List<RunRecord> rs = runs(c);
      b.append("## ").append(heading(c)).append(" (").append(rs.size()).append(")\n\n");
      b.append(rs.isEmpty() ? "None.\n" : MarkdownTable.render(runsTable(c))).append('\n');
    }
    b.append("## Hand-written clauses\n\n").append(MarkdownTable.render(handWrittenTable())).append('\n');
    b.append("## Who may call bpf_out_of_memory() (sleepable call site; verdict of each revision's own filter row)\n\n")
        .append(MarkdownTable.render(callersTable(Kfunc.BPF_OUT_OF_MEMORY)));
    return b.toString();
  }

  static String heading(Cell c) {
    return switch (c) {
      case FAIL -> "Failures";
      case FINDING -> "Findings (docs/findings.md)";
      case DIFFERS -> "Documented differences between revisions (asserted)";
      case UNDOCUMENTED -> "Undocumented differences (no clause says what the revision does)";
      default -> c.spelling();
    };
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

  /** The single-file HTML page; clause links are relative to {@code linkBase} (the repository root). */
  public String html(String linkBase) {
    return new MatrixHtml(this, clauses, linkBase).page();
  }

  /** Counts, areas and the runs worth reading, as an HTML fragment with inline styles (Allure's description). */
  public String htmlFragment() {
    return new MatrixHtml(this, clauses, "").fragment();
  }

  /** Writes {@code oomspec-matrix.csv}, {@code .md} and {@code .html} into {@code dir} (links: {@code linkBase}). */
  public void write(Path dir, String linkBase) throws IOException {
    Files.createDirectories(dir);
    Files.writeString(dir.resolve("oomspec-matrix.csv"), csv(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("oomspec-matrix.md"), markdown(), StandardCharsets.UTF_8);
    Files.writeString(dir.resolve("oomspec-matrix.html"), html(linkBase), StandardCharsets.UTF_8);
  }
}
