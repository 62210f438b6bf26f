package dev.oomspec.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.conformance.runner.Cell;
import dev.oomspec.conformance.runner.RevisionMatrix;
import dev.oomspec.conformance.runner.RunRecord;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.spec.Spec;
import dev.oomspec.spec.model.Clause;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix writer: cells, counts, the three files. */
class RevisionMatrixTest {
  static final Spec SPEC = Spec.loadDefault();
  static final List<RunRecord> RUNS = List.of(
      new RunRecord("KILL-02", "v3", Scope.IN_REVISION, Cell.PASS, "", "", ""),
      new RunRecord("KILL-02", "v2", Scope.CROSS_REVISION, Cell.DIFFERS,
          "v2 does what KILL-02-absent-before-v3 says — ret 0", "KILL-02-absent-before-v3", ""),
      new RunRecord("KILL-03", "v3", Scope.CROSS_REVISION, Cell.UNDOCUMENTED, "ret: expected -EINVAL, observed 0", "", ""),
      new RunRecord("KILL-03b", "v3", Scope.IN_REVISION, Cell.DOCUMENTED, "absence of an error path", "", ""));

  static RevisionMatrix matrix() {
    List<Clause> clauses = List.of(SPEC.clause("KILL-02").orElseThrow(), SPEC.clause("KILL-03").orElseThrow(),
        SPEC.clause("KILL-03b").orElseThrow());
    return new RevisionMatrix(clauses, List.of("v2", "v3"), RUNS);
  }

  @Test
  void recordsSurviveTheirTsvLine() {
    assertEquals(RUNS, RUNS.stream().map(r -> RunRecord.parse(r.toLine())).toList());
  }

  @Test
  void cellsAndCounts() {
    RevisionMatrix m = matrix();
    assertEquals(Cell.DIFFERS, m.cell("KILL-02", "v2"));
    assertEquals(Cell.NOT_RUN, m.cell("KILL-03b", "v2"));
    assertEquals(1, m.counts().get("v3").get(Cell.PASS));
    assertEquals(1, m.counts().get("v3").get(Cell.UNDOCUMENTED));
    assertEquals(1, m.totals().get(Cell.DIFFERS));
    assertEquals(List.of("area", "v2", "v3"), m.areaTable().header());
    assertEquals(List.of("Kfunc return codes", "1 differs", "1 pass · 1 undocumented · 1 documented"),
        m.areaTable().rows().get(0));
  }

  @Test
  void csvHasEveryClauseWithItsText(@TempDir Path dir) throws Exception {
    matrix().write(dir, "../../");
    List<String> csv = Files.readAllLines(dir.resolve("oomspec-matrix.csv"));
    assertEquals("clause,kind,area,revisions,v2,v3,text,statement", csv.get(0));
    assertTrue(csv.get(1).startsWith("KILL-02,return-code,return-codes,v3 post,differs,pass,"
        + "spec/src/main/resources/dev/oomspec/spec/clauses/kill.yaml,"), csv.get(1));
  }

  @Test
  void markdownSummarisesInsteadOfListingEveryClause(@TempDir Path dir) throws Exception {
    matrix().write(dir, "../../");
    String md = Files.readString(dir.resolve("oomspec-matrix.md"));
    assertTrue(md.startsWith("# " + RevisionMatrix.TITLE + "\n"), md);
    assertTrue(md.contains("## Per area × target"), md);
    assertTrue(md.contains("| Kfunc return codes | 1 differs | 1 pass · 1 undocumented · 1 documented |"), md);
    assertTrue(md.contains("## Documented differences between revisions (asserted) (1)"), md);
    assertTrue(md.contains("| KILL-02 | v2 | KILL-02-absent-before-v3 |"), md);
    assertTrue(md.contains("## Undocumented differences (no clause says what the revision does) (1)"), md);
    assertFalse(md.contains("## Every clause"), md);
  }

  @Test
  void htmlIsTitledLinkedFilterableAndOffline(@TempDir Path dir) throws Exception {
    matrix().write(dir, "../../");
    String html = Files.readString(dir.resolve("oomspec-matrix.html"));
    assertTrue(html.contains("<title>" + RevisionMatrix.TITLE + "</title>"), "title");
    assertTrue(html.contains("<a href=\"../../spec/src/main/resources/dev/oomspec/spec/clauses/kill.yaml\""),
        "clause id links to its text");
    assertTrue(html.contains("<a href=\"https://lkml.iu.edu/hypermail/linux/kernel/2604.3/08958.html\">v3 08/17</a>"),
        "citations are links");
    assertTrue(html.contains("<td class=c-differs title=\"documented by KILL-02-absent-before-v3: "), "cell tooltip");
    assertTrue(html.contains("<input id=q"), "filter box");
    assertTrue(html.contains("<script>"), "inline filter script");
    assertFalse(Pattern.compile("<(script|link|img)[^>]*(src|href)=\"?https?:").matcher(html).find(),
        "no external resource");
    int rfc = html.indexOf("<th>v2</th>"), v3 = html.indexOf("<th>v3</th>");
    assertTrue(rfc > 0 && rfc < v3, "columns in the given (chronological) order");
  }
}
