package dev.oomspec.reference.series.v1;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.mm.BpfOomHook;
import dev.oomspec.reference.mm.Constraint;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.BpfProgType;
import dev.oomspec.reference.uapi.Errno;

/**
 * The series' part of mm/oom_kill.c in v1, in the file's order: oom_policy_name() in dump_header() (v1 01),
 * CONSTRAINT_BPF (v1 07), the kfuncs (v1 03, 06, 07, 08), their set and bpf_oom_init(). Transcribed from the posted
 * patches, Message-IDs 20250818170136.209169-{2,4,7,8,9}-roman.gushchin@linux.dev.
 */
public class OomKillBpf implements BpfOomHook {
    protected final Boot boot;
    private BpfOom bpfOom;

    protected OomKillBpf(Boot boot) { this.boot = boot; }

    void setBpfOom(BpfOom bpfOom) { this.bpfOom = bpfOom; }

    // mm/oom_kill.c:oom_policy_name@v1 01
    private static String oomPolicyName(OomControl oc) {
        return oc.bpfPolicyName() != null ? oc.bpfPolicyName() : "default";
    }

    // mm/oom_kill.c:oom_constraint_text@v1 07 — CONSTRAINT_BPF prints the caller's text, or "CONSTRAINT_BPF" for NULL
    @Override public String oomConstraintText(OomControl oc, String mainline) {
        if (oc.constraint() == Constraint.CONSTRAINT_BPF)
            return oc.bpfConstraint() != null ? oc.bpfConstraint() : "CONSTRAINT_BPF";
        return mainline;
    }

    // mm/oom_kill.c:constrained_alloc@v1 07 — a BPF-declared OOM returns at once (totalpages stays 0)
    @Override public Constraint constrainedAllocPrologue(OomControl oc) {
        return oc.constraint() == Constraint.CONSTRAINT_BPF ? Constraint.CONSTRAINT_BPF : null;
    }

    // mm/oom_kill.c:dump_header@v1 01 — "\noom_policy=%s" inside the header's printk record
    @Override public String dumpHeaderFirstRecord(OomControl oc, String mainline) {
        return mainline + "\noom_policy=" + oomPolicyName(oc);
    }

    // mm/oom_kill.c:out_of_memory@v1 01 — the call site: bpf_handle_oom() right before select_bad_process()
    @Override public boolean bpfHandleOom(OomControl oc) {
        boolean handled = bpfOom.bpfHandleOom(oc);
        boot.world().trace().bpfHandleOom(oc, handled);
        return handled;
    }

    // mm/oom_kill.c:bpf_oom_kill_process@v1 03
    public int bpfOomKillProcess(OomControl oc, Task task, String message) {
        if (OomKill.oomUnkillableTask(task)) return Errno.EPERM.neg();
        // paired with put_task_struct() in oom_kill_process()
        if (!task.tryGetTaskStruct()) return Errno.EINVAL.neg();
        oc.setChosen(task);
        boot.world().oomKill().oomKillProcess(oc, message);
        oc.setChosen(null);
        oc.setBpfMemoryFreed(true);
        return 0;
    }

    // mm/oom_kill.c:bpf_out_of_memory@v1 06 + v1 07 (constraint)
    public int bpfOutOfMemory(Memcg memcgNullable, int order, boolean waitOnOomLock, String constraintTextNullable) {
        OomControl oc = OomControl.declared(memcgNullable, 0, order, Constraint.CONSTRAINT_BPF, constraintTextNullable);
        int ret;
        if (oc.order() < 0 || oc.order() > boot.maxPageOrder()) return Errno.EINVAL.neg();
        if (waitOnOomLock) {
            ret = mutexLockKillableOomLock();
            if (ret != 0) return ret;
        } else if (!boot.world().oomLock().tryLock()) {
            return Errno.EBUSY.neg();
        }
        ret = boot.world().oomKill().outOfMemory(oc) ? 1 : 0;
        boot.world().oomLock().unlock();
        return ret;
    }

    /** mutex_lock_killable(&oom_lock): 0 or -EINTR. */
    protected int mutexLockKillableOomLock() { return boot.world().oomLock().lockKillable(); }

    // mm/oom_kill.c:bpf_task_is_oom_victim@v1 08
    public boolean bpfTaskIsOomVictim(Task task) { return task.isOomVictim(); }

    // mm/oom_kill.c:bpf_oom_init@v1 08 — bpf_oom_kfuncs for the STRUCT_OPS hook, no filter
    void bpfOomInit(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.STRUCT_OPS, KfuncSet.start("bpf_oom_kfuncs")
                .idFlags("bpf_oom_kill_process", Kf.KF_SLEEPABLE | Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_out_of_memory", Kf.KF_SLEEPABLE | Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_task_is_oom_victim", Kf.KF_TRUSTED_ARGS)
                .end());
    }
}
