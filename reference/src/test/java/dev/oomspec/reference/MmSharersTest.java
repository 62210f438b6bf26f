package dev.oomspec.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * __oom_kill_process(): every other process sharing the victim's mm is SIGKILLed (even adj −1000, 4.9+), except
 * init — which pins the mm: MMF_OOM_SKIP, no reaper, "oom killer %d (%s) has mm pinned by %d (%s)". Sharers are not victims: no mark_victim, no Killed line, no oom_kill count.
 */
class MmSharersTest {
    @Test
    void sharersAreKilledEvenWithMinusThousandButAreNotVictims() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Memcg cg = r.cg("/app");
        Task v = r.proc(200, "v", 5000, cg);
        Task sharer = r.w.newProcessSharingMm(201, "sharer", 0, v).setOomScoreAdj(-1000);
        r.w.attach(sharer, cg);
        Task bystander = r.proc(202, "bystander", 100);
        r.w.setCurrent(bystander);
        r.global();
        assertEquals(List.of(200, 201), r.sigkilled());
        assertTrue(v.isOomVictim());
        assertFalse(sharer.isOomVictim(), "sharers are not marked");
        assertFalse(sharer.tifMemdie());
        assertEquals(List.of("mark_victim: pid=200 comm=v total-vm=20000kB anon-rss=20000kB file-rss:0kB shmem-rss:0kB uid=0 pgtables=0kB oom_score_adj=0"),
                r.trace().stream().filter(e -> e.startsWith("mark_victim")).toList());
        assertEquals(1, r.linesWith("Killed process").size());
        assertEquals(1, cg.events(Memcg.Event.OOM_KILL));
        assertEquals(1, r.w.vmstatOomKill());
        assertEquals(List.of(), r.linesWith("has mm pinned by"));
        assertEquals(List.of(v), r.w.reaper().pending(), "queued (5.18+: timer of 2 s)");
    }

    @Test
    void sharerWhoseLeaderExitedIsFoundThroughItsThreads() {
        // process_shares_mm() looks at the first thread that still has an mm, not at the leader
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Task v = r.proc(200, "v", 5000);
        Task sharer = r.w.newProcessSharingMm(201, "sharer", 0, v).setOomScoreAdj(-1000); // not itself the victim
        Task thread = r.w.newThread(sharer, 205, "sharer-t");
        exitLeaderOnly(sharer); // the leader has exited (mm dropped); its thread still runs on the shared mm
        r.w.setCurrent(r.proc(202, "cur", 10));
        assertEquals(v, r.global().victim());
        assertTrue(thread.sigkillPending(), "the sharer's thread group is SIGKILLed");
    }

    private static void exitLeaderOnly(Task leader) {
        try {
            var f = Task.class.getDeclaredField("mm");
            f.setAccessible(true);
            f.set(leader, null);
        } catch (ReflectiveOperationException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void initSharingPinsTheMm() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Task init = r.w.newInit(new Mm(5000, 5000, 0, 0, 0, 0));
        Task v = r.w.newProcessSharingMm(200, "v", 0, init);
        r.w.setCurrent(r.proc(202, "cur", 10));
        r.global();
        assertEquals(v, r.w.task(200));
        assertEquals(List.of(200), r.sigkilled(), "init is not killed");
        assertEquals(List.of("oom killer 200 (v) has mm pinned by 1 (init)"), r.linesWith("has mm pinned by"));
        assertEquals("I", r.records().stream().filter(l -> l.text().contains("pinned")).findFirst().orElseThrow().level());
        int killed = r.lines().indexOf(r.linesWith("Killed process").get(0));
        assertTrue(r.lines().indexOf("oom killer 200 (v) has mm pinned by 1 (init)") > killed, "after the Killed line");
        assertTrue(v.mm().oomSkip(), "MMF_OOM_SKIP set at once");
        assertEquals(List.of(), r.w.reaper().pending(), "reaper not queued");
        r.w.advanceTime(10_000);
        assertEquals(List.of(), r.trace().stream().filter(e -> !e.startsWith("mark_victim")).toList(), "no reaper events");
        assertEquals(List.of(), r.linesWith("oom_reaper"));
    }

    @Test
    void v4_4SkippedMinusThousandSharersAndInitSilently() {
        Rig r = new Rig("4.4.0", Memcg.Hierarchy.V1);
        Task v = r.proc(200, "v", 5000);
        r.w.newProcessSharingMm(201, "protected", 0, v).setOomScoreAdj(-1000);
        r.w.newProcessSharingMm(202, "plain", 0, v);
        r.w.setCurrent(r.proc(203, "cur", 10));
        r.global();
        assertEquals(List.of(200, 202), r.sigkilled(), "4.4 skipped adj -1000 sharers");

        Rig q = new Rig("4.4.0", Memcg.Hierarchy.V1);
        Task init = q.w.newInit(new Mm(5000, 5000, 0, 0, 0, 0));
        q.w.newProcessSharingMm(200, "v", 0, init);
        q.w.setCurrent(q.proc(203, "cur", 10));
        q.global();
        assertEquals(List.of(200), q.sigkilled());
        assertEquals(List.of(), q.linesWith("has mm pinned by"), "no pinned message before ~4.8 (present 4.9.0)");
    }
}
