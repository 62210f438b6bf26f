package dev.oomspec.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.ClauseKind;
import dev.oomspec.spec.model.Revision;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
    assertEquals(14, SPEC.clause("ORDER-v3-arm64-64k-max-plus-1").orElseThrow().given().platform().largestValidOrder() + 1);
  }

  /** Every row id of bpf-oom-series.md §4/§6/§10 (checked-in copy) is covered for every revision it names. */
  @Test
  void everyTableRowIsCoveredPerRevision() throws Exception {
    List<String> missing = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(
        Objects.requireNonNull(getClass().getResourceAsStream("/expected-rows.txt")), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        line = line.strip();
        if (line.isEmpty() || line.startsWith("#")) continue;
        String[] parts = line.split("\\s+");
        String id = parts[0];
        for (int i = 1; i < parts.length; i++) {
          Revision rev = Revision.of(parts[i]);
          boolean covered = SPEC.clausesFor(rev).stream()
              .anyMatch(c -> c.id().equals(id) || (c.covers() != null && c.covers().contains(id)));
          if (!covered) missing.add(id + "@" + rev);
        }
      }
    }
    assertTrue(missing.isEmpty(), "rows without a clause: " + missing);
  }
}
