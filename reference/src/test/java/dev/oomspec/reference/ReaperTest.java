package dev.oomspec.reference;

import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The OOM reaper: queued 2 s after the kill from 5.18 (immediately 4.6–5.17, absent
 * 4.4); up to 10 attempts 100 ms apart, then "oom_reaper: unable to reap pid:…"; MMF_OOM_SKIP set either way; LIFO;
 * dropped silently when the victim exited meanwhile; the tracepoint sequence.
 */
class ReaperTest {
    /** One process per memcg so that several kills do not abort on each other. */
    static final class Cgs {
        final Rig r;
        Cgs(String version) { r = new Rig(version, Memcg.Hierarchy.V2); }

        Task kill(int pid, String comm, Mm mm) {
            Memcg cg = r.cg("/c" + pid).setMemoryMax(1 << 16).setSwapMax(0);
            Task t = r.w.newProcess(pid, comm, 0, mm);
            r.w.attach(t, cg);
            r.w.setCurrent(t);
            OomRecorder.Run oc = r.memcg(cg);
            assertEquals(t, oc.victim());
            return t;
        }

        List<String> reaperTrace() { return r.trace().stream().filter(e -> !e.startsWith("mark_victim")).toList(); }
    }

    static Mm mm() { return new Mm(6000, 5000, 0, 100, 0, 0); } // 5000 anon + 100 shmem pages

    @Test
    void delayedTwoSecondsFrom5_18ThenReapedAndSkipSet() {
        Cgs c = new Cgs("6.18.0");
        Task v = c.kill(200, "v", mm());
        assertEquals(List.of(v), c.r.w.reaper().pending());
        c.r.w.advanceTime(1999);
        assertEquals(List.of(), c.reaperTrace());
        assertFalse(v.mm().oomSkip());
        c.r.w.advanceTime(1);
        assertEquals(List.of("wake_reaper: pid=200", "start_task_reaping: pid=200", "finish_task_reaping: pid=200"), c.reaperTrace());
        assertEquals(List.of("oom_reaper: reaped process 200 (v), now anon-rss:0kB, file-rss:0kB, shmem-rss:400kB"),
                c.r.linesStarting("oom_reaper:"), "anonymous memory unmapped, shared (shmem) pages stay");
        assertEquals("I", c.r.records().get(c.r.records().size() - 1).level());
        assertTrue(v.mm().oomSkip(), "MMF_OOM_SKIP");
        assertEquals(List.of(2000L), c.r.w.reaper().attemptTimesMs());
    }

    @Test
    void queuedImmediatelyBefore5_18() {
        Cgs c = new Cgs("5.10.89");
        Task v = c.kill(200, "v", mm());
        // 4.13–6.8 mark_victim is "pid=%d"
        assertEquals(List.of("mark_victim: pid=200", "wake_reaper: pid=200", "start_task_reaping: pid=200", "finish_task_reaping: pid=200"),
                c.r.trace());
        assertTrue(v.mm().oomSkip());
        assertEquals(List.of(0L), c.r.w.reaper().attemptTimesMs());
    }

    @Test
    void noReaperIn4_4() {
        Cgs c = new Cgs("4.4.0");
        Task v = c.kill(200, "v", mm());
        c.r.w.advanceTime(10_000);
        assertEquals(List.of(), c.r.linesStarting("oom_reaper"));
        assertEquals(List.of(), c.r.w.reaper().pending());
        assertFalse(v.mm().oomSkip(), "only exit_mmap would set it");
    }

    @Test
    void tenFailedAttempts100msApartThenUnableAndSkipAnyway() {
        Cgs c = new Cgs("6.18.0");
        Task v = c.kill(200, "v", mm().setFailingReapAttempts(10));
        c.r.w.advanceTime(2950);
        assertEquals(List.of(2000L, 2100L, 2200L, 2300L, 2400L, 2500L, 2600L, 2700L, 2800L, 2900L), c.r.w.reaper().attemptTimesMs());
        List<String> expected = new java.util.ArrayList<>(List.of("wake_reaper: pid=200"));
        for (int i = 0; i < 10; i++) expected.add("skip_task_reaping: pid=200");
        assertEquals(expected, c.reaperTrace());
        assertEquals(List.of(), c.r.linesStarting("oom_reaper:"), "the last failed attempt is followed by its 100 ms sleep");
        assertFalse(v.mm().oomSkip());
        c.r.w.advanceTime(50);
        assertEquals(List.of("oom_reaper: unable to reap pid:200 (v)"), c.r.linesStarting("oom_reaper:"));
        assertTrue(v.mm().oomSkip(), "MMF_OOM_SKIP set even though nothing was reaped");
        assertEquals(20000, v.mm().anonRss() * 4, "nothing unmapped");
    }

    @Test
    void failedAttemptsThenSuccess() {
        Cgs c = new Cgs("6.18.0");
        c.kill(200, "v", mm().setFailingReapAttempts(3));
        c.r.w.advanceTime(5000);
        assertEquals(List.of(2000L, 2100L, 2200L, 2300L), c.r.w.reaper().attemptTimesMs());
        assertEquals(List.of("wake_reaper: pid=200", "skip_task_reaping: pid=200", "skip_task_reaping: pid=200",
                "skip_task_reaping: pid=200", "start_task_reaping: pid=200", "finish_task_reaping: pid=200"), c.reaperTrace());
        assertEquals(1, c.r.linesStarting("oom_reaper: reaped process 200 (v)").size());
    }

    @Test
    void victimThatExitedBeforeTheTimerIsDroppedSilently() {
        Cgs c = new Cgs("6.18.0");
        Task v = c.kill(200, "v", mm());
        c.r.w.exitKilled(); // exit_mmap sets MMF_OOM_SKIP
        c.r.w.advanceTime(3000);
        assertEquals(List.of(), c.reaperTrace(), "no wake_reaper");
        assertEquals(List.of(), c.r.linesStarting("oom_reaper"));
        assertEquals(null, c.r.w.task(v.pid()));
    }

    @Test
    void theReaperWorksLifo() {
        Cgs c = new Cgs("6.18.0");
        c.kill(200, "a", mm().setFailingReapAttempts(10)); // keeps the reaper busy 2000..3000
        c.r.w.advanceTime(100);
        c.kill(201, "b", mm()); // timer at 2100
        c.r.w.advanceTime(100);
        c.kill(202, "d", mm()); // timer at 2200
        c.r.w.advanceTime(5000);
        List<String> starts = c.reaperTrace().stream().filter(e -> e.startsWith("start_task_reaping")).toList();
        assertEquals(List.of("start_task_reaping: pid=202", "start_task_reaping: pid=201"), starts, "pushed at the head");
        assertEquals(List.of("oom_reaper: unable to reap pid:200 (a)",
                "oom_reaper: reaped process 202 (d), now anon-rss:0kB, file-rss:0kB, shmem-rss:400kB",
                "oom_reaper: reaped process 201 (b), now anon-rss:0kB, file-rss:0kB, shmem-rss:400kB"),
                c.r.linesStarting("oom_reaper:"));
        assertEquals(3000L, c.r.w.reaper().attemptTimesMs().get(10), "next task only after the last 100 ms sleep");
    }

    @Test
    void skipLetsTheNextOomChooseANewVictim() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Task v = r.w.newProcess(200, "v", 0, mm().setFailingReapAttempts(10));
        Task next = r.proc(201, "next", 1000);
        r.w.setCurrent(next);
        assertEquals(v, r.global().victim());
        assertEquals(OomTrace.Exit.ABORTED_EXISTING_VICTIM, r.global().exit(), "victim not yet MMF_OOM_SKIP");
        r.w.advanceTime(3000);
        assertTrue(v.mm().oomSkip());
        assertEquals(next, r.global().victim(), "the unreaped victim is now skipped");
    }
}
