package dev.oomspec.reference;

import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * check_panic_on_oom() (vm.panic_on_oom 0/1/2 by constraint, never for sysrq) and vm.oom_kill_allocating_task.
 */
class PanicAndAllocatingTaskTest {
    final Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
    final Memcg job = r.cg("/job").setMemoryMax(8000).setSwapMax(0);
    final Task big = r.proc(200, "big", 5000, job);
    final Task alloc = r.proc(201, "alloc", 1000, job);

    { r.w.setCurrent(alloc); }

    @Test
    void panicOnOom1PanicsForAnUnconstrainedGlobalOom() {
        r.w.setPanicOnOom(1);
        OomRecorder.Run oc = r.global();
        assertEquals(OomTrace.Exit.PANIC_ON_OOM, oc.exit());
        assertEquals("Out of memory: system-wide panic_on_oom is enabled", oc.panic());
        List<String> l = r.lines();
        assertEquals("alloc invoked oom-killer: gfp_mask=0x100cca(GFP_HIGHUSER_MOVABLE), order=0, oom_score_adj=0", l.get(0));
        assertEquals("Kernel panic - not syncing: Out of memory: system-wide panic_on_oom is enabled", l.get(l.size() - 1));
        assertEquals(List.of(), r.sigkilled());
        assertEquals(List.of(), r.linesStarting("oom-kill:"), "header block only: no summary, no kill");
        assertEquals(0, r.w.vmstatOomKill());
    }

    @Test
    void panicOnOom1IgnoresMemcgAndCpusetConstraints() {
        r.w.setPanicOnOom(1);
        OomRecorder.Run oc = r.memcg(job);
        assertEquals(OomTrace.Exit.KILLED, oc.exit());
        assertNull(oc.panic());
        assertEquals(List.of(200), r.sigkilled());

        Rig n = new Rig("6.18.0", Memcg.Hierarchy.V2);
        n.w.setNodes(new TreeMap<>(java.util.Map.of(0, 1L << 19, 1, 1L << 19))).setPanicOnOom(1);
        Task cur = n.proc(300, "pinned", 5000).setMemsAllowed(Set.of(0));
        n.w.setCurrent(cur);
        OomRecorder.Run c = n.global();
        assertEquals(dev.oomspec.reference.mm.Constraint.CONSTRAINT_CPUSET, c.constraint());
        assertNull(c.panic(), "panic_on_oom=1: only CONSTRAINT_NONE panics");
        assertEquals(OomTrace.Exit.KILLED, c.exit());
    }

    @Test
    void panicOnOom2IsCompulsoryEvenForMemcg() {
        r.w.setPanicOnOom(2);
        OomRecorder.Run oc = r.memcg(job);
        assertEquals(OomTrace.Exit.PANIC_ON_OOM, oc.exit());
        assertEquals("Kernel panic - not syncing: Out of memory: compulsory panic_on_oom is enabled", r.lines().get(r.lines().size() - 1));
        assertEquals("panic", r.records().get(r.records().size() - 1).level());
        assertEquals(List.of(), r.sigkilled());
        assertEquals(0, job.events(Memcg.Event.OOM_KILL));
    }

    @Test
    void panicOnOomNeverForSysrq() {
        r.w.setPanicOnOom(2);
        OomRecorder.Run oc = r.w.recorder().run(r.w.oomKill().moomCallback());
        assertNull(oc.panic());
        assertEquals(OomTrace.Exit.KILLED, oc.exit());
        assertEquals(List.of(200), r.sigkilled());
    }

    @Test
    void allocatingTaskIsKilledInsteadOfTheBiggest() {
        r.w.setOomKillAllocatingTask(true);
        OomRecorder.Run oc = r.global();
        assertEquals(OomTrace.Exit.ALLOCATING_TASK, oc.exit());
        assertTrue(r.ret);
        assertEquals(List.of(201), r.sigkilled());
        assertEquals(List.of(), oc.candidates(), "no scan, no badness");
        assertEquals(List.of("Out of memory (oom_kill_allocating_task): Killed process 201 (alloc) total-vm:4000kB, anon-rss:4000kB, "
                + "file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:0kB oom_score_adj:0"), r.linesWith("Killed process"));
        assertTrue(r.linesStarting("oom-kill:").get(0).endsWith(",task=alloc,pid=201,uid=0"));
    }

    @Test
    void allocatingTaskSkipsTheExistingVictimAbort() {
        r.w.setOomKillAllocatingTask(true);
        big.markAsPreviousVictim();
        OomRecorder.Run oc = r.global();
        assertEquals(OomTrace.Exit.ALLOCATING_TASK, oc.exit(), "no abort check on this path");
        assertEquals(List.of(201), r.sigkilled());
    }

    @Test
    void allocatingTaskNotForMemcgOrMinusThousand() {
        r.w.setOomKillAllocatingTask(true);
        OomRecorder.Run m = r.memcg(job);
        assertEquals(OomTrace.Exit.KILLED, m.exit(), "never for memcg OOMs (4.9+)");
        assertEquals(List.of(200), r.sigkilled());

        Rig q = new Rig("6.18.0", Memcg.Hierarchy.V2);
        q.proc(200, "big", 5000);
        q.w.setCurrent(q.proc(201, "alloc", 1000).setOomScoreAdj(-1000)).setOomKillAllocatingTask(true);
        OomRecorder.Run g = q.global();
        assertEquals(OomTrace.Exit.KILLED, g.exit(), "adj -1000 current falls through to the scan");
        assertEquals(List.of(200), q.sigkilled());
    }

    @Test
    void gfpIrrelevantForPanicButNofsStillBailsFirst() {
        r.w.setPanicOnOom(2);
        OomRecorder.Run oc = r.run(OomControl.global(Gfp.GFP_NOFS, 0));
        assertEquals(OomTrace.Exit.NOFS_BAILOUT, oc.exit(), "step 4 (NOFS) comes before step 6 (panic)");
        assertNull(oc.panic());
    }
}
