package dev.oomspec.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.conformance.runner.Expectations;
import dev.oomspec.conformance.runner.Mismatch;
import dev.oomspec.conformance.target.Observed;
import dev.oomspec.spec.model.Expect;
import dev.oomspec.spec.model.FilterVerdict;
import dev.oomspec.spec.model.ReportLine;
import dev.oomspec.spec.model.Ret;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The comparator on hand-written cases. */
class ExpectationsTest {
  static Expect ret(String r, Boolean killed) {
    return new Expect(Ret.parse(r), killed, null, null, null, null, null, null, null, null, null, null, null);
  }

  @Test
  void matchingErrnoAndFlags() {
    Observed o = new Observed(-22L, false, false, null, null, null, null, null, null, null, null, null);
    assertTrue(Expectations.compare(ret("-EINVAL", false), o).isEmpty());
  }

  @Test
  void wrongErrnoIsNamed() {
    List<Mismatch> ms = Expectations.compare(ret("-EINVAL", null), Observed.ret(0));
    assertEquals(1, ms.size());
    assertEquals("ret: expected -EINVAL, observed 0", ms.get(0).toString());
    assertEquals("ret: expected -EEXIST, observed -EBUSY (-16)",
        Expectations.compare(ret("-EEXIST", null), Observed.ret(-16)).get(0).toString());
  }

  @Test
  void nullExpectationsAreNotAsserted() {
    Observed o = new Observed(0L, true, true, true, true, null, null, null, null, null, null, null);
    assertTrue(Expectations.compare(ret("0", null), o).isEmpty());
  }

  @Test
  void missingObservationIsAMismatch() {
    Observed blocked = new Observed(null, false, null, false, false, null, null, null, null, null, null, null);
    assertEquals("ret", Expectations.compare(ret("-EINVAL", null), blocked).get(0).field());
  }

  @Test
  void verdictAndHandlerOrder() {
    assertTrue(Expectations.compare(Expect.verdict(FilterVerdict.EACCES), Observed.verdict("EACCES")).isEmpty());
    assertEquals(1, Expectations.compare(Expect.verdict(FilterVerdict.ALLOWED), Observed.verdict("EACCES")).size());
    Expect e = new Expect(null, null, null, null, null, null, true, List.of("b", "a"), false, null, null, null, null);
    Observed o = new Observed(null, null, null, null, null, null, true, List.of("a", "b"), false, null, null, null);
    assertEquals("handlersRan", Expectations.compare(e, o).get(0).field());
  }

  @Test
  void reportPresentNeedsFormatAndRendering() {
    List<String> log = List.of("victim invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=0, oom_score_adj=0",
        "oom_policy=default", "bpf oom test: Killed process 200 (victim) total-vm:20000kB");
    Expect e = new Expect(null, null, null, null, null, null, null, null, null, List.of(
        new ReportLine("%s invoked oom-killer: gfp_mask=%#x(%pGg), order=%d, oom_score_adj=%hd\noom_policy=%s\n",
            "oom_policy=default"),
        new ReportLine("%s: Killed process %d (%s) ...", "bpf oom test: Killed process"),
        new ReportLine("%s invoked oom-killer: gfp_mask=%#x(%pGg), order=%d, oom_score_adj=%hd",
            "gfp_mask=0xcc0(GFP_KERNEL), order=0")), null, null, null);
    assertTrue(Expectations.compare(e, Observed.report(log)).isEmpty());
    Expect wrong = new Expect(null, null, null, null, null, null, null, null, null,
        List.of(new ReportLine("oom bpf handler: %s\n", "oom bpf handler: x")), null, null, null);
    assertEquals("reportPresent", Expectations.compare(wrong, Observed.report(log)).get(0).field());
  }

  @Test
  void reportAbsentMatchesByFormat() {
    Expect e = new Expect(null, null, null, null, null, null, null, null, null, null,
        List.of(new ReportLine("oom_policy=%s", null), new ReportLine("oom bpf handler: %s", null)), null, null);
    List<Mismatch> ms = Expectations.compare(e, Observed.report(List.of("header", "oom_policy=default")));
    assertEquals(1, ms.size());
    assertEquals("\"oom_policy=default\"", ms.get(0).observed());
  }
}
