package dev.oomspec.spec.model;

/**
 * The task passed to a kfunc (the "target"). Absent fields mean "the ordinary value": a user task with
 * {@code oom_score_adj} 0, inside the OOMing memcg, not a victim, no {@code MMF_OOM_SKIP}, not in vfork.
 *
 * @param kind init / kthread / user
 * @param oomScoreAdj {@code task->signal->oom_score_adj}
 * @param mmfOomSkip {@code MMF_OOM_SKIP} set on the task's mm
 * @param inVfork the task is a vfork child sharing its parent's mm ({@code in_vfork()})
 * @param oomVictim {@code task->signal->oom_mm} already set (an earlier OOM victim)
 * @param inOomMemcg the task is charged to {@code oc->memcg} (or below it)
 * @param beingFreed the task's usage count already dropped to zero ({@code tryget_task_struct()} fails)
 */
public record TaskState(
    TaskKind kind,
    Integer oomScoreAdj,
    Boolean mmfOomSkip,
    Boolean inVfork,
    Boolean oomVictim,
    Boolean inOomMemcg,
    Boolean beingFreed) {}
