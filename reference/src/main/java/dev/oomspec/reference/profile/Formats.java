package dev.oomspec.reference.profile;

/** Printk/tracepoint format variants by kernel version. */
public final class Formats {
    private Formats() {}

    /** dump_header() first line. */
    public enum Header { V4_4_NO_FLAGS, V4_9_NODEMASK, V4_12_NODEMASK_CONT, V4_15_NODEMASK, V5_0 }

    /** dump_tasks() header and row. */
    public enum TaskTable { V4_0_NR_PTES, V4_15_PGTABLES, V4_19_PID7, V6_8_RSS_SPLIT }

    /** Kill lines. */
    public enum KillLine { V4_4_NO_SHMEM, V4_5_SACRIFICE_CHILD, V5_1_NO_SCORE, V5_4_UID_PGTABLES }

    /** oom:mark_victim tracepoint. */
    public enum MarkVictim { NONE, PID_ONLY, V6_9_EXTENDED }

    /** Meaning of MAX_ORDER / MAX_PAGE_ORDER. */
    public enum MaxOrder { EXCLUSIVE_MAX_ORDER, INCLUSIVE_MAX_PAGE_ORDER }

    /** Shape of oom_badness(). */
    public enum Badness {
        /** ≤5.8: unsigned long, 0 = ineligible, eligible clamped to ≥ 1. */
        UNSIGNED_CLAMPED,
        /** 5.9+: long, LONG_MIN = ineligible, no clamp (9066e5cfb73c). */
        SIGNED_LONG_MIN
    }

    /** oom_evaluate_task() tie-breaking. */
    public enum TieBreak {
        /** 4.4–5.2: on equal points keep the current choice if it is a thread-group leader. */
        KEEP_LEADER,
        /** 5.3+: equal points replace → last in iteration order wins. */
        LAST_WINS
    }

    /** Memcg part of the report. */
    public enum MemcgInfo {
        /** ≤4.20 "Task in … killed as a result of limit of …", usage lines, one stats line per subtree memcg (4.4 names, no shmem). */
        V4_4_TASK_IN,
        /** as V4_4_TASK_IN with "shmem" among the stat names. */
        V4_9_TASK_IN,
        /** 5.0–5.2: no "Task in" line (moved to the oom-kill: summary); usage lines; one stats line per subtree memcg. */
        V5_0_SUBTREE_LINES,
        /** 5.3+: "Memory cgroup stats for <path>:" title for the OOMing memcg only (body not modelled). */
        V5_3_STAT_BUFFER
    }
}
