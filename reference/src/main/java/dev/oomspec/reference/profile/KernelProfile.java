package dev.oomspec.reference.profile;

/**
 * What the OOM killer of one kernel version does differently — pure data, chosen by
 * {@link KernelProfiles#forVersion(String)} and built only through {@link Builder}'s named fields. Each field says
 * what it selects; {@link KernelProfiles#CHANGES} says when it changed.
 */
public final class KernelProfile {
    private final KernelVersion version;
    private final Formats.Badness badness;
    private final boolean rootBonus;
    private final boolean skipAndVforkIneligible;
    private final Formats.TieBreak tieBreak;
    private final boolean memcgScanLeadersOnly;
    private final boolean globalScanLeadersOnly;
    private final boolean normalisedKillScore;
    private final boolean sacrificeChild;
    private final boolean nofsNeedsNonZeroGfp;
    private final Formats.Header header;
    private final boolean cpusetLine;
    private final boolean summaryLine;
    private final boolean memcgV1LinesAlways;
    private final Formats.TaskTable taskTable;
    private final Formats.KillLine killLine;
    private final boolean alreadyExitingLine;
    private final Formats.MarkVictim markVictim;
    private final boolean reaperTracepoints;
    private final long reaperDelayMs;
    private final boolean oomGroup;
    private final boolean oomGroupKillEvent;
    private final Formats.MaxOrder maxOrder;
    private final boolean oomReaper;
    private final boolean killAllMmSharers;
    private final Formats.MemcgInfo memcgInfo;

    private KernelProfile(Builder b) {
        version = b.version;
        badness = b.badness;
        rootBonus = b.rootBonus;
        skipAndVforkIneligible = b.skipAndVforkIneligible;
        tieBreak = b.tieBreak;
        memcgScanLeadersOnly = b.memcgScanLeadersOnly;
        globalScanLeadersOnly = b.globalScanLeadersOnly;
        normalisedKillScore = b.normalisedKillScore;
        sacrificeChild = b.sacrificeChild;
        nofsNeedsNonZeroGfp = b.nofsNeedsNonZeroGfp;
        header = b.header;
        cpusetLine = b.cpusetLine;
        summaryLine = b.summaryLine;
        memcgV1LinesAlways = b.memcgV1LinesAlways;
        taskTable = b.taskTable;
        killLine = b.killLine;
        alreadyExitingLine = b.alreadyExitingLine;
        markVictim = b.markVictim;
        reaperTracepoints = b.reaperTracepoints;
        reaperDelayMs = b.reaperDelayMs;
        oomGroup = b.oomGroup;
        oomGroupKillEvent = b.oomGroupKillEvent;
        maxOrder = b.maxOrder;
        oomReaper = b.oomReaper;
        killAllMmSharers = b.killAllMmSharers;
        memcgInfo = b.memcgInfo;
    }

    /** the version this profile was built for. */
    public KernelVersion version() { return version; }
    /** oom_badness() return shape. */
    public Formats.Badness badness() { return badness; }
    /** ≤4.16: CAP_SYS_ADMIN gets points -= points*3/100. */
    public boolean rootBonus() { return rootBonus; }
    /** 4.9+: MMF_OOM_SKIP and in_vfork make a task ineligible. */
    public boolean skipAndVforkIneligible() { return skipAndVforkIneligible; }
    /** oom_evaluate_task() on equal points. */
    public Formats.TieBreak tieBreak() { return tieBreak; }
    /** 5.3+: mem_cgroup_scan_tasks with CSS_TASK_ITER_PROCS. */
    public boolean memcgScanLeadersOnly() { return memcgScanLeadersOnly; }
    /** 4.9+: for_each_process (4.4 walked every thread). */
    public boolean globalScanLeadersOnly() { return globalScanLeadersOnly; }
    /** ≤5.0: "Kill process … score N or sacrifice child" with points*1000/totalpages. */
    public boolean normalisedKillScore() { return normalisedKillScore; }
    /** ≤5.0: oom_kill_process() sacrifices the child with the highest badness (removed by bbbe48029720). */
    public boolean sacrificeChild() { return sacrificeChild; }
    /** 4.9–6.4: the !__GFP_FS bail-out is guarded by oc->gfp_mask != 0. */
    public boolean nofsNeedsNonZeroGfp() { return nofsNeedsNonZeroGfp; }
    /** dump_header() first line. */
    public Formats.Header header() { return header; }
    /** ≤4.20: "%s cpuset=… mems_allowed=…" after the header. */
    public boolean cpusetLine() { return cpusetLine; }
    /** 5.0+: "oom-kill:constraint=…". */
    public boolean summaryLine() { return summaryLine; }
    /** ≤5.2: memory+swap:/kmem: printed on v2 too. */
    public boolean memcgV1LinesAlways() { return memcgV1LinesAlways; }
    /** dump_tasks() columns. */
    public Formats.TaskTable taskTable() { return taskTable; }
    /** the kill lines. */
    public Formats.KillLine killLine() { return killLine; }
    /** 5.9+: "OOM victim %d (%s) is already exiting. Skip killing the task". */
    public boolean alreadyExitingLine() { return alreadyExitingLine; }
    /** oom:mark_victim fields. */
    public Formats.MarkVictim markVictim() { return markVictim; }
    /** 4.13+: wake_reaper/start/finish/skip_task_reaping. */
    public boolean reaperTracepoints() { return reaperTracepoints; }
    /** 5.18+: OOM_REAPER_DELAY 2*HZ, before: queued immediately (0). */
    public long reaperDelayMs() { return reaperDelayMs; }
    /** 4.19+: memory.oom.group. */
    public boolean oomGroup() { return oomGroup; }
    /** 5.17+: memory.events oom_group_kill. */
    public boolean oomGroupKillEvent() { return oomGroupKillEvent; }
    /** meaning of MAX_ORDER: exclusive before 6.4, inclusive MAX_PAGE_ORDER since (see mm.MaxPageOrder). */
    public Formats.MaxOrder maxOrder() { return maxOrder; }
    /** 4.6+: the oom_reaper kthread exists. */
    public boolean oomReaper() { return oomReaper; }
    /** 4.9+: other processes sharing the mm are killed even with adj −1000; init sharing prints "has mm pinned by". */
    public boolean killAllMmSharers() { return killAllMmSharers; }
    /** shape of the memcg block of the report. */
    public Formats.MemcgInfo memcgInfo() { return memcgInfo; }

    /** A copy to change some fields of. */
    public Builder toBuilder() {
        Builder b = new Builder();
        b.version = version;
        b.badness = badness;
        b.rootBonus = rootBonus;
        b.skipAndVforkIneligible = skipAndVforkIneligible;
        b.tieBreak = tieBreak;
        b.memcgScanLeadersOnly = memcgScanLeadersOnly;
        b.globalScanLeadersOnly = globalScanLeadersOnly;
        b.normalisedKillScore = normalisedKillScore;
        b.sacrificeChild = sacrificeChild;
        b.nofsNeedsNonZeroGfp = nofsNeedsNonZeroGfp;
        b.header = header;
        b.cpusetLine = cpusetLine;
        b.summaryLine = summaryLine;
        b.memcgV1LinesAlways = memcgV1LinesAlways;
        b.taskTable = taskTable;
        b.killLine = killLine;
        b.alreadyExitingLine = alreadyExitingLine;
        b.markVictim = markVictim;
        b.reaperTracepoints = reaperTracepoints;
        b.reaperDelayMs = reaperDelayMs;
        b.oomGroup = oomGroup;
        b.oomGroupKillEvent = oomGroupKillEvent;
        b.maxOrder = maxOrder;
        b.oomReaper = oomReaper;
        b.killAllMmSharers = killAllMmSharers;
        b.memcgInfo = memcgInfo;
        return b;
    }

    /** An empty builder; every field must be named before {@link Builder#build()}. */
    public static Builder builder() { return new Builder(); }

    /** Named, mutable fields; the change table in {@link KernelProfiles} edits them. */
    public static final class Builder {
        public KernelVersion version;
        public Formats.Badness badness;
        public boolean rootBonus;
        public boolean skipAndVforkIneligible;
        public Formats.TieBreak tieBreak;
        public boolean memcgScanLeadersOnly;
        public boolean globalScanLeadersOnly;
        public boolean normalisedKillScore;
        public boolean sacrificeChild;
        public boolean nofsNeedsNonZeroGfp;
        public Formats.Header header;
        public boolean cpusetLine;
        public boolean summaryLine;
        public boolean memcgV1LinesAlways;
        public Formats.TaskTable taskTable;
        public Formats.KillLine killLine;
        public boolean alreadyExitingLine;
        public Formats.MarkVictim markVictim;
        public boolean reaperTracepoints;
        public long reaperDelayMs;
        public boolean oomGroup;
        public boolean oomGroupKillEvent;
        public Formats.MaxOrder maxOrder;
        public boolean oomReaper;
        public boolean killAllMmSharers;
        public Formats.MemcgInfo memcgInfo;

        Builder() {}

        public Builder version(KernelVersion v) { version = v; return this; }
        public Builder badness(Formats.Badness v) { badness = v; return this; }
        public Builder rootBonus(boolean v) { rootBonus = v; return this; }
        public Builder skipAndVforkIneligible(boolean v) { skipAndVforkIneligible = v; return this; }
        public Builder tieBreak(Formats.TieBreak v) { tieBreak = v; return this; }
        public Builder memcgScanLeadersOnly(boolean v) { memcgScanLeadersOnly = v; return this; }
        public Builder globalScanLeadersOnly(boolean v) { globalScanLeadersOnly = v; return this; }
        public Builder normalisedKillScore(boolean v) { normalisedKillScore = v; return this; }
        public Builder sacrificeChild(boolean v) { sacrificeChild = v; return this; }
        public Builder nofsNeedsNonZeroGfp(boolean v) { nofsNeedsNonZeroGfp = v; return this; }
        public Builder header(Formats.Header v) { header = v; return this; }
        public Builder cpusetLine(boolean v) { cpusetLine = v; return this; }
        public Builder summaryLine(boolean v) { summaryLine = v; return this; }
        public Builder memcgV1LinesAlways(boolean v) { memcgV1LinesAlways = v; return this; }
        public Builder taskTable(Formats.TaskTable v) { taskTable = v; return this; }
        public Builder killLine(Formats.KillLine v) { killLine = v; return this; }
        public Builder alreadyExitingLine(boolean v) { alreadyExitingLine = v; return this; }
        public Builder markVictim(Formats.MarkVictim v) { markVictim = v; return this; }
        public Builder reaperTracepoints(boolean v) { reaperTracepoints = v; return this; }
        public Builder reaperDelayMs(long v) { reaperDelayMs = v; return this; }
        public Builder oomGroup(boolean v) { oomGroup = v; return this; }
        public Builder oomGroupKillEvent(boolean v) { oomGroupKillEvent = v; return this; }
        public Builder maxOrder(Formats.MaxOrder v) { maxOrder = v; return this; }
        public Builder oomReaper(boolean v) { oomReaper = v; return this; }
        public Builder killAllMmSharers(boolean v) { killAllMmSharers = v; return this; }
        public Builder memcgInfo(Formats.MemcgInfo v) { memcgInfo = v; return this; }

        public KernelProfile build() {
            if (version == null || badness == null || tieBreak == null || header == null || taskTable == null
                    || killLine == null || markVictim == null || maxOrder == null || memcgInfo == null)
                throw new IllegalStateException("a KernelProfile needs every enum field named");
            return new KernelProfile(this);
        }
    }

    @Override public String toString() { return "KernelProfile " + version; }
}
