package dev.oomspec.reference;

import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.OomTrace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * memory.oom.group: v2 only, highest flagged ancestor within the OOM
 * domain, members except adj −1000 and init, the "Tasks in … memory.oom.group set" line, the original victim
 * reported Killed twice, memory.events oom_kill / oom_group_kill, /proc/vmstat oom_kill.
 */
class OomGroupTest {
    static String killed6(int pid, String comm, long pages, int adj, String msg) {
        // 5.4–6.19 "%s: Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB, UID:%u pgtables:%lukB oom_score_adj:%hd"
        return String.format("%s: Killed process %d (%s) total-vm:%dkB, anon-rss:%dkB, file-rss:0kB, shmem-rss:0kB, UID:0 pgtables:0kB oom_score_adj:%d",
                msg, pid, comm, pages * 4, pages * 4, adj);
    }

    /** /job (oom.group=1, memory.max) with /job/a {big 5000, helper 100} and /job/b {other 300, keeper 200 adj −1000}. */
    static final class Job {
        final Rig r;
        final Memcg job, a, b;
        final Task big, helper, other, keeper, outside;

        Job(String version, Memcg.Hierarchy h) {
            r = new Rig(version, h);
            job = r.cg("/job").setMemoryMax(6000).setSwapMax(0).setOomGroup(true);
            a = r.cg("/job/a");
            b = r.cg("/job/b");
            big = r.proc(200, "big", 5000, a);
            helper = r.proc(201, "helper", 100, a);
            other = r.proc(202, "other", 300, b);
            keeper = r.proc(203, "keeper", 200, b).setOomScoreAdj(-1000);
            outside = r.proc(300, "outside", 50, r.cg("/elsewhere"));
            r.w.setCurrent(big);
        }
    }

    @Test
    void memcgOomKillsTheWholeGroupExceptMinusThousand() {
        Job j = new Job("6.18.0", Memcg.Hierarchy.V2);
        OomRecorder.Run oc = j.r.memcg(j.job);
        assertEquals(OomTrace.Exit.KILLED, oc.exit());
        assertTrue(j.r.ret);
        assertEquals(List.of(200, 201, 202), j.r.sigkilled(), "victim, then every member but adj -1000; nothing outside");

        String msg = "Memory cgroup out of memory";
        List<String> kills = j.r.linesWith(": Killed process ");
        assertEquals(List.of(killed6(200, "big", 5000, 0, msg), killed6(200, "big", 5000, 0, msg),
                killed6(201, "helper", 100, 0, msg), killed6(202, "other", 300, 0, msg)), kills,
                "the original victim is not skipped by the group walk: reported Killed twice");
        List<String> all = j.r.lines();
        int group = all.indexOf("Tasks in /job are going to be killed due to memory.oom.group set");
        assertTrue(group > all.indexOf(kills.get(0)) && group < all.lastIndexOf(kills.get(1)),
                "group line after the victim's Killed line, before the members'");

        // memory.events: oom_kill once per __oom_kill_process, hierarchical; oom_group_kill once on the group memcg
        assertEquals(3, j.a.events(Memcg.Event.OOM_KILL), "big twice + helper");
        assertEquals(1, j.b.events(Memcg.Event.OOM_KILL), "other; keeper (adj -1000) not killed");
        assertEquals(4, j.job.events(Memcg.Event.OOM_KILL));
        assertEquals(0, j.r.cg("/elsewhere").events(Memcg.Event.OOM_KILL));
        assertEquals(0, j.job.eventsLocal(Memcg.Event.OOM_KILL));
        assertEquals(1, j.job.events(Memcg.Event.OOM_GROUP_KILL));
        assertEquals(1, j.job.eventsLocal(Memcg.Event.OOM_GROUP_KILL));
        assertEquals(0, j.a.events(Memcg.Event.OOM_GROUP_KILL));
        assertEquals(4, j.r.w.vmstatOomKill(), "count_vm_event(OOM_KILL) per __oom_kill_process call");

        // mark_oom_victim() on an already marked thread does nothing: one mark_victim per distinct task
        List<String> marks = j.r.trace().stream().filter(e -> e.startsWith("mark_victim: ")).map(e -> e.split(" ")[1]).toList();
        assertEquals(List.of("pid=200", "pid=201", "pid=202"), marks);
    }

    @Test
    void highestFlaggedAncestorWithinTheDomain() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Memcg top = r.cg("/top").setOomGroup(true);
        Memcg mid = r.cg("/top/mid").setOomGroup(true).setMemoryMax(4000).setSwapMax(0);
        Memcg leaf = r.cg("/top/mid/leaf").setOomGroup(true);
        Task v = r.proc(200, "v", 3000, leaf);
        Task sib = r.proc(201, "sib", 10, r.cg("/top/mid/other"));
        Task up = r.proc(202, "up", 10, r.cg("/top/side"));
        r.w.setCurrent(v);
        r.memcg(mid);
        assertEquals(List.of("Tasks in /top/mid are going to be killed due to memory.oom.group set"), r.linesStarting("Tasks in "),
                "domain = the OOMing memcg: /top is above it and not taken");
        assertEquals(List.of(200, 201), r.sigkilled());
        assertEquals(1, mid.events(Memcg.Event.OOM_GROUP_KILL));
        assertEquals(0, top.eventsLocal(Memcg.Event.OOM_GROUP_KILL), "counted on /top/mid …");
        assertEquals(1, top.events(Memcg.Event.OOM_GROUP_KILL), "… and, memory.events being hierarchical, seen in /top");

        // a global OOM: domain = root, so the highest flagged ancestor is /top
        Rig g = new Rig("6.18.0", Memcg.Hierarchy.V2);
        g.cg("/top").setOomGroup(true);
        g.cg("/top/mid").setOomGroup(true);
        Task gv = g.proc(200, "v", 3000, g.cg("/top/mid/leaf"));
        g.proc(202, "up", 10, g.cg("/top/side"));
        g.proc(203, "root", 10);
        g.w.setCurrent(gv);
        g.global();
        assertEquals(List.of("Tasks in /top are going to be killed due to memory.oom.group set"), g.linesStarting("Tasks in "));
        assertEquals(List.of(200, 202), g.sigkilled(), "the root-memcg process is outside /top");
        assertFalse(up.isOomVictim(), "outside the domain of the memcg OOM");
    }

    @Test
    void initIsNeverAGroupMember() {
        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        Memcg job = r.cg("/job").setOomGroup(true).setMemoryMax(10000).setSwapMax(0);
        Task init = r.w.newInit(new dev.oomspec.reference.mm.Mm(10, 10, 0, 0, 0, 0));
        r.w.attach(init, job);
        Task v = r.proc(200, "v", 3000, job);
        r.w.setCurrent(v);
        r.memcg(job);
        assertEquals(List.of(200), r.sigkilled());
        assertFalse(init.isOomVictim());
    }

    @Test
    void victimInRootOrOnV1HasNoGroup() {
        Job v1 = new Job("6.18.0", Memcg.Hierarchy.V1);
        v1.job.setMemswMax(6000);
        v1.r.memcg(v1.job);
        assertEquals(List.of(200), v1.r.sigkilled(), "no memory.oom.group on cgroup v1");
        assertEquals(List.of(), v1.r.linesStarting("Tasks in "));

        Rig r = new Rig("6.18.0", Memcg.Hierarchy.V2);
        r.w.rootMemcg().setOomGroup(true);
        Task v = r.proc(200, "v", 3000);
        r.proc(201, "w", 10);
        r.w.setCurrent(v);
        r.global();
        assertEquals(List.of(200), r.sigkilled(), "victim in the root memcg: no group");
    }

    @Test
    void groupKillCounterOnlyFrom5_17() {
        Job j = new Job("5.15.0", Memcg.Hierarchy.V2);
        j.r.memcg(j.job);
        assertEquals(List.of(200, 201, 202), j.r.sigkilled());
        assertEquals(0, j.job.events(Memcg.Event.OOM_GROUP_KILL), "oom_group_kill is 5.17+");
        Job old = new Job("4.14.0", Memcg.Hierarchy.V2);
        old.r.memcg(old.job);
        assertEquals(List.of(200), old.r.sigkilled(), "memory.oom.group is 4.19+");
    }

    @Test
    void before5_1TheScoreLineIsPrintedOnceForTheChosenTaskOnly() {
        Job j = new Job("4.19.0", Memcg.Hierarchy.V2);
        j.r.memcg(j.job);
        String msg = "Memory cgroup out of memory";
        // totalpages = memory.max 6000 + min(swap.max 0, total swap 0); score = points * 1000 / totalpages = 833
        assertEquals(List.of(msg + ": Kill process 200 (big) score 833 or sacrifice child"), j.r.linesWith("Kill process"));
        // 4.5–5.0 "Killed process %d (%s) total-vm:%lukB, anon-rss:%lukB, file-rss:%lukB, shmem-rss:%lukB" without a prefix
        // the second report of the victim races with the (immediately woken, ≤5.17) reaper: only its prefix is fixed
        List<String> k = j.r.linesStarting("Killed process");
        assertEquals(4, k.size(), k.toString());
        assertEquals("Killed process 200 (big) total-vm:20000kB, anon-rss:20000kB, file-rss:0kB, shmem-rss:0kB", k.get(0));
        assertTrue(k.get(1).startsWith("Killed process 200 (big) total-vm:20000kB, anon-rss:"), k.get(1));
        assertEquals("Killed process 201 (helper) total-vm:400kB, anon-rss:400kB, file-rss:0kB, shmem-rss:0kB", k.get(2));
        assertEquals("Killed process 202 (other) total-vm:1200kB, anon-rss:1200kB, file-rss:0kB, shmem-rss:0kB", k.get(3));
    }
}
