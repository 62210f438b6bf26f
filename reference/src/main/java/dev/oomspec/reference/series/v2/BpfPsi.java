package dev.oomspec.reference.series.v2;

import dev.oomspec.reference.bpf.BpfProg;
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
 * kernel/sched/bpf_psi.c of v2 20/21 (Message-IDs 20251027232206.473085-10/-11-roman.gushchin@linux.dev): the
 * registration rules of struct bpf_psi_ops and bpf_psi_create_trigger() (both also read in kernel-patches/bpf@99467d76
 * and @25cc885d kernel/sched/bpf_psi.c). psi_trigger_create() is kernel/sched/psi.c after v2 19/23 (Message-ID
 * 20251027232206.473085-9-roman.gushchin@linux.dev, read: "a pure refactoring"). PSI triggers and their events are
 * not modelled beyond creation.
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

    private final Boot boot;
    /** capable(CAP_SYS_RESOURCE) of the task that registers the ops (its init program creates the triggers); root by default. */
    private boolean privileged = true;

    BpfPsi(Boot boot) { this.boot = boot; }

    /** Whether the registering task has CAP_SYS_RESOURCE (what capable() answers in bpf_psi_create_trigger()). */
    void setCapSysResource(boolean capable) { this.privileged = capable; }

    // kernel/sched/bpf_psi.c:bpf_psi_ops_check_member@v2 20 — init and handle_psi_event need programs
    static int bpfPsiOpsCheckMember(String member, boolean hasProg) {
        if ((member.equals("init") || member.equals("handle_psi_event")) && !hasProg) return Errno.EINVAL.neg();
        return 0;
    }

    // kernel/sched/bpf_psi.c:bpf_psi_ops_reg@v2 20 — bpf_psi_create() (-ENOMEM not modelled), then ops->init()
    static int bpfPsiOpsReg(IntSupplier init) { return init.getAsInt(); }

    /** struct bpf_psi_ops of v2 20: its four callbacks, in declaration order. */
    static final List<String> MEMBERS = List.of("init", "handle_psi_event", "handle_cgroup_online", "handle_cgroup_offline");

    /** Map update (check_member per member of the kernel's struct) then reg. */
    static Outcome register(Set<String> membersWithProg, IntSupplier init) {
        for (String m : membersWithProg)
            if (!MEMBERS.contains(m)) return Outcome.no("v2's struct bpf_psi_ops has no member " + m + " (only " + MEMBERS + ")");
        for (String m : MEMBERS) {
            int err = bpfPsiOpsCheckMember(m, membersWithProg.contains(m));
            if (err != 0) return Outcome.ret(err);
        }
        return Outcome.ret(bpfPsiOpsReg(init));
    }

    // kernel/sched/bpf_psi.c:bpf_psi_create_trigger@v2 21
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

    // kernel/sched/psi.c:psi_trigger_create@v2 19 (psi_disabled and kmalloc failure not modelled): the state from res
    // and full, the IRQ resource only as "full", window 1 us..WINDOW_MAX_US, an unprivileged window a multiple of 2 s,
    // threshold 1 us..window — each refusal -EINVAL
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

    // kernel/sched/bpf_psi.c:bpf_psi_kfunc_filter@v2 21 — set member and not a bpf_psi_ops program → -EACCES
    static int bpfPsiKfuncFilter(BpfProg prog, String kfuncId) {
        if (kfuncId.equals("bpf_psi_create_trigger") && !"bpf_psi_ops".equals(prog.stOps())) return Errno.EACCES.neg();
        return 0;
    }

    // kernel/sched/bpf_psi.c:bpf_psi_struct_ops_init@v2 21 — the kfunc set, STRUCT_OPS hook
    static void bpfPsiStructOpsInit(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.STRUCT_OPS, KfuncSet.start("bpf_psi_kfuncs")
                .idFlags("bpf_psi_create_trigger", Kf.KF_TRUSTED_ARGS)
                .end(BpfPsi::bpfPsiKfuncFilter));
    }
}
