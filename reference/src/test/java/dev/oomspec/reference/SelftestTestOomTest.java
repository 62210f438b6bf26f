package dev.oomspec.reference;

import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.MemcgStat;
import dev.oomspec.reference.mm.Memcontrol;
import dev.oomspec.reference.series.AttachRequest;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.series.Handler;
import dev.oomspec.reference.series.KfuncArgs;
import dev.oomspec.reference.series.Outcome;
import dev.oomspec.reference.series.SeriesModel;
import java.util.Set;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The series' test_oom selftest run in the model: the kernel default victim, then each revision's policy. */
class SelftestTestOomTest {
    static final long MB = 256; // pages

    /** /oom_test (memory.max 80 MB, swap.max 0) with cg1 10 MB adj +1000, cg2 40 MB adj -1000, cg3/cg4 30 MB, cg3/cg5 20 MB. */
    static final class Tree {
        final OomModel m;
        final World w;
        final Memcg top;
        final Task cg1, cg2, cg4, cg5;

        Tree() { this(null); }

        Tree(java.util.function.Function<Boot, SeriesModel> series) {
            m = OomModel.builder().kernel("6.18.0").series(series).build();
            w = m.world().setTotalSwapPages(1 << 20);
            top = w.memcontrol().createPath("/oom_test").setMemoryMax(80 * MB).setSwapMax(0);
            cg1 = child("/oom_test/cg1", 101, 10, 1000);
            cg2 = child("/oom_test/cg2", 102, 40, -1000);
            cg4 = child("/oom_test/cg3/cg4", 104, 30, 0);
            cg5 = child("/oom_test/cg3/cg5", 105, 20, 0);
        }


        Task child(String path, int pid, long mb, int adj) {
            Task t = w.newProcess(pid, "test_progs", 0, new Mm(mb * MB + 1000, mb * MB, 0, 0, 0, 0));
            t.setOomScoreAdj(adj);
            w.attach(t, w.memcontrol().createPath(path));
            return t;
        }

        OomRecorder.Run oom() {
            w.setCurrent(cg5);
            return m.outOfMemory(OomControl.memcg(top, Gfp.GFP_KERNEL, 0));
        }
    }

    @Test
    void kernelDefaultKillsCg1() {
        Tree t = new Tree();
        OomRecorder.Run oc = t.oom();
        // totalpages = memory.max + min(swap.max = 0, total_swap) = 20480: adj term = adj * 20
        assertEquals(20480, oc.totalpages());
        assertEquals(t.cg1, oc.victim());
        assertEquals(10 * MB + 1000 * 20, oc.chosenPoints());
    }

    /**
     * The test_oom selftest's policy "bpf_test_policy" (tools/testing/selftests/bpf/progs/test_oom.c of each
     * revision, as described in the series): decline at the OOMing memcg's own attachment; otherwise among the leaf
     * memcgs below the OOMing memcg without an OOM_SCORE_ADJ_MIN process, pick the largest usage − NR_FILE_PAGES and
     * kill every process in it with "bpf oom test"; v2+ stop at an existing victim, v1 skips it.
     */
    static Handler testOomPolicy(String rev) {
        return (oc, ctx) -> {
            if (ctx.attachedTo() != null && (rev.equals("v2") || ctx.attachedTo() == oc.memcg())) return 0;
            Memcg top = oc.memcg();
            Memcg victim = null;
            long best = Long.MIN_VALUE;
            for (Memcg m : Memcontrol.preOrder(top)) {
                if (!m.children().isEmpty()) continue;
                if (m.tasks().stream().anyMatch(t -> t.oomScoreAdj() == -1000)) continue;
                long usage = value(ctx.kfunc("bpf_mem_cgroup_usage", new KfuncArgs().memcg(m)))
                        - value(ctx.kfunc("bpf_mem_cgroup_page_state", new KfuncArgs().memcg(m).idx(MemcgStat.NR_FILE_PAGES)));
                if (usage > best) { best = usage; victim = m; }
            }
            if (victim == null) return 0;
            for (Task t : victim.tasks()) {
                if (!t.threadGroupLeader()) continue;
                Outcome v = ctx.kfunc("bpf_task_is_oom_victim", new KfuncArgs().task(t));
                if (v instanceof Outcome.Returned r && r.value() == 1) {
                    if (rev.equals("v1")) continue;
                    return 1;
                }
                ctx.kfunc("bpf_oom_kill_process", new KfuncArgs().task(t).message("bpf oom test"));
            }
            return 1;
        };
    }

    private static long value(Outcome o) { return ((Outcome.Returned) o).value(); }

    static java.util.stream.Stream<java.util.function.Function<Boot, SeriesModel>> revisions() {
        return java.util.stream.Stream.of(dev.oomspec.reference.series.rfc.Series::new, dev.oomspec.reference.series.v1.Series::new,
                dev.oomspec.reference.series.v2.Series::new, dev.oomspec.reference.series.v3.Series::new,
                dev.oomspec.reference.series.post.Series::new);
    }

    @ParameterizedTest
    @MethodSource("revisions")
    void bpfPolicyKillsCg4(java.util.function.Function<Boot, SeriesModel> boot) {
        Tree t = new Tree(boot);
        SeriesModel s = t.m.series();
        String rev = s.id();
        Set<String> member = Set.of("handle_out_of_memory");
        if (rev.equals("RFC") || rev.equals("v1")) {
            assertEquals(Outcome.ret(0), s.attachOom(new AttachRequest(true, null, new AttachRequest.None(), member), "bpf_test_policy", testOomPolicy(rev)));
        } else { // attached twice: to /oom_test (declines) and system-wide / root (handles)
            AttachRequest.Fd system = rev.equals("v2") ? new AttachRequest.None() : new AttachRequest.Valid(t.w.rootMemcg());
            assertEquals(Outcome.ret(0), s.attachOom(new AttachRequest(true, null, new AttachRequest.Valid(t.top), member), "bpf_test_policy", testOomPolicy(rev)));
            assertEquals(Outcome.ret(0), s.attachOom(new AttachRequest(true, null, system, member), "bpf_test_policy", testOomPolicy(rev)));
        }
        OomRecorder.Run oc = t.oom();
        assertEquals(OomTrace.Exit.BPF_HANDLED, oc.exit());
        assertEquals(java.util.List.of(t.cg4), oc.killed(), "correct process was killed");
        assertTrue(t.cg4.sigkillPending());
        assertFalse(t.cg1.sigkillPending());
        Memcg cg4 = t.cg4.memcg();
        assertEquals(1, cg4.events(Memcg.Event.OOM_KILL), "oom_kill 1");
        assertTrue(oc.bpfHandled());
        if (rev.equals("v2") || rev.equals("v3") || rev.equals("post")) {
            assertEquals(2, oc.handlerCalls().size(), "first instance declines, the upper one handles");
            assertEquals(0, oc.handlerCalls().get(0).ret());
            assertEquals(1, oc.handlerCalls().get(1).ret());
        }
        // the report of the BPF kill: v3/post name the handler, v1/v2 put oom_policy= in the header record
        var lines = t.w.kmsg().lines();
        switch (rev) {
            case "v3", "post" -> assertEquals("oom bpf handler: bpf_test_policy", lines.get(1));
            case "v1", "v2" -> assertEquals("oom_policy=bpf_test_policy", lines.get(1));
            default -> assertTrue(lines.get(1).startsWith("memory: usage"));
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("bpf oom test: Killed process 104 (test_progs)")));
    }
}
