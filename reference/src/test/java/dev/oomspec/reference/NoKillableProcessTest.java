package dev.oomspec.reference;

import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Nothing chosen: header block, W "Out of memory and no killable
 * processes...", and for a real global OOM panic("System is deadlocked on memory"); out_of_memory() returns false.
 */
class NoKillableProcessTest {
    @Test
    void globalOomWithNothingKillablePanics() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        r.w.newInit(new Mm(100, 100, 0, 0, 0, 0));
        r.w.newKthread(2, "kthreadd");
        r.w.setCurrent(r.proc(300, "protected", 5000).setOomScoreAdj(-1000));
        OomRecorder.Run oc = r.global();
        assertFalse(r.ret);
        assertEquals(OomTrace.Exit.NO_KILLABLE_PROCESS, oc.exit());
        assertEquals("System is deadlocked on memory", oc.panic());
        List<String> l = r.lines();
        assertTrue(l.get(0).startsWith("protected invoked oom-killer: "));
        int msg = l.indexOf("Out of memory and no killable processes...");
        assertTrue(msg > l.indexOf("Tasks state (memory values in pages):"), "after the task dump");
        assertEquals("Kernel panic - not syncing: System is deadlocked on memory", l.get(msg + 1));
        assertEquals("W", r.records().get(msg).level());
        assertEquals(List.of(), r.linesStarting("oom-kill:"), "no summary without a victim");
        assertEquals(List.of(), r.sigkilled());
    }

    @Test
    void memcgOomWithNothingKillableDoesNotPanic() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Memcg cg = r.cg("/c").setMemoryMax(1000).setSwapMax(0);
        r.w.setCurrent(r.proc(300, "protected", 900, cg).setOomScoreAdj(-1000));
        OomRecorder.Run oc = r.memcg(cg);
        assertFalse(r.ret);
        assertEquals(OomTrace.Exit.NO_KILLABLE_PROCESS, oc.exit());
        assertNull(oc.panic());
        assertEquals(1, r.linesWith("Out of memory and no killable processes...").size());
        assertEquals(List.of(), r.linesWith("Kernel panic"));
    }

    @Test
    void sysrqWithNothingKillableIsIgnored() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        r.w.setCurrent(r.proc(300, "protected", 900).setOomScoreAdj(-1000));
        OomRecorder.Run oc = r.w.recorder().run(r.w.oomKill().moomCallback());
        assertNull(oc.panic(), "never for sysrq");
        List<String> l = r.lines();
        assertTrue(l.get(0).contains("order=-1"), l.get(0));
        assertEquals(List.of("Out of memory and no killable processes...", "OOM request ignored. No task eligible"),
                l.subList(l.size() - 2, l.size()));
    }
}
