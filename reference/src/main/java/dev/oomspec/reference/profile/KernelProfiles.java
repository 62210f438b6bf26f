package dev.oomspec.reference.profile;

import java.util.List;
import java.util.function.Consumer;

/**
 * The table of OOM-killer changes by kernel version . A profile is the 4.4 baseline
 * with every change whose version is ≤ the requested one applied, in order. Nothing else in the model
 * compares versions.
 */
public final class KernelProfiles {
    private KernelProfiles() {}

    /** One dated change: applies to every kernel ≥ {@code since}. */
    public record Change(KernelVersion since, String what, Consumer<KernelProfile.Builder> apply) {}

    private static Change at(String since, String what, Consumer<KernelProfile.Builder> apply) {
        return new Change(KernelVersion.parse(since), what, apply);
    }

    /** 4.4 baseline (the oldest kernel the model covers). */
    public static final KernelProfile BASELINE_4_4 = KernelProfile.builder()
            .version(KernelVersion.of(4, 4))
            .badness(Formats.Badness.UNSIGNED_CLAMPED)
            .rootBonus(true)
            .skipAndVforkIneligible(false)
            .tieBreak(Formats.TieBreak.KEEP_LEADER)
            .memcgScanLeadersOnly(false)
            .globalScanLeadersOnly(false)
            .normalisedKillScore(true)
            .sacrificeChild(true)
            .nofsNeedsNonZeroGfp(false)
            .header(Formats.Header.V4_4_NO_FLAGS)
            .cpusetLine(true)
            .summaryLine(false)
            .memcgV1LinesAlways(true)
            .taskTable(Formats.TaskTable.V4_0_NR_PTES)
            .killLine(Formats.KillLine.V4_4_NO_SHMEM)
            .alreadyExitingLine(false)
            .markVictim(Formats.MarkVictim.NONE)
            .reaperTracepoints(false)
            .reaperDelayMs(0)
            .oomGroup(false)
            .oomGroupKillEvent(false)
            .maxOrder(Formats.MaxOrder.EXCLUSIVE_MAX_ORDER)
            .oomReaper(false)
            .killAllMmSharers(false)
            .memcgInfo(Formats.MemcgInfo.V4_4_TASK_IN)
            .build();

    /** The change log, oldest first. */
    public static final List<Change> CHANGES = List.of(
            at("4.5", "%pGg flags in header; shmem-rss in Killed line (eca56ff906bd)", b -> {
                b.header = Formats.Header.V4_9_NODEMASK; b.killLine = Formats.KillLine.V4_5_SACRIFICE_CHILD; }),
            at("4.6", "oom_reaper kthread (the kernel history 4.6+)", b -> b.oomReaper = true),
            at("4.9", "leaders-only global scan; MMF_OOM_SKIP / in_vfork ineligible; -1000 mm sharers killed too and "
                    + "'has mm pinned by' for init (present 4.9.0); !__GFP_FS bail-out guarded by oc->gfp_mask "
                    + "(the kernel history '4.9-era'); memcg stat names gain shmem (absent 4.4, exact release not dated)", b -> {
                b.globalScanLeadersOnly = true; b.skipAndVforkIneligible = true; b.killAllMmSharers = true;
                b.nofsNeedsNonZeroGfp = true; b.memcgInfo = Formats.MemcgInfo.V4_9_TASK_IN; }),
            at("4.12", "header nodemask printed with pr_cont, two spaces before order=", b ->
                b.header = Formats.Header.V4_12_NODEMASK_CONT),
            at("4.13", "reaper and mark_victim tracepoints (Roman Gushchin 2017)", b -> {
                b.markVictim = Formats.MarkVictim.PID_ONLY; b.reaperTracepoints = true; }),
            at("4.15", "pgtables_bytes (af5b0f6a09e4)", b -> {
                b.taskTable = Formats.TaskTable.V4_15_PGTABLES;
                b.header = Formats.Header.V4_15_NODEMASK; }),
            at("4.17", "root 3% bonus removed (d46078b28889)", b -> b.rootBonus = false),
            at("4.19", "memory.oom.group (3d8b38eb81ca); 'Tasks state' + [%7d] (c3b78b11efbb)", b -> {
                b.oomGroup = true; b.taskTable = Formats.TaskTable.V4_19_PID7; }),
            at("5.0", "oom-kill: summary, header without nodemask, no cpuset line (ef8444ea01d7)", b -> {
                b.summaryLine = true; b.header = Formats.Header.V5_0; b.cpusetLine = false;
                b.memcgInfo = Formats.MemcgInfo.V5_0_SUBTREE_LINES; }),
            at("5.1", "no child sacrifice / score line (bbbe48029720)", b -> {
                b.killLine = Formats.KillLine.V5_1_NO_SCORE; b.normalisedKillScore = false; b.sacrificeChild = false; }),
            at("5.3", "last-wins ties, leaders-only memcg scan, v1-only memsw/kmem lines", b -> {
                b.tieBreak = Formats.TieBreak.LAST_WINS; b.memcgScanLeadersOnly = true;
                b.memcgV1LinesAlways = false; b.memcgInfo = Formats.MemcgInfo.V5_3_STAT_BUFFER; }),
            at("5.4", "UID/pgtables/oom_score_adj in Killed line", b ->
                b.killLine = Formats.KillLine.V5_4_UID_PGTABLES),
            at("5.9", "badness is long, LONG_MIN ineligible, no clamp (9066e5cfb73c); already-exiting line", b -> {
                b.badness = Formats.Badness.SIGNED_LONG_MIN;
                b.alreadyExitingLine = true; }),
            at("5.17", "memory.events oom_group_kill", b -> b.oomGroupKillEvent = true),
            at("5.18", "OOM reaper delayed 2 s (e4a38402c36e)", b -> b.reaperDelayMs = 2000),
            at("6.4", "MAX_ORDER inclusive, default 10 (23baf831a32c)", b -> {
                b.maxOrder = Formats.MaxOrder.INCLUSIVE_MAX_PAGE_ORDER; }),
            at("6.5", "NOFS bail-out no longer guarded by gfp_mask", b -> b.nofsNeedsNonZeroGfp = false),
            at("6.8", "rss_anon/rss_file/rss_shmem task-table columns", b ->
                b.taskTable = Formats.TaskTable.V6_8_RSS_SPLIT),
            at("6.9", "mark_victim extended fields (Carlos Galo)", b ->
                b.markVictim = Formats.MarkVictim.V6_9_EXTENDED));

    /** Profile for a version string such as {@code "6.18.44-fc-v669"}. */
    public static KernelProfile forVersion(String version) { return forVersion(KernelVersion.parse(version)); }

    public static KernelProfile forVersion(KernelVersion v) {
        if (v.compareTo(BASELINE_4_4.version()) < 0)
            throw new IllegalArgumentException("kernels before 4.4 are not modelled: " + v);
        KernelProfile.Builder b = BASELINE_4_4.toBuilder();
        for (Change c : CHANGES) if (v.atLeast(c.since())) c.apply().accept(b);
        b.version = v;
        return b.build();
    }
}
