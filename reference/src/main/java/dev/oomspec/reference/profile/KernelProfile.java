package dev.oomspec.reference.profile;

/**
 * What the OOM killer of one kernel version does differently — pure data, chosen by
 * {@link KernelProfiles#forVersion(String)}. Every field cites where it changed (kernel-oom.md).
 *
 * @param version                 the version this profile was built for
 * @param badness                 oom_badness() return shape (§2)
 * @param pgtablesInBadness       4.15+: mm_pgtables_bytes/PAGE_SIZE (≤4.14 nr_ptes+nr_pmds, modelled as the same page count)
 * @param rootBonus               ≤4.16: CAP_SYS_ADMIN gets points -= points*3/100
 * @param skipAndVforkIneligible  4.9+: MMF_OOM_SKIP and in_vfork make a task ineligible
 * @param tieBreak                §5
 * @param memcgScanLeadersOnly    5.3+: mem_cgroup_scan_tasks with CSS_TASK_ITER_PROCS
 * @param globalScanLeadersOnly   4.9+: for_each_process (4.4 walked every thread)
 * @param normalisedKillScore     ≤5.0: "Kill process … score N or sacrifice child" with points*1000/totalpages
 * @param originPointsLongMax     5.9+ LONG_MAX (≤5.8 ULONG_MAX): both "largest", modelled as Long.MAX_VALUE
 * @param nofsNeedsNonZeroGfp     4.9–6.4: the !__GFP_FS bail-out is guarded by oc->gfp_mask != 0 (kernel-oom.md §6: 5.4–6.4 and the 4.9-era test)
 * @param header                  §13.2
 * @param cpusetLine              ≤4.20: "%s cpuset=… mems_allowed=…" after the header
 * @param summaryLine             5.0+: "oom-kill:constraint=…"
 * @param memcgV1LinesAlways      ≤5.2: memory+swap:/kmem: printed on v2 too
 * @param taskTable               §13.9
 * @param killLine                §13.11
 * @param alreadyExitingLine      5.9+: "OOM victim %d (%s) is already exiting. Skip killing the task"
 * @param markVictim              §14
 * @param reaperTracepoints       4.13+: wake_reaper/start/finish/skip_task_reaping
 * @param reaperDelayMs           5.18+: OOM_REAPER_DELAY 2*HZ, before: queued immediately (0)
 * @param oomGroup                4.19+: memory.oom.group
 * @param oomGroupKillEvent       5.17+: memory.events oom_group_kill
 * @param maxOrder                §12
 * @param maxOrderValue           default MAX_ORDER (11 exclusive ≤6.3, 10 inclusive 6.4+) for x86
 * @param exactCounters           7.0+: percpu_counter_sum in badness (model: same values)
 * @param oomReaper               4.6+: the oom_reaper kthread exists (queue/wake/reap, its log lines)
 * @param killAllMmSharers        4.9+: other processes sharing the mm are killed even with adj −1000, and init
 *                                sharing prints "oom killer … has mm pinned by …" (4.4: both skipped silently)
 * @param memcgInfo               §13.5 shape of the memcg block (≤4.20 "Task in …", 5.0–5.2 per-subtree stat lines)
 */
public record KernelProfile(
        KernelVersion version,
        Formats.Badness badness,
        boolean pgtablesInBadness,
        boolean rootBonus,
        boolean skipAndVforkIneligible,
        Formats.TieBreak tieBreak,
        boolean memcgScanLeadersOnly,
        boolean globalScanLeadersOnly,
        boolean normalisedKillScore,
        boolean originPointsLongMax,
        boolean nofsNeedsNonZeroGfp,
        Formats.Header header,
        boolean cpusetLine,
        boolean summaryLine,
        boolean memcgV1LinesAlways,
        Formats.TaskTable taskTable,
        Formats.KillLine killLine,
        boolean alreadyExitingLine,
        Formats.MarkVictim markVictim,
        boolean reaperTracepoints,
        long reaperDelayMs,
        boolean oomGroup,
        boolean oomGroupKillEvent,
        Formats.MaxOrder maxOrder,
        int maxOrderValue,
        boolean exactCounters,
        boolean oomReaper,
        boolean killAllMmSharers,
        Formats.MemcgInfo memcgInfo) {

    /** Largest valid buddy order on the default (x86) configuration: both meanings give 10 (§12). */
    public int maxPageOrder() {
        return maxOrder == Formats.MaxOrder.EXCLUSIVE_MAX_ORDER ? maxOrderValue - 1 : maxOrderValue;
    }

    /** Copy with some fields changed. */
    public Builder toBuilder() { return new Builder(this); }

    /** Mutable copy used by the change table in {@link KernelProfiles}. */
    public static final class Builder {
        public KernelVersion version;
        public Formats.Badness badness;
        public boolean pgtablesInBadness, rootBonus, skipAndVforkIneligible;
        public Formats.TieBreak tieBreak;
        public boolean memcgScanLeadersOnly, globalScanLeadersOnly, normalisedKillScore, originPointsLongMax,
                nofsNeedsNonZeroGfp;
        public Formats.Header header;
        public boolean cpusetLine, summaryLine, memcgV1LinesAlways;
        public Formats.TaskTable taskTable;
        public Formats.KillLine killLine;
        public boolean alreadyExitingLine;
        public Formats.MarkVictim markVictim;
        public boolean reaperTracepoints;
        public long reaperDelayMs;
        public boolean oomGroup, oomGroupKillEvent;
        public Formats.MaxOrder maxOrder;
        public int maxOrderValue;
        public boolean exactCounters;
        public boolean oomReaper, killAllMmSharers;
        public Formats.MemcgInfo memcgInfo;

        Builder(KernelProfile p) {
            version = p.version; badness = p.badness; pgtablesInBadness = p.pgtablesInBadness;
            rootBonus = p.rootBonus; skipAndVforkIneligible = p.skipAndVforkIneligible; tieBreak = p.tieBreak;
            memcgScanLeadersOnly = p.memcgScanLeadersOnly; globalScanLeadersOnly = p.globalScanLeadersOnly;
            normalisedKillScore = p.normalisedKillScore; originPointsLongMax = p.originPointsLongMax;
            nofsNeedsNonZeroGfp = p.nofsNeedsNonZeroGfp; header = p.header; cpusetLine = p.cpusetLine;
            summaryLine = p.summaryLine; memcgV1LinesAlways = p.memcgV1LinesAlways; taskTable = p.taskTable;
            killLine = p.killLine; alreadyExitingLine = p.alreadyExitingLine; markVictim = p.markVictim;
            reaperTracepoints = p.reaperTracepoints; reaperDelayMs = p.reaperDelayMs; oomGroup = p.oomGroup;
            oomGroupKillEvent = p.oomGroupKillEvent; maxOrder = p.maxOrder; maxOrderValue = p.maxOrderValue;
            exactCounters = p.exactCounters; oomReaper = p.oomReaper; killAllMmSharers = p.killAllMmSharers;
            memcgInfo = p.memcgInfo;
        }

        public KernelProfile build() {
            return new KernelProfile(version, badness, pgtablesInBadness, rootBonus, skipAndVforkIneligible,
                    tieBreak, memcgScanLeadersOnly, globalScanLeadersOnly, normalisedKillScore,
                    originPointsLongMax, nofsNeedsNonZeroGfp, header, cpusetLine, summaryLine,
                    memcgV1LinesAlways, taskTable, killLine, alreadyExitingLine, markVictim, reaperTracepoints,
                    reaperDelayMs, oomGroup, oomGroupKillEvent, maxOrder, maxOrderValue, exactCounters, oomReaper,
                    killAllMmSharers, memcgInfo);
        }
    }
}
