package dev.oomspec.reference;

import dev.oomspec.reference.mm.OomRecorder;
import static dev.oomspec.reference.Samples.booleans;
import static dev.oomspec.reference.Samples.forAll;
import static dev.oomspec.reference.Samples.ints;
import static dev.oomspec.reference.Samples.lists;
import static dev.oomspec.reference.Samples.longs;
import static dev.oomspec.reference.Samples.of;
import static dev.oomspec.reference.Samples.oneOf;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Invariants of selection and of oom_badness() against its formulas (mm/oom_kill.c oom_badness() per kernel version). */
class BadnessPropertiesTest {
    record Proc(long anon, long file, long swap, long pgBytes, int adj) {}

    static final Samples.Gen<Proc> PROC = procs();
    static final Samples.Gen<String> VERSION = of("4.4.155", "4.14.177", "4.16.13", "5.2.1", "5.4.59", "5.8.1", "6.18.44", "7.1.3");

    private static Samples.Gen<Proc> procs() {
        Samples.Gen<Long> anon = longs(0, 1 << 22), file = longs(0, 1 << 20), swap = longs(0, 1 << 20), pg = longs(0, 1 << 24);
        Samples.Gen<Integer> adj = oneOf(ints(-1000, 1000), of(-1000, 1000, 0));
        return r -> new Proc(anon.next(r), file.next(r), swap.next(r), pg.next(r), adj.next(r));
    }

    static World world(String version, List<Proc> procs, boolean withInitAndKthread) {
        World w = World.forKernel(version, Memcg.Hierarchy.V2).setTotalRamPages(1 << 22).setTotalSwapPages(1 << 20);
        if (withInitAndKthread) {
            w.newInit(new Mm(1 << 30, 1 << 28, 0, 0, 0, 0)); // huge rss: still never chosen
            w.newKthread(2, "kthreadd");
        }
        int pid = 100;
        for (Proc p : procs) w.newProcess(pid++, "p" + pid, 0, new Mm(0, p.anon, p.file, 0, p.swap, p.pgBytes)).setOomScoreAdj(p.adj);
        w.setCurrent(w.task(100));
        return w;
    }

    static OomRecorder.Run globalOom(World w) {
        w.oomLock().lockKillable();
        try {
            OomControl oc = OomControl.global(Gfp.GFP_KERNEL, 0);
            w.oomKill().outOfMemory(oc);
            return w.recorder().run(oc);
        } finally {
            w.oomLock().unlock();
        }
    }

    @Test
    void adjMinInitAndKthreadsAreNeverChosen() {
        forAll(300, s -> adjMinInitAndKthreadsAreNeverChosen(s.draw("v", VERSION), s.draw("procs", lists(PROC, 1, 8))));
    }

    private static void adjMinInitAndKthreadsAreNeverChosen(String v, List<Proc> procs) {
        World w = world(v, procs, true);
        OomRecorder.Run oc = globalOom(w);
        Task victim = oc.victim();
        if (victim != null) {
            assertNotEquals(-1000, victim.oomScoreAdj());
            assertTrue(!victim.isGlobalInit() && !victim.isKthread());
        } else {
            assertTrue(procs.stream().allMatch(p -> p.adj == -1000), "no victim only when every process is -1000");
        }
    }

    @Test
    void raisingRssNeverLowersRank() {
        forAll(300, s -> raisingRssNeverLowersRank(s.draw("v", VERSION), s.draw("procs", lists(PROC, 2, 6)),
                s.draw("extra", longs(1, 1 << 20))));
    }

    private static void raisingRssNeverLowersRank(String v, List<Proc> procs, long extra) {
        World w = world(v, procs, false);
        long total = w.totalRamPages() + w.totalSwapPages();
        Task t = w.task(100);
        long before = w.oomKill().oomBadness(t, total);
        List<Long> others = new ArrayList<>();
        for (Task o : w.processes()) if (o != t) others.add(w.oomKill().oomBadness(o, total));
        long rankBefore = others.stream().filter(x -> x > before).count();
        t.mm().setAnonRss(t.mm().anonRss() + extra);
        long after = w.oomKill().oomBadness(t, total);
        assertTrue(after >= before);
        long rankAfter = others.stream().filter(x -> x > after).count();
        assertTrue(rankAfter <= rankBefore);
    }

    @Test
    void badnessMatchesTheProfilesFormula() {
        forAll(500, s -> badnessMatchesTheProfilesFormula(s.draw("v", VERSION), s.draw("p", PROC),
                s.draw("totalpages", ints(1, 1 << 24)), s.draw("root", booleans())));
    }

    private static void badnessMatchesTheProfilesFormula(String v, Proc p, int totalpages, boolean root) {
        World w = world(v, List.of(p), false);
        Task t = w.task(100).setCapSysAdmin(root);
        long got = w.oomKill().oomBadness(t, totalpages);
        var ver = dev.oomspec.reference.profile.KernelVersion.parse(v);
        boolean v59 = ver.atLeast(dev.oomspec.reference.profile.KernelVersion.of(5, 9));
        // mm/oom_kill.c oom_badness(), written out independently of the model
        if (p.adj == -1000) { assertEquals(v59 ? Long.MIN_VALUE : 0, got); return; }
        long points = p.anon + p.file + p.swap + p.pgBytes / 4096;
        if (root && !ver.atLeast(dev.oomspec.reference.profile.KernelVersion.of(4, 17))) points -= points * 3 / 100;
        points += (long) p.adj * (totalpages / 1000);
        long expected = v59 ? points : (points > 0 ? points : 1);
        assertEquals(expected, got);
    }

    @Test
    void tieBreakFollowsTheVersion() {
        forAll(200, s -> tieBreakFollowsTheVersion(s.draw("n", ints(2, 6)), s.draw("rss", longs(1, 100000)),
                s.draw("new_", booleans())));
    }

    private static void tieBreakFollowsTheVersion(int n, long rss, boolean new_) {
        String v = new_ ? "5.3.1" : "5.2.1";
        List<Proc> procs = new ArrayList<>();
        for (int i = 0; i < n; i++) procs.add(new Proc(rss, 0, 0, 0, 0));
        World w = world(v, procs, false);
        OomRecorder.Run oc = globalOom(w);
        // 5.3+: equal points replace → last in creation order; ≤5.2: the first leader stays
        assertEquals(new_ ? 100 + n - 1 : 100, oc.victim().pid());
    }
}
