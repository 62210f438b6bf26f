package dev.oomspec.reference;

import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The early exits of out_of_memory(): the silent current-task-exiting and
 * victim-exiting shortcuts, and the !__GFP_FS bail-out with its gfp_mask != 0 guard history.
 */
class OutOfMemoryShortcutsTest {
    @Test
    void exitingCurrentIsMarkedSilently() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        r.proc(201, "big", 5000);
        Task cur = r.proc(200, "dying", 100).setGroupExit(true);
        r.w.setCurrent(cur);
        OomRecorder.Run oc = r.global();
        assertTrue(r.ret);
        assertEquals(OomTrace.Exit.CURRENT_EXITING, oc.exit());
        assertEquals(List.of(), r.lines(), "silent: no report");
        assertEquals(List.of(), r.sigkilled(), "no SIGKILL sent");
        assertEquals(0, r.w.vmstatOomKill());
        assertTrue(cur.isOomVictim());
        assertEquals(List.of("mark_victim: pid=200 comm=dying total-vm=400kB anon-rss=400kB file-rss:0kB shmem-rss:0kB uid=0 pgtables=0kB oom_score_adj=0"), r.trace());
        r.w.advanceTime(1999);
        assertEquals(1, r.trace().size(), "reaper delayed 2 s (5.18+)");
        r.w.advanceTime(1);
        assertEquals("wake_reaper: pid=200", r.trace().get(1));
    }

    @Test
    void singleExitingThreadOfAMultiThreadedProcessIsNotAShortcut() {
        // __task_will_free_mem(): PF_EXITING counts only when thread_group_empty()
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Task big = r.proc(201, "big", 5000);
        Task leader = r.proc(200, "app", 100);
        Task t = r.w.newThread(leader, 210, "app-worker").setExiting(true);
        r.w.setCurrent(t);
        OomRecorder.Run oc = r.global();
        assertEquals(OomTrace.Exit.KILLED, oc.exit());
        assertEquals(big, oc.victim());

        Rig s = new Rig("6.18.0", Memcg.Hierarchy.V2);
        s.proc(201, "big", 5000);
        Task lone = s.proc(200, "lone", 100).setExiting(true);
        s.w.setCurrent(lone);
        assertEquals(OomTrace.Exit.CURRENT_EXITING, s.global().exit(), "single-threaded and PF_EXITING");
    }

    @Test
    void exitingCurrentSharingItsMmWithALiveProcessIsNotAShortcut() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Task big = r.proc(201, "big", 5000);
        Task cur = r.proc(200, "dying", 100).setGroupExit(true);
        r.w.newProcessSharingMm(202, "alive", 0, cur);
        r.w.setCurrent(cur);
        assertEquals(big, r.global().victim());
    }

    @Test
    void exitingVictimIsMarkedWithoutReport() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Task big = r.proc(201, "big", 5000).setGroupExit(true);
        r.w.setCurrent(r.proc(200, "cur", 100));
        OomRecorder.Run oc = r.global();
        assertEquals(big, oc.victim());
        assertEquals(List.of(), r.lines(), "oom_kill_process() shortcut: no header, no Killed line");
        assertEquals(0, r.w.vmstatOomKill());
        assertTrue(big.isOomVictim());
        assertEquals(List.of(big), r.w.reaper().pending());
    }

    @ParameterizedTest(name = "{0} gfp={1}: {2}")
    @CsvSource({
            // GFP_NOFS global OOMs never kill
            "6.18.0, NOFS, NOFS_BAILOUT",
            "5.4.0,  NOFS, NOFS_BAILOUT",
            "4.9.0,  NOFS, NOFS_BAILOUT",
            // gfp_mask 0 (old page-fault path): guarded 5.4–6.4 (and the 4.9-era test), bail-out from 6.5
            "4.9.0,  ZERO, KILLED",
            "5.4.0,  ZERO, KILLED",
            "6.4.6,  ZERO, KILLED",
            "6.5.0,  ZERO, NOFS_BAILOUT",
            "6.18.0, ZERO, NOFS_BAILOUT",
            "6.18.0, KERNEL, KILLED"})
    void nofsBailout(String version, String gfp, OomTrace.Exit exit) {
        Rig r = new Rig(version, Memcg.Hierarchy.V2);
        r.proc(201, "big", 5000);
        r.w.setCurrent(r.proc(200, "cur", 100));
        int mask = switch (gfp) { case "NOFS" -> Gfp.GFP_NOFS; case "ZERO" -> 0; default -> Gfp.GFP_KERNEL; };
        OomRecorder.Run oc = r.run(OomControl.global(mask, 0));
        assertEquals(exit, oc.exit());
        assertTrue(r.ret);
        if (exit == OomTrace.Exit.NOFS_BAILOUT) {
            assertEquals(List.of(), r.lines());
            assertEquals(List.of(), r.sigkilled());
        }
    }

    @Test
    void nofsDoesNotStopAMemcgOom() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Memcg cg = r.cg("/c").setMemoryMax(6000).setSwapMax(0);
        Task big = r.proc(201, "big", 5000, cg);
        r.w.setCurrent(big);
        OomRecorder.Run oc = r.run(OomControl.memcg(cg, Gfp.GFP_NOFS, 0));
        assertEquals(OomTrace.Exit.KILLED, oc.exit());
        assertFalse(r.linesWith("Killed process").isEmpty());
    }
}
