package dev.oomspec.reference.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.OomModel;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.policies.TestOom;
import dev.oomspec.reference.policies.TestOomd;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The series' selftests run through the policy API and the revision's transcribed code: test_oom
 * (tools/testing/selftests/bpf/{progs,prog_tests}/test_oom.c, rgushchin/linux 1d084c08) and test_oomd (702dfd9a).
 * Each test sets up the cgroups the selftest's user-space part creates, attaches the policy where it attaches it
 * (the top test cgroup and the root), lets the top cgroup run out of memory, and asserts what the selftest asserts.
 */
class SelftestPoliciesTest {
    static final long MB = 256; // pages

    static OomModel model(Revision rev) {
        return OomModel.builder().kernel("7.0.0").series(rev.boot()).build();
    }

    static Task spawn(World w, String path, int pid, long mb, int adj) {
        Task t = w.newProcess(pid, "test_progs", 0, new Mm(mb * MB + 1000, mb * MB, 0, 0, 0, 0));
        t.setOomScoreAdj(adj);
        w.attach(t, w.memcontrol().createPath(path));
        return t;
    }

    /**
     * test_oom: /oom_test (memory.max 80 MB, swap.max 0), cg1 10 MB adj +1000, cg2 40 MB adj -1000, cg3/cg4 30 MB
     * (the victim), cg3/cg5 20 MB. Asserts: the first process to die is cg4's ("correct process was killed" for
     * every cgroup), and cg4's memory.events has "oom_kill 1".
     */
    @ParameterizedTest
    @EnumSource(Revision.class)
    void testOomKillsCg4(Revision rev) {
        OomModel m = model(rev);
        World w = m.world().setTotalSwapPages(1 << 20);
        Memcg top = w.memcontrol().createPath("/oom_test").setMemoryMax(80 * MB).setSwapMax(0);
        Task cg1 = spawn(w, "/oom_test/cg1", 101, 10, 1000);
        Task cg2 = spawn(w, "/oom_test/cg2", 102, 40, -1000);
        Task cg4 = spawn(w, "/oom_test/cg3/cg4", 104, 30, 0);
        Task cg5 = spawn(w, "/oom_test/cg3/cg5", 105, 20, 0);
        // link1 = bpf_map__attach_cgroup_opts(test_bpf_oom, cgroups[0].fd); link2 = … (root_fd)
        Attachment a = PolicyLoader.attach(m, new TestOom(), top, w.rootMemcg());
        assertEquals(List.of(0, 0), a.attachResults(), "attach_oom_cgroup, attach_oom_root");
        w.setCurrent(cg5);
        OomRecorder.Run run = m.outOfMemory(OomControl.memcg(top, Gfp.GFP_KERNEL, 0));

        assertEquals(List.of(cg4), run.killed(), "correct process was killed");
        for (Task t : List.of(cg1, cg2, cg5)) assertFalse(t.sigkillPending(), t + " survives");
        assertEquals(1, cg4.memcg().events(Memcg.Event.OOM_KILL), "oom_kill 1");
        assertEquals(OomTrace.Exit.BPF_HANDLED, run.exit());
        assertFalse(run.kernelKillerRan(), "the kernel's killer did not run");
        // the instance on /oom_test declines (its cgroup is the OOMing one), the root's handles
        List<HandlerRun> calls = a.runs();
        assertEquals(2, calls.size());
        assertEquals("/oom_test", calls.get(0).attachedAt());
        assertEquals(0, calls.get(0).ret());
        assertEquals("/", calls.get(1).attachedAt());
        assertEquals(1, calls.get(1).ret());
        assertNull(a.firstHalt());
        // the kills are the revision's bpf_oom_kill_process(): one call, returning 0, for cg4's process only
        List<KfuncCall> kills = calls.get(1).calls().stream().filter(c -> c.kfunc().equals("bpf_oom_kill_process")).toList();
        assertEquals(1, kills.size());
        assertEquals("0", kills.get(0).ret());
        assertTrue(kills.get(0).args().startsWith("task=test_progs(104)"));
        assertTrue(w.kmsg().lines().contains("oom bpf handler: bpf_test_policy"));
    }

    /** Without the policy the kernel kills cg1 (adj +1000: 2560 + 1000 × 20480/1000 points), not cg4. */
    @ParameterizedTest
    @EnumSource(Revision.class)
    void kernelAloneKillsCg1(Revision rev) {
        OomModel m = model(rev);
        World w = m.world().setTotalSwapPages(1 << 20);
        Memcg top = w.memcontrol().createPath("/oom_test").setMemoryMax(80 * MB).setSwapMax(0);
        Task cg1 = spawn(w, "/oom_test/cg1", 101, 10, 1000);
        spawn(w, "/oom_test/cg2", 102, 40, -1000);
        spawn(w, "/oom_test/cg3/cg4", 104, 30, 0);
        w.setCurrent(spawn(w, "/oom_test/cg3/cg5", 105, 20, 0));
        OomRecorder.Run run = m.outOfMemory(OomControl.memcg(top, Gfp.GFP_KERNEL, 0));
        assertEquals(List.of(cg1), run.killed());
    }

    /**
     * test_oomd: /oomd_test (memory.max 80 MB, swap.max 0); system.slice/critical.service 34 MB "omit";
     * workload.slice/batch-a 46 MB "avoid", batch-b 30 MB (the victim), batch-c 22 MB, unkillable 26 MB adj -1000.
     * Asserts what run_and_wait_for_oom() asserts: the first death is batch-b's process, decision.victim_cgid is
     * batch-b's id, killed_pid its pid, scanned_candidates, skipped_omit and skipped_unkillable above 0, kill_ret 0.
     * (The model keeps no reclaim counters: every pgscan delta is 0, so memory.current decides — the case the
     * policy's comment names for a hard OOM.)
     */
    @ParameterizedTest
    @EnumSource(Revision.class)
    void testOomdKillsBatchB(Revision rev) {
        OomModel m = model(rev);
        World w = m.world().setTotalSwapPages(1 << 20);
        Memcg top = w.memcontrol().createPath("/oomd_test").setMemoryMax(80 * MB).setSwapMax(0);
        Task critical = spawn(w, "/oomd_test/system.slice/critical.service", 201, 34, 0);
        Task batchA = spawn(w, "/oomd_test/workload.slice/batch-a.service", 202, 46, 0);
        Task batchB = spawn(w, "/oomd_test/workload.slice/batch-b.service", 203, 30, 0);
        Task batchC = spawn(w, "/oomd_test/workload.slice/batch-c.service", 204, 22, 0);
        Task unkillable = spawn(w, "/oomd_test/workload.slice/unkillable.service", 205, 26, -1000);
        TestOomd policy = new TestOomd();
        // configure_policies(): an entry for every cgroup of the table, preference as listed
        for (String p : List.of("/oomd_test", "/oomd_test/system.slice", "/oomd_test/workload.slice",
                "/oomd_test/workload.slice/batch-b.service", "/oomd_test/workload.slice/batch-c.service",
                "/oomd_test/workload.slice/unkillable.service"))
            policy.preferences.put(w.memcontrol().lookup(p).cgroupId(), new TestOomd.PolicyEntry(TestOomd.Preference.NONE));
        policy.preferences.put(critical.memcg().cgroupId(), new TestOomd.PolicyEntry(TestOomd.Preference.OMIT));
        policy.preferences.put(batchA.memcg().cgroupId(), new TestOomd.PolicyEntry(TestOomd.Preference.AVOID));
        Attachment a = PolicyLoader.attach(m, policy, top, w.rootMemcg());
        assertTrue(a.attached());
        w.setCurrent(batchC);
        OomRecorder.Run run = m.outOfMemory(OomControl.memcg(top, Gfp.GFP_KERNEL, 0));

        assertEquals(List.of(batchB), run.killed(), "correct process was killed");
        for (Task t : List.of(critical, batchA, batchC, unkillable)) assertFalse(t.sigkillPending());
        TestOomd.Decision d = policy.decision();
        assertEquals(batchB.memcg().cgroupId(), d.victimCgid(), "selected victim cgroup");
        assertEquals(203, d.killedPid(), "selected victim task");
        assertTrue(d.scannedCandidates() > 0, "scanned candidates");
        assertTrue(d.skippedOmit() > 0, "skipped omitted cgroup");
        assertTrue(d.skippedUnkillable() > 0, "skipped unkillable cgroup");
        assertEquals(0, d.killRet(), "bpf oom kill");
        assertNull(a.firstHalt());
    }
}
