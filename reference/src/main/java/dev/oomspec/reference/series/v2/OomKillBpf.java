package dev.oomspec.reference.series.v2;

import dev.oomspec.reference.bpf.BpfProg;
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
 * The series' part of mm/oom_kill.c in v2, in the file's order: oom_policy_name() in dump_header(), CONSTRAINT_BPF
 * (v2 14), the kfuncs, their set and filter, bpf_oom_init(). The kfuncs and filter are transcribed from
 * kernel-patches/bpf 03e37b738cb9 (the tree after v2 13) plus the v2 14/23 diff (Message-ID
 * 20251027232206.473085-4-roman.gushchin@linux.dev). Not read, marked [inferred]: v2 15
 * (bpf_task_is_oom_victim, taken from v1 08), v2 20's change to the filter (bpf_psi_ops programs allowed), and the
 * dump_header() line of v2 06 (taken from v1 01).
 */
public class OomKillBpf implements BpfOomHook {
    public static final long BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK = 1L << 0;
    public static final long BPF_OOM_FLAGS_LAST = 1L << 1;

    protected final Boot boot;
    private BpfOom bpfOom;

    protected OomKillBpf(Boot boot) { this.boot = boot; }

    void setBpfOom(BpfOom bpfOom) { this.bpfOom = bpfOom; }

    // mm/oom_kill.c:oom_policy_name@v2 06 [inferred from v1 01]
    private static String oomPolicyName(OomControl oc) {
        return oc.bpfPolicyName() != null ? oc.bpfPolicyName() : "default";
    }

    // mm/oom_kill.c:oom_constraint_text@v2 14 — CONSTRAINT_BPF prints the caller's text, or "CONSTRAINT_BPF" for NULL
    @Override public String oomConstraintText(OomControl oc, String mainline) {
        if (oc.constraint() == Constraint.CONSTRAINT_BPF)
            return oc.bpfConstraint() != null ? oc.bpfConstraint() : "CONSTRAINT_BPF";
        return mainline;
    }

    // mm/oom_kill.c:constrained_alloc@v2 14 — a BPF-declared OOM returns at once (totalpages stays 0)
    @Override public Constraint constrainedAllocPrologue(OomControl oc) {
        return oc.constraint() == Constraint.CONSTRAINT_BPF ? Constraint.CONSTRAINT_BPF : null;
    }

    // mm/oom_kill.c:dump_header@v2 06 [inferred from v1 01] — "\noom_policy=%s" inside the header's printk record
    @Override public String dumpHeaderFirstRecord(OomControl oc, String mainline) {
        return mainline + "\noom_policy=" + oomPolicyName(oc);
    }

    // mm/oom_kill.c:out_of_memory@v2 06 — the call site: bpf_handle_oom() right before select_bad_process()
    @Override public boolean bpfHandleOom(OomControl oc) {
        boolean handled = bpfOom.bpfHandleOom(oc);
        boot.world().trace().bpfHandleOom(oc, handled);
        return handled;
    }

    // mm/oom_kill.c:bpf_oom_kill_process@03e37b73
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

    // mm/oom_kill.c:bpf_out_of_memory@03e37b73 + v2 14 (constraint)
    public int bpfOutOfMemory(Memcg memcgNullable, int order, long flags, String constraintTextNullable) {
        OomControl oc = OomControl.declared(memcgNullable, 0, order, Constraint.CONSTRAINT_BPF, constraintTextNullable);
        int ret;
        if ((flags & ~(BPF_OOM_FLAGS_LAST - 1)) != 0) return Errno.EINVAL.neg();
        if (oc.order() < 0 || oc.order() > boot.maxPageOrder()) return Errno.EINVAL.neg();
        if ((flags & BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK) != 0) {
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

    // mm/oom_kill.c:bpf_task_is_oom_victim@v2 15 [inferred from v1 08]
    public boolean bpfTaskIsOomVictim(Task task) { return task.isOomVictim(); }

    // mm/oom_kill.c:bpf_oom_kfunc_filter@03e37b73 (+ v2 20 [inferred]: bpf_psi_ops programs, with CONFIG_PSI, may
    // declare an OOM; v2 13 already declares extern bpf_psi_bpf_ops for it)
    static int bpfOomKfuncFilter(BpfProg prog, String kfuncId, boolean configPsi) {
        if (!kfuncId.equals("bpf_out_of_memory")) return 0; // !btf_id_set_contains(&bpf_oom_declare_oom_kfuncs, id)
        if (configPsi && "bpf_psi_ops".equals(prog.stOps())) return 0;
        return Errno.EACCES.neg();
    }

    // mm/oom_kill.c:bpf_oom_init@03e37b73 — bpf_oom_kfuncs for the STRUCT_OPS hook with the filter
    void bpfOomInit(Btf btf) {
        boolean configPsi = boot.configPsi();
        btf.registerBtfKfuncIdSet(BpfProgType.STRUCT_OPS, KfuncSet.start("bpf_oom_kfuncs")
                .idFlags("bpf_oom_kill_process", Kf.KF_SLEEPABLE | Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_out_of_memory", Kf.KF_SLEEPABLE | Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_task_is_oom_victim", Kf.KF_TRUSTED_ARGS)
                .end((prog, id) -> bpfOomKfuncFilter(prog, id, configPsi)));
    }
}
