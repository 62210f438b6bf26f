package dev.oomspec.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.bpf.Verifier;
import dev.oomspec.reference.bpf.Verifier.KfuncVerdict;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.MaxPageOrder;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.profile.KernelProfiles;
import dev.oomspec.reference.series.AttachRequest;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.series.KfuncArgs;
import dev.oomspec.reference.series.Outcome;
import dev.oomspec.reference.series.SeriesModel;
import dev.oomspec.reference.uapi.BpfLink;
import dev.oomspec.reference.uapi.BpfProgType;
import java.util.Set;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The series' kfunc, attach and dispatch paths, one kernel behaviour per assertion, and kernel profile facts. */
class SeriesClausesTest {
    static final BpfProg SYSCALL = BpfProg.of(BpfProgType.SYSCALL, null, true);
    static final Set<String> HANDLER = Set.of("handle_out_of_memory");

    OomModel m;
    World w;
    Memcg cg;
    Task big, small;

    void boot(Function<Boot, SeriesModel> series) {
        m = OomModel.builder().kernel("6.18.0").series(series).build();
        w = m.world().setTotalSwapPages(0);
        cg = w.memcontrol().createPath("/job").setMemoryMax(10000).setSwapMax(0);
        big = proc(200, "big", 5000, 0);
        small = proc(201, "small", 1000, 0);
    }

    Task proc(int pid, String comm, long rss, int adj) {
        Task t = w.newProcess(pid, comm, 0, new Mm(rss, rss, 0, 0, 0, 0)).setOomScoreAdj(adj);
        w.attach(t, cg);
        w.setCurrent(t);
        return t;
    }

    OomRecorder.Run memcgOom() { return m.outOfMemory(OomControl.memcg(cg, Gfp.GFP_KERNEL, 0)); }

    dev.oomspec.reference.series.v3.Series v3() { return (dev.oomspec.reference.series.v3.Series) m.series(); }

    @Test void kill01to02_checkOrderV3() {
        boot(dev.oomspec.reference.series.v3.Series::new);
        var k = v3().kfuncs(BpfProg.structOps("bpf_oom_ops", true));
        OomControl oc = OomControl.memcg(cg, Gfp.GFP_KERNEL, 0);
        Task init = w.newInit(new Mm(1, 1, 0, 0, 0, 0)).setOomScoreAdj(-1000);
        assertEquals(-1, k.bpfOomKillProcess(oc.view(), init, "x"), "unkillable before adj-min: -EPERM");
        assertEquals(-22, k.bpfOomKillProcess(oc.view(), small.setOomScoreAdj(-1000), "x"), "adj-min -EINVAL");
        assertEquals(0, k.bpfOomKillProcess(oc.view(), big, "x"));
        assertTrue(oc.bpfMemoryFreed(), "bpf_memory_freed set");
    }

    @Test void kill03_trygetRfcToV2_andProposedFold() {
        boot(dev.oomspec.reference.series.v2.Series::new);
        var k = ((dev.oomspec.reference.series.v2.Series) m.series()).kfuncs(BpfProg.structOps("bpf_oom_ops", true));
        OomControl oc = OomControl.memcg(cg, Gfp.GFP_KERNEL, 0);
        assertEquals(-22, k.bpfOomKillProcess(oc.view(), small.setTryGetFails(true), "x"));
        assertEquals(0, k.bpfOomKillProcess(oc.view(), big.setOomScoreAdj(-1000), "x"), "v2 does not check -1000");
        OomModel p = OomModel.builder().series(dev.oomspec.reference.series.v3proposed.Series::new).build();
        World w2 = p.world();
        var pk = ((dev.oomspec.reference.series.v3.Series) p.series()).kfuncs(BpfProg.structOps("bpf_oom_ops", true));
        Task a = w2.newProcess(300, "a", 0, new Mm(1, 1, 0, 0, 0, 0)).setOomScoreAdj(-1000);
        Task b = w2.newProcess(301, "b", 0, new Mm(1, 1, 0, 0, 0, 0).setOomSkip(true));
        Task c = w2.newVforkChild(302, "c", w2.newProcess(303, "parent", 0, new Mm(1, 1, 0, 0, 0, 0)));
        OomControl oc2 = OomControl.global(Gfp.GFP_KERNEL, 0);
        assertEquals(-1, pk.bpfOomKillProcess(oc2.view(), a, "x"));
        assertEquals(-1, pk.bpfOomKillProcess(oc2.view(), b, "x"));
        assertEquals(-1, pk.bpfOomKillProcess(oc2.view(), c, "x"));
    }

    @Test void oom01to03_argumentChecksThenLock() {
        boot(dev.oomspec.reference.series.v3.Series::new);
        var k = v3().kfuncs(SYSCALL);
        Object other = new Object();
        w.oomLock().tryLockAs(other);
        assertEquals(-22, k.bpfOutOfMemory(cg, 0, 2L), "flags before the lock");
        assertEquals(-22, k.bpfOutOfMemory(cg, 0, 3L));
        assertEquals(-22, k.bpfOutOfMemory(cg, 11, 0), "order: MAX_PAGE_ORDER 10 inclusive");
        assertEquals(-22, k.bpfOutOfMemory(cg, -1, 0));
        assertEquals(-16, k.bpfOutOfMemory(cg, 10, 0), "trylock fails");
        w.oomLock().unlockAs(other);
        int runs = m.recorder().runs().size();
        assertEquals(1, k.bpfOutOfMemory(cg, 0, 0), "the kernel killer ran");
        assertEquals(big, m.recorder().runs().get(runs).victim());
        OomModel arm = OomModel.builder().arch("arm64", "ARM64_64K_PAGES").series(dev.oomspec.reference.series.v3.Series::new).build();
        assertEquals(13, arm.series().boot().maxPageOrder(), "arm64 64K pages");
        var ak = ((dev.oomspec.reference.series.v3.Series) arm.series()).kfuncs(SYSCALL);
        arm.world().oomLock().tryLockAs(other);
        assertEquals(-16, ak.bpfOutOfMemory(null, 13, 0));
        assertEquals(-22, ak.bpfOutOfMemory(null, 14, 0));
        assertInstanceOf(Outcome.NotExpressible.class,
                m.series().kfunc(SYSCALL, "bpf_out_of_memory", new KfuncArgs().memcg(cg).order(0), OomControl.memcg(cg, 0, 0)),
                "v3 needs flags");
    }

    @Test void oom07_globalWithZeroGfpDoesNothingBeforeV3() {
        boot(dev.oomspec.reference.series.v2.Series::new);
        var k = ((dev.oomspec.reference.series.v2.Series) m.series()).kfuncs(BpfProg.structOps("bpf_psi_ops", true));
        assertEquals(1, k.bpfOutOfMemory(null, 0, 0L, null));
        OomRecorder.Run run = m.recorder().runs().get(m.recorder().runs().size() - 1);
        assertEquals(OomTrace.Exit.NOFS_BAILOUT, run.exit());
        assertTrue(run.killed().isEmpty());
    }

    @Test void hnd01_returningOneWithoutAKillDoesNotDisableTheKernelKiller() {
        boot(dev.oomspec.reference.series.v3.Series::new);
        assertEquals(Outcome.ret(0), m.series().attachOom(new AttachRequest(true, null, new AttachRequest.Valid(cg), HANDLER), "liar", (oc, ctx) -> 1));
        OomRecorder.Run oc = memcgOom();
        assertEquals(OomTrace.Exit.KILLED, oc.exit());
        assertEquals(big, oc.victim());
        assertFalse(oc.bpfHandled());
        assertEquals(1, oc.handlerCalls().get(0).ret());
    }

    @Test void handlerKillsButReturnsZero_kernelScanAbortsOnTheFreshVictim() {
        boot(dev.oomspec.reference.series.v3.Series::new);
        m.series().attachOom(new AttachRequest(true, null, new AttachRequest.Valid(cg), HANDLER), "k0", (oc, ctx) -> {
            ctx.kfunc("bpf_oom_kill_process", new KfuncArgs().task(small).message("bpf"));
            return 0;
        });
        OomRecorder.Run oc = memcgOom();
        assertEquals(OomTrace.Exit.ABORTED_EXISTING_VICTIM, oc.exit());
        assertEquals(java.util.List.of(small), m.recorder().runs().stream().flatMap(r -> r.killed().stream()).toList());
    }

    @Test void attachErrorsPerRevision() {
        boot(dev.oomspec.reference.series.v3.Series::new);
        SeriesModel s = m.series();
        AttachRequest.Fd fd = new AttachRequest.Valid(cg);
        assertEquals(Outcome.ret(-22), s.attachOom(new AttachRequest(true, 1 << 3 | BpfLink.BPF_F_CGROUP_FD, fd, HANDLER), "h", (oc, c) -> 0), "flags");
        assertEquals(Outcome.ret(-22), s.attachOom(new AttachRequest(true, 0, fd, HANDLER), "h", (oc, c) -> 0), "no cgroup");
        assertEquals(Outcome.ret(-95), s.attachOom(new AttachRequest(false, null, fd, HANDLER), "h", (oc, c) -> 0), "no link");
        assertEquals(Outcome.ret(-16), s.attachOom(new AttachRequest(true, null,
                new AttachRequest.Valid(w.memcontrol().createPath("/dying").setDying(true)), HANDLER), "h", (oc, c) -> 0), "dying");
        assertEquals(Outcome.ret(0), s.attachOom(new AttachRequest(true, null, fd, HANDLER), "h", (oc, c) -> 0));
        assertEquals(Outcome.ret(-17), s.attachOom(new AttachRequest(true, null, fd, HANDLER), "h2", (oc, c) -> 0), "occupied");
        assertEquals(Outcome.ret(-22), s.attachOom(new AttachRequest(true, null, fd, Set.of()), "h3", (oc, c) -> 0), "no handler");
        SeriesModel v2 = OomModel.builder().series(dev.oomspec.reference.series.v2.Series::new).build().series();
        assertEquals(Outcome.ret(0), v2.attachOom(new AttachRequest(true, null, new AttachRequest.None(), HANDLER), "h", (oc, c) -> 0));
        assertEquals(Outcome.ret(-16), v2.attachOom(new AttachRequest(true, null, new AttachRequest.None(), HANDLER), "h2", (oc, c) -> 0), "system slot");
    }

    static KfuncVerdict verdict(Function<Boot, SeriesModel> series, BpfProg prog, String kfunc) {
        return Verifier.checkKfuncCall(OomModel.builder().series(series).build().series().boot().btf(), prog, kfunc);
    }

    @Test void filterMatrix() {
        Function<Boot, SeriesModel> v3 = dev.oomspec.reference.series.v3.Series::new;
        BpfProg oomOps = BpfProg.structOps("bpf_oom_ops", true);
        BpfProg tcp = BpfProg.structOps("tcp_congestion_ops", false);
        BpfProg psiAvgs = BpfProg.of(BpfProgType.TRACING, "typedef btf_trace_psi_avgs_work", true);
        BpfProg fentry = BpfProg.of(BpfProgType.TRACING, "func do_exit", true);
        assertEquals(KfuncVerdict.FILTERED, verdict(v3, oomOps, "bpf_out_of_memory"));
        assertEquals(KfuncVerdict.ALLOWED, verdict(v3, oomOps, "bpf_oom_kill_process"));
        assertEquals(KfuncVerdict.NOT_SLEEPABLE, verdict(v3, BpfProg.structOps("bpf_oom_ops", false), "bpf_oom_kill_process"));
        assertEquals(KfuncVerdict.FILTERED, verdict(v3, tcp, "tcp_slow_start"), "v3's filter has no set-membership test");
        assertEquals(KfuncVerdict.ALLOWED, verdict(dev.oomspec.reference.series.post.Series::new, tcp, "tcp_slow_start"));
        assertEquals(KfuncVerdict.ALLOWED, verdict(v3, psiAvgs, "bpf_out_of_memory"));
        assertEquals(KfuncVerdict.FILTERED, verdict(v3, fentry, "bpf_out_of_memory"));
        assertEquals(KfuncVerdict.NOT_VISIBLE, verdict(v3, fentry, "bpf_oom_kill_process"));
        assertEquals(KfuncVerdict.ALLOWED, verdict(dev.oomspec.reference.series.v2.Series::new, BpfProg.structOps("bpf_psi_ops", true), "bpf_out_of_memory"));
        assertEquals(KfuncVerdict.FILTERED, verdict(dev.oomspec.reference.series.v2.Series::new, oomOps, "bpf_out_of_memory"));
        assertEquals(KfuncVerdict.ALLOWED, verdict(dev.oomspec.reference.series.rfc.Series::new, fentry, "bpf_oom_kill_process"));
        assertEquals(KfuncVerdict.NOT_VISIBLE, verdict(dev.oomspec.reference.series.v1.Series::new, fentry, "bpf_oom_kill_process"));
    }

    @Test void profilesAreChosenByVersion() {
        var p = KernelProfiles.forVersion("6.18.44-fc-v669");
        assertEquals(10, MaxPageOrder.largestValidOrder("x86", Set.of(), p));
        assertEquals(10, MaxPageOrder.largestValidOrder("x86", Set.of(), KernelProfiles.forVersion("6.1.20")), "MAX_ORDER 11 exclusive");
        assertEquals(2000, p.reaperDelayMs());
        assertEquals(0, KernelProfiles.forVersion("5.10.89").reaperDelayMs());
        assertTrue(KernelProfiles.forVersion("4.16.13").rootBonus());
        assertFalse(KernelProfiles.forVersion("4.19.78").rootBonus());
    }

    @Test void reaperReapsAfterTheDelayAndSetsOomSkip() {
        boot(dev.oomspec.reference.series.v3.Series::new);
        OomRecorder.Run oc = memcgOom();
        Task v = oc.victim();
        w.advanceTime(1999);
        assertFalse(v.mm().oomSkip());
        w.advanceTime(1);
        assertTrue(v.mm().oomSkip());
        assertTrue(w.kmsg().lines().contains("oom_reaper: reaped process 200 (big), now anon-rss:0kB, file-rss:0kB, shmem-rss:0kB"));
        assertEquals(java.util.List.of("mark_victim", "wake_reaper", "start_task_reaping", "finish_task_reaping"),
                w.kmsg().events().stream().map(e -> e.event()).toList());
    }
}
