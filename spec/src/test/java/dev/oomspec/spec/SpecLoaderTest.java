package dev.oomspec.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import dev.oomspec.spec.model.Revision;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class SpecLoaderTest {
  private static final Spec SPEC = Spec.loadDefault();

  @Test
  void loadsAndExpands() {
    assertFalse(SPEC.clauses().isEmpty());
    // 3 revisions x (1 none + 64 alone + 63 with bit 0)
    assertEquals(3 * 128, SPEC.clausesOfKind(ClauseKind.FLAG).size());
    // 5 revisions x rows x 4 cases
    assertEquals(5 * SPEC.orderBounds().size() * 4, SPEC.clausesOfKind(ClauseKind.ORDER).size());
    assertEquals(SPEC.filterMatrix().size(), SPEC.clausesOfKind(ClauseKind.FILTER).size());
  }

  @Test
  void seedAnswerForV3() {
    Clause kill02 = SPEC.clause("KILL-02").orElseThrow();
    assertEquals("-EINVAL", kill02.expect().ret().toString());
    assertTrue(kill02.holdsIn(Revision.V3));
    Clause bit7 = SPEC.clause("FLAG-v3-bit07-alone").orElseThrow();
    assertEquals("-EINVAL", bit7.expect().ret().toString());
    assertEquals("-EINTR", SPEC.clause("FLAG-v3-bit00-alone").orElseThrow().expect().ret().toString());
    assertEquals("-EBUSY", SPEC.clause("FLAG-v3-none").orElseThrow().expect().ret().toString());
    assertTrue(SPEC.clause("FLAG-v3-bit63-with-bit0").orElseThrow().inferred());
    assertEquals("-EINVAL", SPEC.clause("ORDER-v3-arm64-64k-max-plus-1").orElseThrow().expect().ret().toString());
    assertEquals(14, SPEC.clause("ORDER-v3-arm64-64k-max-plus-1").orElseThrow().call() instanceof dev.oomspec.spec.model.KfuncCall k
        ? k.argsOrNone().order() : Integer.valueOf(-1));
  }

  /** Every row id of docs/series.md ("Row ids" table) is covered by a clause in every revision the row names. */
  @Test
  void everySeriesRowIsCoveredPerRevision() throws Exception {
    List<String> missing = new ArrayList<>();
    List<String> lines = java.nio.file.Files.readAllLines(DocsCurrentTest.repoRoot().resolve("docs/series.md"), StandardCharsets.UTF_8);
    int rows = 0;
    for (String line : lines) {
      java.util.regex.Matcher m = java.util.regex.Pattern.compile("^\\| ([A-Z]+-[0-9A-Za-z]+) \\| ([A-Za-z0-9 ]+) \\|").matcher(line);
      if (!m.find()) continue;
      rows++;
      String id = m.group(1);
      for (String rev : m.group(2).trim().split("\\s+")) {
        Revision r = Revision.of(rev);
        boolean covered = SPEC.clausesFor(r).stream()
            .anyMatch(c -> c.id().equals(id) || (c.covers() != null && c.covers().contains(id)));
        if (!covered) missing.add(id + "@" + r);
      }
    }
    assertTrue(rows > 60, "docs/series.md row table not found (" + rows + " rows)");
    assertTrue(missing.isEmpty(), "rows without a clause: " + missing);
  }

  /** Every generated filter clause names the table rows it came from, and every finding's clause holds there. */
  @Test
  void generatedClausesNameTheirTableRows() {
    for (Clause c : SPEC.clausesOfKind(ClauseKind.FILTER)) {
      assertTrue(c.source().startsWith("tables:") && c.source().contains("kfunc-sets.csv:") && c.statement().contains("[derived from "), c.id());
    }
    Clause tcp = SPEC.clause("FILT-v3-STRUCT_OPS-other_struct_ops-ns-tcp_slow_start").orElseThrow();
    assertEquals("allowed", tcp.expect().verdict().spelling());
    assertEquals("F-03", tcp.findingFor(Revision.V3).orElseThrow().id());
    assertTrue(SPEC.clause("FILT-post-STRUCT_OPS-other_struct_ops-ns-tcp_slow_start").orElseThrow().findings().isEmpty());
  }

  /**
   * RAW_TRACEPOINT joined the TRACING kfunc hook only in Dec 2025 (kfunc-hooks.csv): in the RFC, whose kfuncs are
   * registered for TRACING, a raw_tp program does not see them, while tracepoint programs (TRACING hook since 2024) do.
   */
  @Test
  void hookOfAProgramTypeDependsOnTheRevisionsKernel() {
    assertEquals("not-visible", SPEC.clause("FILT-RFC-RAW_TRACEPOINT-raw_tp_any-ns-bpf_get_mem_cgroup").orElseThrow().expect().verdict().spelling());
    assertEquals("allowed", SPEC.clause("FILT-RFC-TRACEPOINT-tp_any-ns-bpf_get_mem_cgroup").orElseThrow().expect().verdict().spelling());
    Clause v3 = SPEC.clause("FILT-v3-RAW_TRACEPOINT-raw_tp_any-ns-bpf_out_of_memory").orElseThrow();
    assertTrue(v3.inferred(), "v3's base may or may not map RAW_TRACEPOINT to TRACING");
    assertTrue(v3.statement().contains("kfunc-hooks.csv:"), v3.statement());
  }
}
