package dev.oomspec.reference.live;

import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.printk.TraceEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Replays the two live 6.18 captures: for every OOM event, the world is rebuilt from the report's own
 * state (memcg limits, task table), the model runs the memcg OOM and must (a) pick the task the kernel
 * killed and (b) print the lines it can know exactly as the kernel did.
 */
class LiveReplayTest {
    /**
     * Lines of the real report the model does not produce, and why: the dump_stack block (CPU:/Call Trace/
     * frames/RIP/Code/registers — addresses and the build are not in the model), and the memory.stat body
     * after "Memory cgroup stats for" (per-memcg vmstat counters: cache, rss, pgfault, … are not modelled).
     */
    static final List<Pattern> EXCEPTED = List.of(
            Pattern.compile("^CPU: .*"), Pattern.compile("^Hardware name: .*"), Pattern.compile("^Call Trace:$"),
            Pattern.compile("^ <TASK>$"), Pattern.compile("^ </TASK>$"), Pattern.compile("^ (\\? )?[\\w.]+\\+0x[0-9a-f]+/0x[0-9a-f]+$"),
            Pattern.compile("^RIP: .*"), Pattern.compile("^Code: .*"), Pattern.compile("^RSP: .*"),
            Pattern.compile("^R[A-Z0-9]{2}: .*"),
            Pattern.compile("^(total_)?[a-z_]+ \\d+$")); // memcg1_stat_format body lines

    static boolean excepted(String line) { return EXCEPTED.stream().anyMatch(p -> p.matcher(line).matches()); }

    /** Runs one event through mem_cgroup_out_of_memory() in a world rebuilt from the event's lines. */
    static OomRecorder.Run replay(LiveWorld lw, LiveDmesg.Event ev) {
        lw.world.oomLock().lockKillable();
        try {
            OomControl oc = OomControl.memcg(lw.memcg, ev.gfp, ev.order);
            assertTrue(lw.world.oomKill().outOfMemory(oc));
            return lw.world.recorder().run(oc);
        } finally {
            lw.world.oomLock().unlock();
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-hog", "five-idle"})
    void modelPicksTheKernelsVictimForEveryEvent(String scenario) throws Exception {
        List<LiveDmesg.Event> events = LiveDmesg.read("/live-6.18/" + scenario + ".dmesg");
        assertFalse(events.isEmpty());
        for (LiveDmesg.Event ev : events) {
            assertTrue(ev.killedPid > 0, "the capture names a victim");
            // the swap term is min(memsw.max - memory.max, total_swap): the same for any amount of swap here
            for (long swap : new long[] {0, 262144, 1L << 40}) {
                LiveWorld lw = new LiveWorld(ev, swap);
                OomRecorder.Run oc = replay(lw, ev);
                assertEquals(OomTrace.Exit.KILLED, oc.exit());
                assertNotNull(oc.victim());
                assertEquals(ev.killedPid, oc.victim().pid(), scenario + ": victim");
                assertEquals(ev.killedComm, oc.victim().comm());
                assertEquals(ev.rows.size(), oc.candidates().size(), "every table row was a candidate");
            }
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-hog", "five-idle"})
    void printedReportMatchesTheCaptureFieldForField(String scenario) throws Exception {
        for (LiveDmesg.Event ev : LiveDmesg.read("/live-6.18/" + scenario + ".dmesg")) {
            LiveWorld lw = new LiveWorld(ev, 0);
            replay(lw, ev);
            List<String> real = new ArrayList<>();
            for (String l : ev.lines) if (!excepted(l)) real.add(l);
            List<String> model = lw.world.kmsg().lines();
            assertEquals(real, model, scenario + ": report lines");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"single-hog", "five-idle"})
    void markVictimTracepointMatchesFtrace(String scenario) throws Exception {
        List<String> real = LiveDmesg.markVictims("/live-6.18/" + scenario + ".ftrace");
        List<String> model = new ArrayList<>();
        for (LiveDmesg.Event ev : LiveDmesg.read("/live-6.18/" + scenario + ".dmesg")) {
            LiveWorld lw = new LiveWorld(ev, 0);
            replay(lw, ev);
            for (TraceEvent te : lw.world.kmsg().events()) if (te.event().equals("mark_victim")) model.add(te.fields());
        }
        assertEquals(real, model);
    }

    @org.junit.jupiter.api.Test
    void fiveIdleAsOneContinuousRun() throws Exception {
        List<LiveDmesg.Event> events = LiveDmesg.read("/live-6.18/five-idle.dmesg");
        LiveDmesg.Event first = events.get(0), second = events.get(1);
        LiveWorld lw = new LiveWorld(first, 0);
        assertEquals(first.killedPid, replay(lw, first).victim().pid());
        // the victim dies; the hog keeps allocating: take its counters from the second report
        lw.world.exitKilled();
        Task hog = lw.world.task(second.currentPid);
        LiveDmesg.Row r = second.rows.stream().filter(x -> x.pid() == hog.pid()).findFirst().orElseThrow();
        hog.mm().setTotalVm(r.totalVm()).setAnonRss(r.anon()).setFileRss(r.file()).setShmemRss(r.shmem())
                .setPgtablesBytes(r.pgtablesBytes());
        lw.world.kmsg().clear();
        OomRecorder.Run oc = replay(lw, second);
        assertEquals(second.killedPid, oc.victim().pid());
        assertEquals(Gfp.GFP_KERNEL, second.gfp);
        assertEquals(2, lw.memcg.events(dev.oomspec.reference.mm.Memcg.Event.OOM_KILL));
    }
}
