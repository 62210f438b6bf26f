package dev.oomspec.reference.series.v1;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.BpfProgType;
import dev.oomspec.reference.uapi.Errno;
import dev.oomspec.reference.series.Outcome;
import java.util.List;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * kernel/sched/bpf_psi.c of v1 12/13: bpf_psi_create_trigger() and its set are transcribed from v1 13/14 (Message-ID
 * 20250818170136.209169-14-roman.gushchin@linux.dev) — registered for the STRUCT_OPS hook with no filter. The struct
 * bpf_psi_ops registration is v1 12/14 (Message-ID 20250818170136.209169-13-roman.gushchin@linux.dev), read as quoted
 * whole in Suren Baghdasaryan's reply (Message-ID CAJuCfpHUDSJ_yLEqtfmU0rykUGYM6tXR+rgVv1i3QjJz+2JU1A@mail.gmail.com):
 * members init, handle_psi_event, handle_cgroup_free; check_member accepts every member; reg returns ops->init().
 * psi_trigger_create() is kernel/sched/psi.c after v1 11/14, "a pure refactoring" of the 6.x function (read in v2
 * 19/23, Message-ID 20251027232206.473085-9-roman.gushchin@linux.dev, the same refactoring).
 */
final class BpfPsi {
    /** #define BPF_PSI_FULL 0x80000000. */
    static final int BPF_PSI_FULL = 0x80000000;
    /** enum psi_res with CONFIG_IRQ_TIME_ACCOUNTING: PSI_IO, PSI_MEM, PSI_CPU, PSI_IRQ. */
    static final int NR_PSI_RESOURCES = 4;
    /** kernel/sched/psi.c WINDOW_MAX_US ("Max window size is 10s"); the 500 ms minimum went in 6.4 (Suren Baghdasaryan, Message-ID 20230303011346.3342233-1-surenb@google.com). */
    static final long WINDOW_MAX_US = 10_000_000;
    /** enum psi_states with CONFIG_IRQ_TIME_ACCOUNTING: IO_SOME, IO_FULL, MEM_SOME, MEM_FULL, CPU_SOME, CPU_FULL, IRQ_FULL, NONIDLE. */
    static final int PSI_IO_SOME = 0, PSI_IO_FULL = 1, PSI_IRQ_FULL = 6, PSI_NONIDLE = 7;
    /** enum psi_res: PSI_IRQ. */
    static final int PSI_IRQ = 3;
    /** struct bpf_psi_ops of v1 12: its three callbacks, in declaration order. */
    static final List<String> MEMBERS = List.of("init", "handle_psi_event", "handle_cgroup_free");

    private final Boot boot;
    /** capable(CAP_SYS_RESOURCE) of the task that registers the ops (its init program creates the triggers); root by default. */
    private boolean privileged = true;

    BpfPsi(Boot boot) { this.boot = boot; }

    /** Whether the registering task has CAP_SYS_RESOURCE (what capable() answers in bpf_psi_create_trigger()). */
    void setCapSysResource(boolean capable) { this.privileged = capable; }

    // kernel/sched/bpf_psi.c:bpf_psi_ops_check_member@v1 12 — returns 0 for every member (nothing is mandatory)
    static int bpfPsiOpsCheckMember(String member, boolean hasProg) { return 0; }

    // kernel/sched/bpf_psi.c:bpf_psi_ops_reg@v1 12 — bpf_psi_create() (-ENOMEM not modelled), then ops->init(bpf_psi)
    // without testing ops->init: the caller has checked that init has a program (a NULL call is not a return value)
    static int bpfPsiOpsReg(IntSupplier init) { return init.getAsInt(); }

    /** Map update (check_member per member of the kernel's struct) then reg; NotExpressible where the kernel would oops. */
    static Outcome register(Set<String> membersWithProg, IntSupplier init) {
        for (String m : membersWithProg)
            if (!MEMBERS.contains(m)) return Outcome.no("v1's struct bpf_psi_ops has no member " + m + " (only " + MEMBERS + ")");
        for (String m : MEMBERS) {
            int err = bpfPsiOpsCheckMember(m, membersWithProg.contains(m));
            if (err != 0) return Outcome.ret(err);
        }
        if (!membersWithProg.contains("init"))
            return Outcome.no("v1 12: bpf_psi_ops_reg() calls ops->init() without testing it; with no init program it"
                    + " calls a NULL pointer (a kernel oops, not a return value)");
        return Outcome.ret(bpfPsiOpsReg(init));
    }

    // kernel/sched/bpf_psi.c:bpf_psi_create_trigger@v1 13
    int bpfPsiCreateTrigger(long cgroupId, int resource, long thresholdUs, long windowUs) {
        int res = resource & ~BPF_PSI_FULL;
        if (Integer.compareUnsigned(res, NR_PSI_RESOURCES) >= 0) return Errno.EINVAL.neg();
        if (cgroupId != 0) {
            Memcg cgroup = boot.world().memcontrol().lookupById(cgroupId); // cgroup_get_from_id()
            if (cgroup == null) return Errno.ENOENT.neg();                  // IS_ERR_OR_NULL → PTR_ERR
        }
        // params.privileged = capable(CAP_SYS_RESOURCE); params.res = res; params.full = resource & BPF_PSI_FULL
        return psiTriggerCreate(res, (resource & BPF_PSI_FULL) != 0, privileged, thresholdUs, windowUs);
    }

    // kernel/sched/psi.c:psi_trigger_create@v1 11 (= v2 19, "a pure refactoring"; psi_disabled and kmalloc failure not
    // modelled): the state from res and full, the IRQ resource only as "full", window 1 us..WINDOW_MAX_US, an
    // unprivileged window a multiple of 2 s, threshold 1 us..window — each refusal -EINVAL
    static int psiTriggerCreate(int res, boolean full, boolean privileged, long thresholdUs, long windowUs) {
        int state = full ? PSI_IO_FULL : PSI_IO_SOME;
        state += res * 2;
        if (res == PSI_IRQ && --state != PSI_IRQ_FULL) return Errno.EINVAL.neg(); // CONFIG_IRQ_TIME_ACCOUNTING
        if (state >= PSI_NONIDLE) return Errno.EINVAL.neg();
        if (windowUs == 0 || windowUs > WINDOW_MAX_US) return Errno.EINVAL.neg();
        if (!privileged && windowUs % 2_000_000 != 0) return Errno.EINVAL.neg();
        if (thresholdUs == 0 || thresholdUs > windowUs) return Errno.EINVAL.neg();
        return 0;
    }

    // kernel/sched/bpf_psi.c:bpf_psi_struct_ops_init@v1 13 — the kfunc set, STRUCT_OPS hook, no .filter
    static void bpfPsiStructOpsInit(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.STRUCT_OPS, KfuncSet.start("bpf_psi_kfuncs")
                .idFlags("bpf_psi_create_trigger", Kf.KF_TRUSTED_ARGS)
                .end());
    }
}
