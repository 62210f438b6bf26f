package dev.oomspec.reference.series.v3proposed;

import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.Errno;
import java.util.function.BooleanSupplier;

/**
 * v3 with the review's proposals, differing from {@link dev.oomspec.reference.series.v3.OomKillBpf} only where a proposal
 * says. P-01..P-03 are Matt Bobrowski's questions on v3 08/17 (quoted by Hao Ge, 2026-04-29,
 * lkml.iu.edu/hypermail/linux/kernel/2604.3/08958): fold OOM_SCORE_ADJ_MIN into the unkillable check, refuse
 * MMF_OOM_SKIP and in_vfork() — the errno was not proposed; -EPERM (the unkillable check's) is this model's choice.
 * P-05 is his escape hatch on v3 09/17 (patchew): a user callback consulted while waiting on oom_lock; -ECANCELED is
 * this model's choice. P-04 (document) changes no code.
 */
public final class OomKillBpf extends dev.oomspec.reference.series.v3.OomKillBpf {
    private BooleanSupplier escapeHatch = () -> true;

    OomKillBpf(Boot boot) { super(boot); }

    void setEscapeHatch(BooleanSupplier stillWarranted) { escapeHatch = stillWarranted; }

    // P-01, P-02, P-03 on mm/oom_kill.c:bpf_oom_kill_process
    @Override public int bpfOomKillProcess(OomControl oc, Task task, String message) {
        if (OomKill.oomUnkillableTask(task) || task.oomScoreAdj() == OomKill.OOM_SCORE_ADJ_MIN) return Errno.EPERM.neg();
        Mm mm = task.mm();
        if (mm != null && mm.oomSkip()) return Errno.EPERM.neg();
        if (task.inVfork()) return Errno.EPERM.neg();
        oc.setChosen(task);
        boot.world().oomKill().oomKillProcess(oc, message);
        oc.setChosen(null);
        oc.setBpfMemoryFreed(true);
        return 0;
    }

    // P-05 on mm/oom_kill.c:bpf_out_of_memory's mutex_lock_killable(&oom_lock)
    @Override protected int mutexLockKillableOomLock() { return boot.world().oomLock().lockKillable(escapeHatch); }
}
