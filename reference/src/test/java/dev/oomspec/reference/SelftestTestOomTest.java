package dev.oomspec.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.bpf.BpfOom;
import dev.oomspec.reference.bpf.Handlers;
import dev.oomspec.reference.bpf.SeriesRevision;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The series' test_oom selftest (bpf-oom-series.md §9.1) run in the model. */
class SelftestTestOomTest {
    static final long MB = 256; // pages

    /** /oom_test (memory.max 80 MB, swap.max 0) with cg1 10 MB adj +1000, cg2 40 MB adj -1000, cg3/cg4 30 MB, cg3/cg5 20 MB. */
    static final class Tree {
        final World w = World.forKernel("6.18.0", Memcg.Hierarchy.V2).setTotalSwapPages(1 << 20);
        final Memcg top = w.memcontrol().createPath("/oom_test").setMemoryMax(80 * MB).setSwapMax(0);
        final Task cg1 = child("/oom_test/cg1", 101, 10, 1000);
        final Task cg2 = child("/oom_test/cg2", 102, 40, -1000);
        final Task cg4 = child("/oom_test/cg3/cg4", 104, 30, 0);
        final Task cg5 = child("/oom_test/cg3/cg5", 105, 20, 0);

        Task child(String path, int pid, long mb, int adj) {
            Task t = w.newProcess(pid, "test_progs", 0, new Mm(mb * MB + 1000, mb * MB, 0, 0, 0, 0));
            t.setOomScoreAdj(adj);
            w.attach(t, w.memcontrol().createPath(path));
            return t;
        }

        OomControl oom() {
            w.setCurrent(cg5);
            w.oomLock().lockKillable();
            try {
                OomControl oc = OomControl.memcg(top, Gfp.GFP_KERNEL, 0);
                w.oomKill().outOfMemory(oc);
                return oc;
            } finally {
                w.oomLock().unlock();
            }
        }
    }

    @Test
    void kernelDefaultKillsCg1() {
        Tree t = new Tree();
        OomControl oc = t.oom();
        // totalpages = memory.max + min(swap.max = 0, total_swap) = 20480: adj term = adj * 20
        assertEquals(20480, oc.totalpages());
        assertEquals(t.cg1, oc.victim());
        assertEquals(10 * MB + 1000 * 20, oc.chosenPoints());
    }

    @ParameterizedTest
    @EnumSource(SeriesRevision.class)
    void bpfPolicyKillsCg4(SeriesRevision rev) {
        Tree t = new Tree();
        BpfOom bpf = BpfOom.install(t.w, rev);
        if (rev == SeriesRevision.RFC || rev == SeriesRevision.V1) {
            assertEquals(0, bpf.attach(Handlers.testOomPolicy(rev), null));
        } else { // attached twice: to /oom_test (declines) and system-wide / root (handles)
            assertEquals(0, bpf.attach(Handlers.testOomPolicy(rev), t.top));
            assertEquals(0, bpf.attach(Handlers.testOomPolicy(rev), null));
        }
        OomControl oc = t.oom();
        assertEquals(OomControl.Exit.BPF_HANDLED, oc.exit());
        assertEquals(java.util.List.of(t.cg4), oc.killed(), "correct process was killed");
        assertTrue(t.cg4.sigkillPending());
        assertFalse(t.cg1.sigkillPending());
        Memcg cg4 = t.cg4.memcg();
        assertEquals(1, cg4.events(Memcg.Event.OOM_KILL), "oom_kill 1");
        BpfOom.Dispatch d = (BpfOom.Dispatch) oc.bpfDispatch();
        assertTrue(d.handled());
        if (rev == SeriesRevision.V2 || rev == SeriesRevision.V3 || rev == SeriesRevision.POST) {
            assertEquals(2, d.invocations().size(), "first instance declines, the upper one handles");
            assertEquals(0, d.invocations().get(0).ret());
            assertEquals(1, d.invocations().get(1).ret());
        }
        // the report of the BPF kill: v3/post name the handler, v1/v2 put oom_policy= in the header record
        var lines = t.w.kmsg().lines();
        switch (rev) {
            case V3, POST -> assertEquals("oom bpf handler: bpf_test_policy", lines.get(1));
            case V1, V2 -> assertEquals("oom_policy=bpf_test_policy", lines.get(1));
            default -> assertTrue(lines.get(1).startsWith("memory: usage"));
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bpf oom test: Killed process 104 (test_progs)")));
    }
}
