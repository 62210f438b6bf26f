package dev.oomspec.reference.series.post;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.mm.BpfOomHook;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.BpfProgType;
import dev.oomspec.reference.uapi.Errno;
import java.util.Objects;

/**
 * The series' part of mm/oom_kill.c in v3: the kfuncs, their sets and filters, bpf_oom_init(), and the
 * oom_handler_name() line of dump_header(). Transcribed from rgushchin/linux 03f81879740540 (post-v3, under
 * CONFIG_CGROUP_BPF) in the file's order; bpf_handle_oom() itself lives in {@link BpfOom}. dump_header() and the kfunc
 * bodies are the v3 text (that part of the post file was read from its kfunc section on; dump_header was not
 * re-read: [inferred from v3]).
 */
public class OomKillBpf implements BpfOomHook {
    public static final long BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK = 1L << 0;
    public static final long BPF_OOM_FLAGS_LAST = 1L << 1;

    protected final Boot boot;
    private BpfOom bpfOom;

    protected OomKillBpf(Boot boot) { this.boot = boot; }

    void setBpfOom(BpfOom bpfOom) { this.bpfOom = bpfOom; }

    // mm/oom_kill.c:dump_header@03f81879 — "oom bpf handler: %s" when oom_handler_name(oc) is set
    @Override public String dumpHeaderHandlerLine(OomControl oc) {
        return oc.bpfHandlerName() != null ? "oom bpf handler: " + oc.bpfHandlerName() : null;
    }

    // mm/oom_kill.c:out_of_memory@03f81879 — the call site: bpf_handle_oom() right before select_bad_process()
    @Override public boolean bpfHandleOom(OomControl oc) {
        boolean handled = bpfOom.bpfHandleOom(oc);
        boot.world().trace().bpfHandleOom(oc, handled);
        return handled;
    }

    // mm/oom_kill.c:bpf_oom_kill_process@03f81879
    public int bpfOomKillProcess(OomControl oc, Task task, String message) {
        if (OomKill.oomUnkillableTask(task)) return Errno.EPERM.neg();
        if (task.oomScoreAdj() == OomKill.OOM_SCORE_ADJ_MIN) return Errno.EINVAL.neg();
        // get_task_struct(task): paired with put_task_struct() in oom_kill_process()
        oc.setChosen(task);
        boot.world().oomKill().oomKillProcess(oc, message);
        oc.setChosen(null);
        oc.setBpfMemoryFreed(true);
        return 0;
    }

    // mm/oom_kill.c:bpf_out_of_memory@03f81879
    public int bpfOutOfMemory(Memcg memcgNullable, int order, long flags) {
        OomControl oc = OomControl.declared(memcgNullable, Gfp.GFP_KERNEL, order, null, null);
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

    // mm/oom_kill.c:bpf_task_is_oom_victim@03f81879
    public boolean bpfTaskIsOomVictim(Task task) { return task.isOomVictim(); }


    // mm/oom_kill.c:bpf_oom_kfunc_filter@03f81879 — only for kfuncs of bpf_oom_kfuncs; only struct_ops programs of
    // another struct_ops type are refused
    static int bpfOomKfuncFilter(BpfProg prog, String kfuncId) {
        if (!kfuncId.equals("bpf_oom_kill_process") && !kfuncId.equals("bpf_task_is_oom_victim")) return 0;
        if (prog.type() == BpfProgType.STRUCT_OPS && !"struct bpf_oom_ops".equals(prog.attachBtfId()))
            return Errno.EACCES.neg();
        return 0;
    }

    // mm/oom_kill.c:bpf_declare_oom_kfunc_filter@03f81879
    static int bpfDeclareOomKfuncFilter(BpfProg prog, String kfuncId, boolean configPsi) {
        if (!kfuncId.equals("bpf_out_of_memory")) return 0; // !btf_id_set8_contains(&bpf_declare_oom_kfuncs, kfunc_id)
        if (prog.type() == BpfProgType.STRUCT_OPS && "struct bpf_oom_ops".equals(prog.attachBtfId()))
            return Errno.EACCES.neg();
        // bpf_oom_trace_ids[0]: typedef btf_trace_psi_avgs_work with CONFIG_PSI, BTF_ID_UNUSED (0) without
        String traceId = configPsi ? "typedef btf_trace_psi_avgs_work" : "0";
        if (prog.type() == BpfProgType.TRACING && !Objects.equals(prog.attachBtfId(), traceId))
            return Errno.EACCES.neg();
        return 0;
    }

    // mm/oom_kill.c:bpf_oom_init@03f81879
    void bpfOomInit(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.STRUCT_OPS, KfuncSet.start("bpf_oom_kfuncs")
                .idFlags("bpf_oom_kill_process", Kf.KF_SLEEPABLE)
                .idFlags("bpf_task_is_oom_victim", 0)
                .end(OomKillBpf::bpfOomKfuncFilter));
        boolean configPsi = boot.configPsi();
        btf.registerBtfKfuncIdSet(BpfProgType.UNSPEC, KfuncSet.start("bpf_declare_oom_kfuncs")
                .idFlags("bpf_out_of_memory", Kf.KF_SLEEPABLE)
                .end((prog, id) -> bpfDeclareOomKfuncFilter(prog, id, configPsi)));
    }
}
