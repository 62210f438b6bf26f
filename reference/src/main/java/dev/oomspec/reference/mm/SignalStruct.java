package dev.oomspec.reference.mm;

/** struct signal_struct fields shared by a thread group: oom_score_adj, oom_mm, oom_flag_origin. */
public final class SignalStruct {
    short oomScoreAdj;
    short oomScoreAdjMin;
    /** signal->oom_mm: set by mark_oom_victim(), never cleared (tsk_is_oom_victim). */
    Mm oomMm;
    /** signal->oom_flag_origin (set_current_oom_origin: swapoff, KSM unmerge). */
    boolean oomFlagOrigin;
    /** SIGNAL_GROUP_EXIT / fatal signal delivered to the group. */
    boolean groupExit;

    public short oomScoreAdj() { return oomScoreAdj; }
    public Mm oomMm() { return oomMm; }
    public boolean oomFlagOrigin() { return oomFlagOrigin; }
    public boolean groupExit() { return groupExit; }
}
