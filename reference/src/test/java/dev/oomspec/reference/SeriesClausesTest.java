package dev.oomspec.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.bpf.AttachTarget;
import dev.oomspec.reference.bpf.BpfKfuncs;
import dev.oomspec.reference.bpf.BpfOom;
import dev.oomspec.reference.bpf.FilterVerdict;
import dev.oomspec.reference.bpf.Handlers;
import dev.oomspec.reference.bpf.Kfunc;
import dev.oomspec.reference.bpf.KfuncFilter;
import dev.oomspec.reference.bpf.ProgType;
import dev.oomspec.reference.bpf.SeriesRevision;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.profile.KernelProfiles;
import org.junit.jupiter.api.Test;

/** Clauses of bpf-oom-series.md §4–§7 and profile facts of kernel-oom.md, one assertion each. */
class SeriesClausesTest {
    World w = World.forKernel("6.18.0", Memcg.Hierarchy.V2).setTotalSwapPages(0);
    Memcg cg = w.memcontrol().createPath("/job").setMemoryMax(10000).setSwapMax(0);
    Task big = proc(200, "big", 5000, 0), small = proc(201, "small", 1000, 0);

    Task proc(int pid, String comm, long rss, int adj) {
        Task t = w.newProcess(pid, comm, 0, new Mm(rss, rss, 0, 0, 0, 0)).setOomScoreAdj(adj);
        w.attach(t, cg);
        w.setCurrent(t);
        return t;
    }

    OomControl memcgOom() {
        w.oomLock().lockKillable();
        try {
            OomControl oc = OomControl.memcg(cg, Gfp.GFP_KERNEL, 0);
            w.oomKill().outOfMemory(oc);
            return oc;
        } finally { w.oomLock().unlock(); }
    }

    @Test void kill01to02_checkOrderV3() {
        BpfOom bpf = BpfOom.install(w, SeriesRevision.V3);
        OomControl oc = OomControl.memcg(cg, Gfp.GFP_KERNEL, 0);
        Task init = w.newInit(new Mm(1, 1, 0, 0, 0, 0)).setOomScoreAdj(-1000);
        assertEquals(-1, bpf.kfuncs().bpfOomKillProcess(oc, init, "x"), "KILL-01 before KILL-02: -EPERM");
        assertEquals(-22, bpf.kfuncs().bpfOomKillProcess(oc, small.setOomScoreAdj(-1000), "x"), "KILL-02 -EINVAL");
        assertEquals(0, bpf.kfuncs().bpfOomKillProcess(oc, big, "x"));
        assertTrue(oc.bpfMemoryFreed(), "KILL-05");
    }

    @Test void kill03_trygetRfcToV2_andProposedFold() {
        BpfOom bpf = BpfOom.install(w, SeriesRevision.V2);
        OomControl oc = OomControl.memcg(cg, Gfp.GFP_KERNEL, 0);
        assertEquals(-22, bpf.kfuncs().bpfOomKillProcess(oc, small.setTryGetFails(true), "x"));
        assertEquals(0, bpf.kfuncs().bpfOomKillProcess(oc, big.setOomScoreAdj(-1000), "x"), "v2 does not check -1000");
        World w2 = World.forKernel("6.18.0", Memcg.Hierarchy.V2);
        BpfOom p = BpfOom.install(w2, SeriesRevision.V3, true);
        Task a = w2.newProcess(300, "a", 0, new Mm(1, 1, 0, 0, 0, 0)).setOomScoreAdj(-1000);
        Task b = w2.newProcess(301, "b", 0, new Mm(1, 1, 0, 0, 0, 0).setOomSkip(true));
        Task c = w2.newVforkChild(302, "c", w2.newProcess(303, "parent", 0, new Mm(1, 1, 0, 0, 0, 0)));
        OomControl oc2 = OomControl.global(Gfp.GFP_KERNEL, 0);
        assertEquals(-1, p.kfuncs().bpfOomKillProcess(oc2, a, "x"));
        assertEquals(-1, p.kfuncs().bpfOomKillProcess(oc2, b, "x"));
        assertEquals(-1, p.kfuncs().bpfOomKillProcess(oc2, c, "x"));
    }

    @Test void oom01to03_argumentChecksThenLock() {
        BpfOom bpf = BpfOom.install(w, SeriesRevision.V3);
        BpfKfuncs k = bpf.kfuncs();
        Object other = new Object();
        w.oomLock().tryLockAs(other);
        assertEquals(-22, k.bpfOutOfMemory(cg, 0, 2L), "OOM-01 before the lock");
        assertEquals(-22, k.bpfOutOfMemory(cg, 0, 3L));
        assertEquals(-22, k.bpfOutOfMemory(cg, 11, 0), "OOM-02: MAX_PAGE_ORDER 10 inclusive");
        assertEquals(-22, k.bpfOutOfMemory(cg, -1, 0));
        assertEquals(-16, k.bpfOutOfMemory(cg, 10, 0), "OOM-03");
        bpf.setMaxPageOrder(13); // arm64 64K pages
        assertEquals(-16, k.bpfOutOfMemory(cg, 13, 0));
        w.oomLock().unlockAs(other);
        assertEquals(1, k.bpfOutOfMemory(cg, 0, 0), "OOM-05: the kernel killer ran");
        assertEquals(big, k.lastDeclaredOomControl().victim());
        assertThrows(UnsupportedOperationException.class, () -> k.bpfOutOfMemory(cg, 0));
    }

    @Test void oom07_globalWithZeroGfpDoesNothingBeforeV3() {
        BpfOom bpf = BpfOom.install(w, SeriesRevision.V2);
        assertEquals(1, bpf.kfuncs().bpfOutOfMemory(null, 0, 0L, null));
        assertEquals(OomControl.Exit.NOFS_BAILOUT, bpf.kfuncs().lastDeclaredOomControl().exit());
        assertTrue(bpf.kfuncs().lastDeclaredOomControl().killed().isEmpty());
    }

    @Test void hnd01_returningOneWithoutAKillDoesNotDisableTheKernelKiller() {
        BpfOom bpf = BpfOom.install(w, SeriesRevision.V3);
        assertEquals(0, bpf.attach(Handlers.returns("liar", 1), cg));
        OomControl oc = memcgOom();
        assertEquals(OomControl.Exit.KILLED, oc.exit());
        assertEquals(big, oc.victim());
        BpfOom.Dispatch d = (BpfOom.Dispatch) oc.bpfDispatch();
        assertFalse(d.handled());
        assertEquals(1, d.invocations().get(0).ret());
    }

    @Test void handlerKillsButReturnsZero_kernelScanAbortsOnTheFreshVictim() {
        BpfOom bpf = BpfOom.install(w, SeriesRevision.V3);
        bpf.attach(Handlers.kills("k0", oc -> small, "bpf", 0, null), cg);
        OomControl oc = memcgOom();
        assertEquals(OomControl.Exit.ABORTED_EXISTING_VICTIM, oc.exit());
        assertEquals(java.util.List.of(small), oc.killed());
    }

    @Test void attachErrorsPerRevision() {
        BpfOom v3 = BpfOom.install(w, SeriesRevision.V3);
        var h = Handlers.returns("h", 0);
        assertEquals(-22, v3.attach(new BpfOom.V3Link(h, 1 << 3 | BpfOom.BPF_F_CGROUP_FD, cg)), "ATT-06");
        assertEquals(-22, v3.attach(new BpfOom.V3Link(h, 0, null)), "ATT-10");
        assertEquals(-95, v3.attach(new BpfOom.V3LegacyReg(h)), "ATT-09");
        assertEquals(-16, v3.attach(new BpfOom.V3Link(h, BpfOom.BPF_F_CGROUP_FD, w.memcontrol().createPath("/dying").setDying(true))), "ATT-08");
        assertEquals(0, v3.attach(h, cg));
        assertEquals(-17, v3.attach(Handlers.returns("h2", 0), cg), "ATT-11");
        assertEquals(-22, v3.attach(new BpfOom.V3Link(null, BpfOom.BPF_F_CGROUP_FD, cg)), "OPS-01");
        World w2 = World.forKernel("6.18.0", Memcg.Hierarchy.V2);
        BpfOom v2 = BpfOom.install(w2, SeriesRevision.V2);
        assertEquals(0, v2.attach(h, null));
        assertEquals(-16, v2.attach(Handlers.returns("h2", 0), null), "ATT-05 system slot");
    }

    @Test void filterMatrix() {
        assertEquals(FilterVerdict.EACCES_FILTER, KfuncFilter.verdict(SeriesRevision.V3, ProgType.STRUCT_OPS, AttachTarget.BPF_OOM_OPS, Kfunc.BPF_OUT_OF_MEMORY, true));
        assertEquals(FilterVerdict.ALLOWED, KfuncFilter.verdict(SeriesRevision.V3, ProgType.STRUCT_OPS, AttachTarget.BPF_OOM_OPS, Kfunc.BPF_OOM_KILL_PROCESS, true));
        assertEquals(FilterVerdict.VERIFIER_SLEEPABLE, KfuncFilter.verdict(SeriesRevision.V3, ProgType.STRUCT_OPS, AttachTarget.BPF_OOM_OPS, Kfunc.BPF_OOM_KILL_PROCESS, false));
        assertEquals(FilterVerdict.EACCES_FILTER, KfuncFilter.verdict(SeriesRevision.V3, ProgType.STRUCT_OPS, AttachTarget.OTHER_STRUCT_OPS, Kfunc.OTHER_STRUCT_OPS_KFUNC, false), "R-19");
        assertEquals(FilterVerdict.ALLOWED, KfuncFilter.verdict(SeriesRevision.POST, ProgType.STRUCT_OPS, AttachTarget.OTHER_STRUCT_OPS, Kfunc.OTHER_STRUCT_OPS_KFUNC, false));
        assertEquals(FilterVerdict.ALLOWED, KfuncFilter.verdict(SeriesRevision.V3, ProgType.TRACING, AttachTarget.TP_BTF_PSI_AVGS_WORK, Kfunc.BPF_OUT_OF_MEMORY, true));
        assertEquals(FilterVerdict.EACCES_FILTER, KfuncFilter.verdict(SeriesRevision.V3, ProgType.TRACING, AttachTarget.OTHER_TRACING, Kfunc.BPF_OUT_OF_MEMORY, true));
        assertEquals(FilterVerdict.NOT_VISIBLE, KfuncFilter.verdict(SeriesRevision.V3, ProgType.TRACING, AttachTarget.OTHER_TRACING, Kfunc.BPF_OOM_KILL_PROCESS, true));
        assertEquals(FilterVerdict.ALLOWED, KfuncFilter.verdict(SeriesRevision.V2, ProgType.STRUCT_OPS, AttachTarget.BPF_PSI_OPS, Kfunc.BPF_OUT_OF_MEMORY, true));
        assertEquals(FilterVerdict.EACCES_FILTER, KfuncFilter.verdict(SeriesRevision.V2, ProgType.STRUCT_OPS, AttachTarget.BPF_OOM_OPS, Kfunc.BPF_OUT_OF_MEMORY, true));
        assertEquals(FilterVerdict.ALLOWED, KfuncFilter.verdict(SeriesRevision.RFC, ProgType.TRACING, AttachTarget.OTHER_TRACING, Kfunc.BPF_OOM_KILL_PROCESS, true));
        assertEquals(FilterVerdict.NOT_VISIBLE, KfuncFilter.verdict(SeriesRevision.V1, ProgType.TRACING, AttachTarget.OTHER_TRACING, Kfunc.BPF_OOM_KILL_PROCESS, true));
    }

    @Test void profilesAreChosenByVersion() {
        var p = KernelProfiles.forVersion("6.18.44-fc-v669");
        assertEquals(10, p.maxPageOrder());
        assertEquals(10, KernelProfiles.forVersion("6.1.20").maxPageOrder(), "MAX_ORDER 11 exclusive");
        assertEquals(2000, p.reaperDelayMs());
        assertEquals(0, KernelProfiles.forVersion("5.10.89").reaperDelayMs());
        assertTrue(KernelProfiles.forVersion("4.16.13").rootBonus());
        assertFalse(KernelProfiles.forVersion("4.19.78").rootBonus());
    }

    @Test void reaperReapsAfterTheDelayAndSetsOomSkip() {
        OomControl oc = memcgOom();
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
