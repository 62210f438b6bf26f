package dev.oomspec.reference.series.rfc;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.mm.BpfOomHook;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.BpfProgType;
import dev.oomspec.reference.uapi.Errno;

/**
 * The RFC's part of mm/oom_kill.c, in the file's order: the static bpf_handle_oom() and its call site (RFC 01), the
 * kfuncs (RFC 04, 10), the hook and kfunc sets and bpf_oom_init(). Transcribed from the posted patches,
 * Message-IDs 20250428033617.3797686-{2,5,11}-roman.gushchin@linux.dev. The RFC has no mm/bpf_oom.c.
 */
public class OomKillBpf implements BpfOomHook {
    protected final Boot boot;
    private final Kfuncs hookKfuncs;
    /** The fmod_ret program attached to bpf_handle_out_of_memory (null: the __weak body returns 0), and its name. */
    private BpfOomHookProg fmodRet;
    private String fmodRetName;

    protected OomKillBpf(Boot boot, Kfuncs hookKfuncs) { this.boot = boot; this.hookKfuncs = hookKfuncs; }

    void attachFmodRet(String progName, BpfOomHookProg prog) { fmodRet = prog; fmodRetName = progName; }

    // mm/oom_kill.c:bpf_handle_out_of_memory@RFC 01 — __weak noinline, returns 0 unless an fmod_ret program replaces it
    private int bpfHandleOutOfMemory(OomControl oc) {
        if (fmodRet == null) return 0;
        int ret = fmodRet.bpfHandleOutOfMemory(oc.view(), hookKfuncs);
        boot.world().trace().bpfOomHandler(oc, fmodRetName, "hook", ret, oc.bpfMemoryFreed());
        return ret;
    }

    // mm/oom_kill.c:bpf_handle_oom@RFC 01 — called from out_of_memory() right before select_bad_process()
    @Override public boolean bpfHandleOom(OomControl oc) {
        if (oc.chosen() != null) oc.setChosen(null); // WARN_ON_ONCE(oc->chosen)
        oc.setBpfMemoryFreed(false);
        boolean handled = bpfHandleOutOfMemory(oc) != 0 && oc.bpfMemoryFreed();
        boot.world().trace().bpfHandleOom(oc, handled);
        return handled;
    }

    // mm/oom_kill.c:bpf_oom_kill_process@RFC 04
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

    // mm/oom_kill.c:bpf_out_of_memory@RFC 10 — never waits
    public int bpfOutOfMemory(Memcg memcgNullable, int order) {
        OomControl oc = OomControl.declared(memcgNullable, 0, order, null, null);
        int ret = Errno.EINVAL.neg();
        if (oc.order() < 0 || oc.order() > boot.maxPageOrder()) return ret;
        ret = Errno.EBUSY.neg();
        if (boot.world().oomLock().tryLock()) {
            ret = boot.world().oomKill().outOfMemory(oc) ? 1 : 0;
            boot.world().oomLock().unlock();
        }
        return ret;
    }

    // mm/oom_kill.c:bpf_oom_init@RFC 10 — the hook for fmod_ret, the kfuncs for the TRACING hook, no filters
    void bpfOomInit(Btf btf) {
        btf.registerBtfFmodretIdSet(KfuncSet.start("bpf_oom_hooks").idFlags("bpf_handle_out_of_memory", Kf.KF_SLEEPABLE).end());
        btf.registerBtfKfuncIdSet(BpfProgType.TRACING, KfuncSet.start("bpf_oom_kfuncs")
                .idFlags("bpf_oom_kill_process", Kf.KF_SLEEPABLE | Kf.KF_TRUSTED_ARGS)
                .idFlags("bpf_out_of_memory", Kf.KF_SLEEPABLE | Kf.KF_TRUSTED_ARGS)
                .end());
    }
}
