package dev.oomspec.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Task;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The memcg block of a memcg OOM report before 5.3: "Task in … killed as a result of limit of …" (≤4.20), the three usage
 * lines, then one "Memory cgroup stats for <path>:" line per memcg of the subtree with " %s:%luKB" pairs.
 */
class OldMemcgBlockFormatTest {
    static final String MAX = "9007199254740988kB";

    /** /job (v1, limit 6000 pages, usage 5990, failcnt 7) with /job/sub holding the victim. */
    static final class Job {
        final Rig r;
        final Memcg job, sub;
        final Task v;

        Job(String version) {
            r = new Rig(version, Memcg.Hierarchy.V1);
            job = r.cg("/job").setMemoryMax(6000).setMemoryUsage(5990, 7).setKmem(30, Memcg.PAGE_COUNTER_MAX, 0)
                    .setV1Stat("cache", 10).setV1Stat("rss", 20);
            sub = r.cg("/job/sub").setV1Stat("rss", 5000).setV1Stat("shmem", 3).setV1Stat("swap", 2)
                    .setV1Stat("active_anon", 4900).setV1Stat("inactive_anon", 100).setV1Stat("unevictable", 1);
            v = r.proc(200, "v", 5000, sub);
            r.w.setCurrent(v);
        }

        /** The lines between the usage block start and the task table. */
        List<String> block() {
            List<String> l = r.lines();
            int from = l.indexOf(l.stream().filter(s -> s.startsWith("Task in ") || s.startsWith("Memory limit reached")
                    || s.startsWith("memory: ")).findFirst().orElseThrow());
            int to = l.indexOf(l.stream().filter(s -> s.startsWith("Tasks state") || s.startsWith("[ pid ]")
                    || s.startsWith("Kernel panic")).findFirst().orElseThrow());
            return l.subList(from, to);
        }
    }

    static final String USAGE = "memory: usage 23960kB, limit 24000kB, failcnt 7";
    static final String MEMSW = "memory+swap: usage 0kB, limit " + MAX + ", failcnt 0";
    static final String KMEM = "kmem: usage 120kB, limit " + MAX + ", failcnt 0";
    static final String JOB_STATS = "Memory cgroup stats for /job: cache:40KB rss:80KB rss_huge:0KB shmem:0KB mapped_file:0KB "
            + "dirty:0KB writeback:0KB swap:0KB inactive_anon:0KB active_anon:0KB inactive_file:0KB active_file:0KB unevictable:0KB";
    static final String SUB_STATS = "Memory cgroup stats for /job/sub: cache:0KB rss:20000KB rss_huge:0KB shmem:12KB mapped_file:0KB "
            + "dirty:0KB writeback:0KB swap:8KB inactive_anon:400KB active_anon:19600KB inactive_file:0KB active_file:0KB unevictable:4KB";

    @Test
    void v4_19TaskInLineThenUsageThenOneStatsLinePerSubtreeMemcg() {
        Job j = new Job("4.19.78");
        j.r.memcg(j.job);
        assertEquals(List.of("Task in /job/sub killed as a result of limit of /job", USAGE, MEMSW, KMEM, JOB_STATS, SUB_STATS), j.block());
        assertEquals("v cpuset=/ mems_allowed=0", j.r.lines().get(1), "≤4.20 cpuset line right after the header");
    }

    @Test
    void v4_19WithoutAVictimNamesOnlyTheLimit() {
        Job j = new Job("4.19.78");
        j.r.w.setPanicOnOom(2);
        j.r.memcg(j.job);
        assertEquals(List.of("Memory limit reached of cgroup /job", USAGE, MEMSW, KMEM, JOB_STATS, SUB_STATS), j.block());
    }

    @Test
    void v5_0To5_2NoTaskInLine() {
        for (String version : List.of("5.0.1", "5.2.1")) {
            Job j = new Job(version);
            j.r.memcg(j.job);
            assertEquals(List.of(USAGE, MEMSW, KMEM, JOB_STATS, SUB_STATS), j.block(), version);
        }
    }

    @Test
    void v5_0UsageLinesOfV1PrintedOnV2Too() {
        Rig r = new Rig("5.0.1", Memcg.Hierarchy.V2);
        Memcg cg = r.cg("/c").setMemoryMax(6000).setSwapMax(0);
        r.w.setCurrent(r.proc(200, "v", 5000, cg));
        r.memcg(cg);
        assertEquals(1, r.linesStarting("memory+swap: ").size(), "≤5.2: always memory:, memory+swap:, kmem:");
        assertEquals(List.of("Memory cgroup stats for /c: cache:0KB rss:0KB rss_huge:0KB shmem:0KB mapped_file:0KB dirty:0KB "
                + "writeback:0KB swap:0KB inactive_anon:0KB active_anon:0KB inactive_file:0KB active_file:0KB unevictable:0KB"),
                r.linesStarting("Memory cgroup stats for "));
    }

    @Test
    void swapOnlyWithSwapAccounting() {
        Job j = new Job("5.2.1");
        j.r.w.setMemcgSwapAccount(false);
        j.r.memcg(j.job);
        assertEquals(SUB_STATS.replace(" swap:8KB", ""), j.block().get(4));
    }

    @Test
    void v4_4HasNoShmemStat() {
        Job j = new Job("4.4.155");
        j.r.memcg(j.job);
        assertEquals(List.of("Task in /job/sub killed as a result of limit of /job", USAGE, MEMSW, KMEM,
                JOB_STATS.replace(" shmem:0KB", ""), SUB_STATS.replace(" shmem:12KB", "")), j.block());
    }

    @Test
    void v5_3OnlyTheOomingMemcgTitle() {
        Job j = new Job("5.3.1");
        j.r.memcg(j.job);
        assertEquals(List.of(USAGE, MEMSW, KMEM, "Memory cgroup stats for /job:"), j.block(), "5.3+ body not modelled");
    }
}
