package dev.oomspec.reference.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.OomModel;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.policies.LargestCgroup;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Policies that break the rules: what the kernel would do with each — the verifier refuses the load, the kfunc
 * returns its errno and the kernel's killer runs, or (for what a BPF program cannot do: throw, loop without end) the
 * handler counts as returning 0. The world: /box (memory.max 100 MB) with "small" (10 MB), "big" (40 MB) and
 * "locked" (50 MB, adj -1000), and init (pid 1, 5 MB) in the root; the kernel alone would kill "big".
 */
class MisbehaviourTest {
    static final long MB = 256;

    interface Body { int run(OomControl oc, Cgroup cg, Kfuncs bpf); }

    static OomPolicy policy(Body b) {
        return new OomPolicy() {
            @Override public String name() { return "misbehaving"; }
            @Override public int handleOutOfMemory(OomControl oc, Cgroup cg, Kfuncs bpf) {
                return b.run(oc, cg, bpf);
            }
        };
    }

    interface Run { OomRecorder.Run oom(); }

    static final class Box {
        final OomModel m;
        final World w;
        final Memcg box;
        final Task init, small, big, locked;
        Attachment a;

        Box(Revision rev) {
            m = OomModel.builder().kernel("7.0.0").series(rev.boot()).build();
            w = m.world();
            box = w.memcontrol().createPath("/box").setMemoryMax(100 * MB).setSwapMax(0);
            init = w.newInit(new Mm(5 * MB, 5 * MB, 0, 0, 0, 0));
            small = add(10, 10, 0);
            big = add(11, 40, 0);
            locked = add(12, 50, -1000);
            w.setCurrent(small);
        }

        Task add(int pid, long mb, int adj) {
            Task t = w.newProcess(pid * 10, pid == 10 ? "small" : pid == 11 ? "big" : "locked", 0, new Mm(mb * MB, mb * MB, 0, 0, 0, 0));
            t.setOomScoreAdj(adj);
            w.attach(t, box);
            return t;
        }

        OomRecorder.Run oom(OomPolicy p, Facts facts, Limits limits) {
            a = PolicyLoader.attach(m, p, facts, limits, w.rootMemcg());
            return m.outOfMemory(dev.oomspec.reference.mm.OomControl.memcg(box, Gfp.GFP_KERNEL, 0));
        }

        OomRecorder.Run oom(OomPolicy p) { return oom(p, Facts.EVERYTHING, Limits.DEFAULT); }

        /** The task a kfunc should be called on, as the policy's objects see it. */
        TaskStruct find(Kfuncs bpf, Cgroup cg, Task t) {
            for (TaskStruct x : bpf.forEachCssTask(cg, Bpf.CSS_TASK_ITER_PROCS)) if (x.pid() == t.pid()) return x;
            throw new AssertionError(t + " not found");
        }
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void callingBpfOutOfMemoryMeansTheProgramNeverLoads(Revision rev) {
        Box b = new Box(rev);
        OomRecorder.Run run = b.oom(policy((oc, cg, bpf) -> bpf.bpfOutOfMemory(null, 0, 0)));
        Halt h = b.a.firstHalt();
        assertInstanceOf(Halt.NotLoaded.class, h);
        assertTrue(h.why().contains("bpf_out_of_memory") && h.why().contains("FILTERED"), h.why());
        assertEquals(List.of(b.big), run.killed(), "the kernel's killer decides");
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void killingAnAdjMinTaskIsRefusedAndTheKernelKillerRuns(Revision rev) {
        Box b = new Box(rev);
        OomRecorder.Run run = b.oom(policy((oc, cg, bpf) -> {
            bpf.bpfOomKillProcess(oc, b.find(bpf, oc.memcg().css(), b.locked), "mine");
            return 1; // claims it freed memory; bpf_memory_freed says otherwise
        }));
        assertEquals("-EINVAL", b.a.runs().get(0).calls().stream().filter(c -> c.kfunc().equals("bpf_oom_kill_process"))
                .findFirst().orElseThrow().ret(), "v3 08: OOM_SCORE_ADJ_MIN is refused with -EINVAL");
        assertTrue(run.kernelKillerRan());
        assertEquals(List.of(b.big), run.killed());
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void killingInitIsRefusedWithEperm(Revision rev) {
        Box b = new Box(rev);
        OomRecorder.Run run = b.oom(policy((oc, cg, bpf) -> {
            bpf.bpfRcuReadLock();
            TaskStruct init = null;
            for (TaskStruct t : bpf.forEachTask(null, Bpf.BPF_TASK_ITER_ALL_PROCS)) if (t.pid() == 1) init = bpf.bpfTaskAcquire(t);
            bpf.bpfRcuReadUnlock();
            int r = bpf.bpfOomKillProcess(oc, init, "mine");
            bpf.bpfTaskRelease(init);
            return r == 0 ? 1 : 0;
        }));
        assertTrue(b.a.runs().get(0).calls().stream().anyMatch(c -> c.kfunc().equals("bpf_oom_kill_process") && c.ret().equals("-EPERM")));
        assertNull(b.a.firstHalt());
        assertEquals(List.of(b.big), run.killed(), "declined: the kernel's killer ran");
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void killingTwiceKillsOnce(Revision rev) {
        Box b = new Box(rev);
        OomRecorder.Run run = b.oom(policy((oc, cg, bpf) -> {
            TaskStruct small = b.find(bpf, oc.memcg().css(), b.small);
            bpf.bpfOomKillProcess(oc, small, "once");
            bpf.bpfOomKillProcess(oc, small, "twice");
            return 1;
        }));
        List<KfuncCall> kills = b.a.runs().get(0).calls().stream().filter(c -> c.kfunc().equals("bpf_oom_kill_process")).toList();
        assertEquals(List.of("0", "0"), kills.stream().map(KfuncCall::ret).toList(), "the kfunc does not check for a victim (KILL-06)");
        // the second call finds SIGKILL pending: oom_kill_process() takes the task_will_free_mem() shortcut
        assertEquals(List.of(b.small), run.killed());
        assertTrue(!run.kernelKillerRan());
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void aThrowingPolicyCountsAsReturningZero(Revision rev) {
        Box b = new Box(rev);
        OomRecorder.Run run = b.oom(policy((oc, cg, bpf) -> { throw new IllegalStateException("bug in my policy"); }));
        assertInstanceOf(Halt.Faulted.class, b.a.firstHalt());
        assertTrue(b.a.firstHalt().why().contains("bug in my policy"));
        assertEquals(0, b.a.runs().get(0).ret());
        assertEquals(List.of(b.big), run.killed());
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void aLoopPastTheBudgetIsStopped(Revision rev) {
        Box b = new Box(rev);
        OomRecorder.Run run = b.oom(policy((oc, cg, bpf) -> {
            TaskStruct small = b.find(bpf, oc.memcg().css(), b.small);
            while (true) bpf.bpfTaskIsOomVictim(small);
        }), Facts.EVERYTHING, new Limits(1000, Duration.ofSeconds(10)));
        assertInstanceOf(Halt.OverBudget.class, b.a.firstHalt());
        assertEquals(List.of(b.big), run.killed());
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void anUnreleasedReferenceMeansTheProgramNeverLoads(Revision rev) {
        Box b = new Box(rev);
        b.oom(policy((oc, cg, bpf) -> { bpf.bpfGetRootMemCgroup(); return 0; }));
        Halt h = b.a.firstHalt();
        assertInstanceOf(Halt.NotLoaded.class, h);
        assertTrue(h.why().contains("unreleased"), h.why());
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void puttingOcMemcgMeansTheProgramNeverLoads(Revision rev) {
        Box b = new Box(rev);
        b.oom(policy((oc, cg, bpf) -> { bpf.bpfPutMemCgroup(oc.memcg()); return 0; }));
        assertInstanceOf(Halt.NotLoaded.class, b.a.firstHalt());
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void aSleepableKillInsideRcuMeansTheProgramNeverLoads(Revision rev) {
        Box b = new Box(rev);
        OomRecorder.Run run = b.oom(policy((oc, cg, bpf) -> {
            TaskStruct small = b.find(bpf, oc.memcg().css(), b.small);
            bpf.bpfRcuReadLock();
            int r = bpf.bpfOomKillProcess(oc, small, "in rcu");
            bpf.bpfRcuReadUnlock();
            return r == 0 ? 1 : 0;
        }));
        Halt h = b.a.firstHalt();
        assertInstanceOf(Halt.NotLoaded.class, h);
        assertTrue(h.why().contains("sleepable"), h.why());
        assertTrue(!b.small.sigkillPending(), "the kill never happened");
        assertEquals(List.of(b.big), run.killed());
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void aCssIteratorOutsideRcuMeansTheProgramNeverLoads(Revision rev) {
        Box b = new Box(rev);
        b.oom(policy((oc, cg, bpf) -> {
            for (Cgroup c : bpf.forEachCss(oc.memcg().css(), Bpf.BPF_CGROUP_ITER_DESCENDANTS_PRE)) c.id();
            return 0;
        }));
        assertInstanceOf(Halt.NotLoaded.class, b.a.firstHalt());
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void badIteratorFlagsGiveEinvalAndNoItem(Revision rev) {
        Box b = new Box(rev);
        int[] n = {0};
        b.oom(policy((oc, cg, bpf) -> {
            bpf.bpfRcuReadLock();
            for (Cgroup c : bpf.forEachCss(oc.memcg().css(), 99)) n[0]++;
            bpf.bpfRcuReadUnlock();
            for (TaskStruct t : bpf.forEachCssTask(oc.memcg().css(), Bpf.CSS_TASK_ITER_THREADED)) n[0]++;
            return 0;
        }));
        assertEquals(0, n[0]);
        List<KfuncCall> calls = b.a.runs().get(0).calls();
        assertEquals("-EINVAL", calls.stream().filter(c -> c.kfunc().equals("bpf_iter_css_new")).findFirst().orElseThrow().ret());
        assertEquals("-EINVAL", calls.stream().filter(c -> c.kfunc().equals("bpf_iter_css_task_new")).findFirst().orElseThrow().ret());
        assertNull(b.a.firstHalt());
    }

    @ParameterizedTest
    @EnumSource(Revision.class)
    void readingWhatTheWorldDoesNotKnowStopsTheRun(Revision rev) {
        Box b = new Box(rev);
        Facts noTree = (fact, memcg) -> fact == Facts.Fact.CGROUP_TREE ? "the report does not print the cgroup tree" : null;
        OomRecorder.Run run = b.oom(new LargestCgroup(), noTree, Limits.DEFAULT);
        Halt h = b.a.firstHalt();
        assertInstanceOf(Halt.Unknown.class, h);
        assertTrue(h.why().endsWith("the report does not print the cgroup tree"), h.why());
        assertTrue(!b.small.sigkillPending() && run.kernelKillerRan());
    }
}
