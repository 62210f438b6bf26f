package dev.oomspec.traces.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.policy.Revision;
import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.replay.EventReplayInput;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Each shipped policy on real reports of the bundled corpus (traces/corpus), the expected victim worked out by hand
 * from the report's lines (the arithmetic is in each test's comment): sizes in pages = rss + swapents + page tables
 * (pgtables_bytes / 4096, or nr_ptes pages on 3.10), memory in kB = (rss + swapents) × 4 + page tables in kB.
 */
class PolicyLabCorpusTest {
    static final Path CORPUS = Path.of("corpus");

    static List<OomEvent> events(String file) throws IOException {
        return OomLogReader.read(CORPUS.resolve(file)).events().stream().filter(EventReplayInput::replayable).toList();
    }

    static PolicyOutcome run(String policy, Revision rev, String file, int event) throws IOException {
        PolicyLab lab = new PolicyLab(PolicyCatalog.load(List.of()).parse(policy), rev);
        OomEvent e = events(file).get(event);
        return lab.evaluate(e, CaptureSidecar.beside(CORPUS.resolve(file))).get(0);
    }

    static List<Integer> pids(List<PolicyOutcome.Victim> v) { return v.stream().map(PolicyOutcome.Victim::pid).toList(); }

    /**
     * published/001 (RHEL7 3.10, global, 85 rows): the two largest rows are
     * mysqld 6576: rss 5157063 + swapents 1527848 + nr_ptes 15483 = 6,700,394 pages and
     * java 27502: 2716569 + 226225 + 6505 = 2,949,299; every other row is below 27,000 (oacore 23313+3256+97).
     * Both adj 0 → mysqld, the kernel's victim too. Memory: (5157063 + 1527848) × 4 + 15483 × 4 = 26,801,576 kB.
     */
    @ParameterizedTest
    @EnumSource(Revision.class)
    void largestRssOnRhel7GlobalKillsMysqldLikeTheKernel(Revision rev) throws IOException {
        PolicyOutcome o = run("largest-rss", rev, "published/001-oomanalyser-example-3.10-rhel7-global-bare.log", 0);
        assertEquals(PolicyVerdict.SAME, o.verdict(), o.reason());
        assertEquals(List.of(new PolicyOutcome.Victim(6576, "mysqld", 26_801_576)), o.victims());
        assertEquals(false, o.kernelKillerRan());
        assertEquals(26_801_576L, o.freedKb());
        assertEquals(26_801_576L, o.kernelFreedKb());
        assertTrue(o.calls().stream().anyMatch(c -> c.kfunc().equals("bpf_oom_kill_process") && c.ret().equals("0")
                && c.args().startsWith("task=mysqld(6576)")));
    }

    /**
     * published/040 (Ubuntu 5.13, sysrq, global): snapd 611: rss 8248 + swap 0 + 221184/4096 = 54 → 8,302 pages, adj
     * -900 (not -1000: eligible); unattended-upgr 651: 5232 + 0 + 106496/4096 = 26 → 5,258; multipathd 507 (4646 + 24)
     * has adj -1000. largest-rss ignores adj: snapd, where the kernel (adj -900 × totalpages/1000 pushes snapd down)
     * killed unattended-upgr. Memory: snapd 8248 × 4 + 216 = 33,208 kB; unattended-upgr 5232 × 4 + 104 = 21,032 kB.
     */
    @Test
    void largestRssOnUbuntuSysrqIgnoresAdjAndKillsSnapd() throws IOException {
        PolicyOutcome o = run("largest-rss", Revision.V3, "published/040-oomanalyser-example-5.13-ubuntu-sysrq-bare.log", 0);
        assertEquals(PolicyVerdict.DIFFERENT, o.verdict(), o.reason());
        assertEquals(List.of(new PolicyOutcome.Victim(611, "snapd", 33_208)), o.victims());
        assertEquals(21_032L, o.kernelFreedKb());
        assertTrue(o.reason().contains("the kernel killed unattended-upgr (651)"), o.reason());
    }

    /**
     * live-6.18/equal-sized.dmesg, first OOM (a capture: its JSON beside it names the cgroup and the five workers):
     * eq01 10698 + 122880/4096 = 30 → 10,728; eq02 10670 + 32 = 10,702; eq03 10700 + 31 = 10,731; eq04 10699 + 32 =
     * 10,731; grower 5312 + 22 = 5,334. eq03 and eq04 tie; ties go to the last in walk order (the table's order, as
     * the kernel's scan) → eq04 28633, the kernel's victim. Memory 10699 × 4 + 128 = 42,924 kB.
     */
    @Test
    void largestRssOnACaptureBreaksTiesLikeTheKernel() throws IOException {
        PolicyOutcome o = run("largest-rss", Revision.V3, "live-6.18/equal-sized.dmesg", 0);
        assertEquals(PolicyVerdict.SAME, o.verdict(), o.reason());
        assertEquals(List.of(new PolicyOutcome.Victim(28633, "eq04", 42_924)), o.victims());
    }

    /**
     * The same capture's report without its JSON (shared-live-6.18 has none with a cgroup path): a 6.18 memcg report
     * names the OOMing memcg but not the cgroups below it, so a walk of the cgroup tree cannot be answered.
     */
    @Test
    void largestRssWithoutTheCaptureJsonIsUndecidable() throws IOException {
        PolicyOutcome o = run("largest-rss", Revision.V3, "shared-live-6.18/single-hog.dmesg", 0);
        assertEquals(PolicyVerdict.UNDECIDABLE, o.verdict());
        assertTrue(o.reason().contains("not the cgroups below it"), o.reason());
        assertTrue(o.victims().isEmpty());
    }

    /**
     * published/001 again: the table of a system-wide OOM is printed by for_each_process(), in creation order; its
     * last row is rotatelogs 29752 (adj 0, rss 296): the youngest process. Memory (296 + 0) × 4 + 19 × 4 = 1,260 kB.
     */
    @Test
    void youngestFirstOnAGlobalOomKillsTheLastRow() throws IOException {
        PolicyOutcome o = run("youngest-first", Revision.V3, "published/001-oomanalyser-example-3.10-rhel7-global-bare.log", 0);
        assertEquals(PolicyVerdict.DIFFERENT, o.verdict(), o.reason());
        assertEquals(List.of(new PolicyOutcome.Victim(29752, "rotatelogs", 1_260)), o.victims());
    }

    /** A memcg OOM's table is in cgroup order and lists no other process: youngest-first cannot be answered. */
    @Test
    void youngestFirstOnAMemcgOomIsUndecidable() throws IOException {
        PolicyOutcome o = run("youngest-first", Revision.POST, "live-6.18/single-hog.dmesg", 0);
        assertEquals(PolicyVerdict.UNDECIDABLE, o.verdict());
        assertTrue(o.reason().contains("a memcg OOM report lists only that memcg's processes"), o.reason());
    }

    /**
     * published/042 (5.2, memcg v1 /leaker): the one-line "Memory cgroup stats for /leaker:" and no further stats line
     * — a ≤5.2 report lists every cgroup below the OOMing one — so /leaker is a leaf holding both rows. largest-cgroup
     * kills it whole, in table order: sh 23777 ((400 + 4) × 4 + 36864/1024 = 1,652 kB) and leaker 23793
     * ((126942 + 519670) × 4 + 5226496/1024 = 2,591,552 kB); the kernel killed leaker alone: different, 1,652 kB more.
     */
    @ParameterizedTest
    @EnumSource(Revision.class)
    void largestCgroupOnALeafMemcgKillsItWhole(Revision rev) throws IOException {
        PolicyOutcome o = run("largest-cgroup", rev, "published/042-lkml-hocko-leaker-5.2-memcg-v1-dmesg.log", 0);
        assertEquals(PolicyVerdict.DIFFERENT, o.verdict(), o.reason());
        assertEquals(List.of(new PolicyOutcome.Victim(23777, "sh", 1_652), new PolicyOutcome.Victim(23793, "leaker", 2_591_552)),
                o.victims());
        assertEquals(2_593_204L, o.freedKb());
        assertEquals(2_591_552L, o.kernelFreedKb());
    }

    /** A system-wide report does not say which cgroup each process is in. */
    @Test
    void largestCgroupOnAGlobalOomIsUndecidable() throws IOException {
        PolicyOutcome o = run("largest-cgroup", Revision.V3, "public/014-steamdeck-6.1-global-journal-json.log", 0);
        assertEquals(PolicyVerdict.UNDECIDABLE, o.verdict());
        assertTrue(o.reason().contains("a system-wide OOM report does not say which cgroup each process is in"), o.reason());
    }

    /**
     * published/043 (RHEL7, memcg v1 /site133, a leaf by the same ≤5.2 argument): test_oom's one leaf has usage
     * 524288 kB − cache 0 > 0 and no adj -1000 row, so the selftest policy kills every process in it, in order: su
     * 22040, bash 22041, yes 25889, tr 25890, head 25891, grep 25892 (the kernel's victim).
     */
    @Test
    void testOomOnALeafMemcgKillsEveryProcess() throws IOException {
        PolicyOutcome o = run("test-oom", Revision.V3, "published/043-apiscp-docs-unknown-rhel7-memcg-v1-dmesg-elided.log", 0);
        assertEquals(PolicyVerdict.DIFFERENT, o.verdict(), o.reason());
        assertEquals(List.of(22040, 22041, 25889, 25890, 25891, 25892), pids(o.victims()));
        assertEquals("bpf_test_policy", o.program());
    }

    /**
     * A system-wide OOM: test_oom, attached at the root, starts from the root memcg, whose cgroup is the one it is
     * attached to — it returns 0 at once, and the kernel's killer takes mysqld (6576), as it did.
     */
    @Test
    void testOomDeclinesASystemWideOom() throws IOException {
        PolicyOutcome o = run("test-oom", Revision.POST, "published/001-oomanalyser-example-3.10-rhel7-global-bare.log", 0);
        assertEquals(PolicyVerdict.DECLINED, o.verdict(), o.reason());
        assertTrue(o.kernelKillerRan());
        assertEquals(List.of(6576), pids(o.kernelKilled()));
    }

    /** test_oomd ranks by per-cgroup reclaim counters, which no report prints. */
    @Test
    void testOomdOnACaptureIsUndecidable() throws IOException {
        PolicyOutcome o = run("test-oomd", Revision.POST, "live-6.18/single-hog.dmesg", 0);
        assertEquals(PolicyVerdict.UNDECIDABLE, o.verdict());
        assertTrue(o.reason().contains("reclaim counters"), o.reason());
    }

    /**
     * cgroup-priority on live-6.18/single-hog (one worker, hog 28625, in the capture's cgroup): a rule omitting
     * every cgroup under /process_api leaves no candidate — the policy declines and the kernel's killer takes hog; a
     * rule that only avoids it still leaves the one leaf: hog is killed by the policy.
     */
    @Test
    void cgroupPriorityOmitDeclinesAndAvoidStillKills(@TempDir Path dir) throws IOException {
        Path omit = Files.writeString(dir.resolve("omit.conf"), "# protect the capture\n/process_api/**  omit\n", StandardCharsets.UTF_8);
        Path avoid = Files.writeString(dir.resolve("avoid.conf"), "/process_api/**  avoid\n", StandardCharsets.UTF_8);
        PolicyOutcome o = run("cgroup-priority=" + omit, Revision.V3, "live-6.18/single-hog.dmesg", 0);
        assertEquals(PolicyVerdict.DECLINED, o.verdict(), o.reason());
        assertEquals(List.of(28625), pids(o.kernelKilled()));
        PolicyOutcome a = run("cgroup-priority=" + avoid, Revision.V3, "live-6.18/single-hog.dmesg", 0);
        assertEquals(PolicyVerdict.SAME, a.verdict(), a.reason());
        assertEquals(List.of(28625), pids(a.victims()));
    }
}
