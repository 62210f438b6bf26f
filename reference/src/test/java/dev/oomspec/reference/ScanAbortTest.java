package dev.oomspec.reference;

import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * oom_evaluate_task(): an existing victim without MMF_OOM_SKIP aborts the scan (nothing killed,
 * nothing printed, returns true); with MMF_OOM_SKIP it is skipped; oom_task_origin() wins with LONG_MAX.
 */
class ScanAbortTest {
    final Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
    final Task small = r.proc(200, "small", 100);
    final Task big = r.proc(201, "big", 5000);
    final Task old = r.proc(202, "old", 50);

    { r.w.setCurrent(small); }

    @Test
    void existingVictimAbortsTheScanSilently() {
        old.markAsPreviousVictim();
        OomRecorder.Run oc = r.global();
        assertTrue(r.ret, "an aborted scan returns true");
        assertEquals(OomTrace.Exit.ABORTED_EXISTING_VICTIM, oc.exit());
        assertNull(oc.victim());
        assertEquals(List.of(), r.sigkilled());
        assertEquals(List.of(), r.lines(), "no report at all");
        assertEquals(0, r.w.vmstatOomKill());
    }

    @Test
    void existingVictimVisitedBeforeTheBiggestStillAborts() {
        Rig q = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Task first = q.proc(200, "first", 10).markAsPreviousVictim();
        q.proc(201, "big", 5000);
        q.w.setCurrent(first);
        OomRecorder.Run oc = q.global();
        assertEquals(OomTrace.Exit.ABORTED_EXISTING_VICTIM, oc.exit());
        assertEquals(1, oc.candidates().size(), "the scan stopped at the victim; big was never evaluated");
        assertEquals(List.of(), q.sigkilled());
    }

    @Test
    void existingVictimWithOomSkipIsSkipped() {
        old.markAsPreviousVictim();
        old.mm().setOomSkip(true);
        OomRecorder.Run oc = r.global();
        assertEquals(OomTrace.Exit.KILLED, oc.exit());
        assertEquals(big, oc.victim());
        assertEquals(List.of(201), r.sigkilled());
    }

    @Test
    void oomTaskOriginBeatsABiggerTask() {
        small.setOomFlagOrigin(true);
        OomRecorder.Run oc = r.global();
        assertEquals(small, oc.victim());
        assertEquals(Long.MAX_VALUE, oc.chosenPoints(), "LONG_MAX");
        assertEquals(List.of(200), r.sigkilled());
    }

    @Test
    void laterOriginTaskReplacesAnEarlierOne() {
        small.setOomFlagOrigin(true);
        old.setOomFlagOrigin(true);
        assertEquals(old, r.global().victim());
    }

    @Test
    void originDoesNotOverrideTheAbort() {
        small.setOomFlagOrigin(true);
        old.markAsPreviousVictim();
        OomRecorder.Run oc = r.global();
        assertEquals(OomTrace.Exit.ABORTED_EXISTING_VICTIM, oc.exit(), "the abort test comes before the origin test");
        assertEquals(List.of(), r.sigkilled());
    }
}
