package dev.oomspec.reference.policy;

import dev.oomspec.reference.mm.Task;

/** {@code struct task_struct} as a program reads it. Compare with {@code ==} as C compares pointers. */
public final class TaskStruct {
    final Task task;
    private final Program program;

    TaskStruct(Task task, Program program) { this.task = task; this.program = program; }

    /** {@code task->pid}. */
    public int pid() { return task.pid(); }
    /** {@code task->tgid}. */
    public int tgid() { return task.tgid(); }
    /** {@code task->comm}. */
    public String comm() { return task.comm(); }
    /** {@code task->cred->uid.val}. */
    public int uid() { return task.uid(); }
    /** {@code task->signal->oom_score_adj}. */
    public int oomScoreAdj() { return task.oomScoreAdj(); }
    /** {@code task->flags & PF_KTHREAD}. */
    public boolean isKthread() { return task.isKthread(); }
    /** {@code task->mm}, null for a kernel thread or an exited task. */
    public MmStruct mm() { return task.mm() == null ? null : new MmStruct(task.mm()); }

    /** {@code task_dfl_cgroup(task)}: the cgroup the task is in. */
    public Cgroup cgroup() {
        program.need(Facts.Fact.CGROUP_TREE, task.memcg(), "read which cgroup " + this + " is in");
        return program.cgroup(task.memcg());
    }

    @Override public String toString() { return task.comm() + "(" + task.pid() + ")"; }
}
