package dev.oomspec.reference.mm;

import java.util.Set;

/**
 * struct task_struct (one thread). A process is the set of tasks with the same tgid; the leader has
 * pid == tgid. Threads share {@link SignalStruct} and {@link Mm}.
 */
public final class Task {
    final int pid, tgid;
    String comm;
    final int uid;
    final boolean kthread;      // PF_KTHREAD
    final boolean globalInit;   // is_global_init()
    boolean capSysAdmin;        // has_capability_noaudit(p, CAP_SYS_ADMIN), ≤4.16 root bonus
    final SignalStruct signal;
    Mm mm;
    Memcg memcg;
    Task vforkParent;           // real_parent while vfork_done is set
    Task realParent;            // real_parent (≤5.0 child sacrifice walks t->children)
    boolean tifMemdie;
    boolean sigkill;            // SIGKILL pending
    boolean exiting;            // PF_EXITING
    boolean tryGetFails;        // RFC–v2: tryget_task_struct() fails (usage already 0)
    Set<Integer> memsAllowed;   // cpuset mems (null = all nodes)
    Set<Integer> mempolicyNodes;// null = no mempolicy (in domain of every mask)
    String cpusetName = "/";

    Task(int pid, int tgid, String comm, int uid, boolean kthread, boolean globalInit, SignalStruct signal, Mm mm) {
        this.pid = pid; this.tgid = tgid; this.comm = comm; this.uid = uid; this.kthread = kthread;
        this.globalInit = globalInit; this.signal = signal; this.mm = mm;
    }

    public int pid() { return pid; }
    public int tgid() { return tgid; }
    public String comm() { return comm; }
    public int uid() { return uid; }
    public boolean isKthread() { return kthread; }
    public boolean isGlobalInit() { return globalInit; }
    public boolean threadGroupLeader() { return pid == tgid; }
    public SignalStruct signal() { return signal; }
    public Mm mm() { return mm; }
    public Memcg memcg() { return memcg; }
    public short oomScoreAdj() { return signal.oomScoreAdj; }
    /** tsk_is_oom_victim(): signal->oom_mm != NULL. */
    public boolean isOomVictim() { return signal.oomMm != null; }
    public boolean tifMemdie() { return tifMemdie; }
    public boolean sigkillPending() { return sigkill; }
    public String cpusetName() { return cpusetName; }
    /** tryget_task_struct(): false when the usage count already dropped to zero (the task is being freed). */
    public boolean tryGetTaskStruct() { return !tryGetFails; }

    /** in_vfork(): vfork_done set and the real parent's mm is this task's mm. */
    public boolean inVfork() { return vforkParent != null && mm != null && vforkParent.mm == mm; }

    /** Writes signal->oom_score_adj (fs/proc/base.c __set_oom_adj, without the capability checks). */
    public Task setOomScoreAdj(int adj) {
        if (adj < -1000 || adj > 1000) throw new IllegalArgumentException("oom_score_adj out of range: " + adj);
        signal.oomScoreAdj = (short) adj; return this;
    }
    public Task setCapSysAdmin(boolean v) { capSysAdmin = v; return this; }
    public Task setOomFlagOrigin(boolean v) { signal.oomFlagOrigin = v; return this; }
    public Task setVforkParent(Task parent) { vforkParent = parent; realParent = parent; return this; }
    /** fork() by {@code parent}: this task is on parent->children. */
    public Task setRealParent(Task parent) { realParent = parent; return this; }
    public Task setExiting(boolean v) { exiting = v; return this; }
    public Task setGroupExit(boolean v) { signal.groupExit = v; return this; }
    public Task setTryGetFails(boolean v) { tryGetFails = v; return this; }
    public Task setMemsAllowed(Set<Integer> nodes) { memsAllowed = nodes; return this; }
    public Task setMempolicyNodes(Set<Integer> nodes) { mempolicyNodes = nodes; return this; }
    public Task setCpusetName(String name) { cpusetName = name; return this; }
    /** Marks the task as an existing OOM victim (signal->oom_mm = mm), as mark_oom_victim() leaves it. */
    public Task markAsPreviousVictim() { signal.oomMm = mm; tifMemdie = true; return this; }

    @Override public String toString() { return comm + "(" + pid + ")"; }
}
