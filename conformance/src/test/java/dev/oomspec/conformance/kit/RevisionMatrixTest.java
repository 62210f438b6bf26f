package dev.oomspec.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The matrix writer. */
class RevisionMatrixTest {
  static final Spec SPEC = Spec.loadDefault();

  @Test
  void cellsCountsAndFiles(@TempDir Path dir) throws Exception {
    List<Clause> clauses = List.of(SPEC.clause("KILL-02").orElseThrow(), SPEC.clause("KILL-03b").orElseThrow());
    List<RunRecord> runs = List.of(
        new RunRecord("KILL-02", "v3", Scope.IN_REVISION, Cell.PASS, ""),
        new RunRecord("KILL-02", "v2", Scope.CROSS_REVISION, Cell.DIFFERS, "ret: expected -EINVAL, observed 0"),
        new RunRecord("KILL-03b", "v3", Scope.IN_REVISION, Cell.DOCUMENTED, "absence of an error path"));
    // the TSV round trip used between the two failsafe JVMs
    List<RunRecord> back = runs.stream().map(r -> RunRecord.parse(r.toLine())).toList();
    assertEquals(runs, back);
    RevisionMatrix m = new RevisionMatrix(clauses, List.of("v2", "v3"), back);
    assertEquals(Cell.DIFFERS, m.cell("KILL-02", "v2"));
    assertEquals(Cell.NOT_RUN, m.cell("KILL-03b", "v2"));
    assertEquals(1, m.counts().get("v3").get(Cell.PASS));
    assertEquals(1, m.counts().get("v3").get(Cell.DOCUMENTED));
    m.write(dir);
    List<String> csv = Files.readAllLines(dir.resolve("oomspec-matrix.csv"));
    assertEquals("clause,kind,area,revisions,v2,v3", csv.get(0));
    assertEquals("KILL-02,return-code,return-codes,v3 post,differs,pass", csv.get(1));
    String md = Files.readString(dir.resolve("oomspec-matrix.md"));
    assertTrue(md.contains("| KILL-03b | documented | return-codes | v3 post | — | documented |"), md);
    assertTrue(Files.readString(dir.resolve("oomspec-matrix.html")).contains("<td class=differs>differs</td>"));
  }
}
