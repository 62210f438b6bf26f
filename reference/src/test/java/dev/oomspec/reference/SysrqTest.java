package dev.oomspec.reference;

import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SysRq-f, moom_callback(): GFP_KERNEL, order -1; never aborts on an existing
 * victim, never panics, a notifier's "freed" does not stop it; "OOM request ignored. No task eligible" if nothing done.
 */
class SysrqTest {
    final Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
    final Task worker = r.proc(100, "kworker/0:1", 10);
    final Task small = r.proc(200, "small", 100);
    final Task big = r.proc(201, "big", 5000);

    { r.w.setCurrent(worker); }

    @Test
    void headerShowsOrderMinusOneAndGfpKernel() {
        OomRecorder.Run oc = r.w.recorder().run(r.w.oomKill().moomCallback());
        assertTrue(oc.oc().isSysrqOom());
        assertEquals("kworker/0:1 invoked oom-killer: gfp_mask=0xcc0(GFP_KERNEL), order=-1, oom_score_adj=0", r.lines().get(0));
        assertEquals(List.of(201), r.sigkilled());
        assertEquals("Out of memory: Killed process 201 (big) total-vm:20000kB, anon-rss:20000kB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:0kB oom_score_adj:0",
                r.linesWith("Killed process").get(0));
        assertEquals(List.of(), r.linesWith("OOM request ignored"));
        assertFalse(r.w.oomLock().isLocked(), "moom_callback drops oom_lock");
    }

    @Test
    void noAbortOnAnExistingVictim() {
        small.markAsPreviousVictim();
        OomRecorder.Run oc = r.w.recorder().run(r.w.oomKill().moomCallback());
        assertEquals(OomTrace.Exit.KILLED, oc.exit());
        assertEquals(big, oc.victim());
    }

    @Test
    void existingVictimItselfIsStillACandidate() {
        big.markAsPreviousVictim();
        OomRecorder.Run oc = r.w.recorder().run(r.w.oomKill().moomCallback());
        assertEquals(big, oc.victim(), "evaluated by badness like anyone else");
    }

    @Test
    void notifierFreedDoesNotStopSysrqButStopsARealOom() {
        r.w.addOomNotifier(() -> 10);
        OomRecorder.Run real = r.global();
        assertEquals(OomTrace.Exit.NOTIFIER_FREED, real.exit());
        assertEquals(List.of(), r.sigkilled());
        OomRecorder.Run oc = r.w.recorder().run(r.w.oomKill().moomCallback());
        assertEquals(OomTrace.Exit.KILLED, oc.exit());
        assertNull(oc.panic());
    }

    @Test
    void nothingEligibleIsIgnoredWithoutPanic() {
        Rig q = new Rig("6.18.0", Memcg.Hierarchy.V2);
        q.w.setCurrent(q.w.newKthread(50, "kworker/0:1"));
        OomRecorder.Run oc = q.w.recorder().run(q.w.oomKill().moomCallback());
        assertNull(oc.panic());
        assertEquals(List.of(), q.linesWith("Kernel panic"));
        assertEquals("OOM request ignored. No task eligible", q.lines().get(q.lines().size() - 1));
        assertEquals("I", q.records().get(q.records().size() - 1).level());
    }
}
