package dev.oomspec.reference.series.v2;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.Kf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.BpfProgType;
import dev.oomspec.reference.uapi.Errno;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * kernel/sched/bpf_psi.c of v2 20/21 (Message-IDs 20251027232206.473085-10/-11-roman.gushchin@linux.dev): the
 * registration rules of struct bpf_psi_ops and bpf_psi_create_trigger(). PSI triggers and their events are not
 * modelled beyond creation.
 */
final class BpfPsi {
    /** #define BPF_PSI_FULL 0x80000000. */
    static final int BPF_PSI_FULL = 0x80000000;
    /** enum psi_res with CONFIG_IRQ_TIME_ACCOUNTING: PSI_IO, PSI_MEM, PSI_CPU, PSI_IRQ. */
    static final int NR_PSI_RESOURCES = 4;
    /** kernel/sched/psi.c WINDOW_MIN_US / WINDOW_MAX_US (500 ms, 10 s). */
    static final long WINDOW_MIN_US = 500_000, WINDOW_MAX_US = 10_000_000;

    private final Boot boot;

    BpfPsi(Boot boot) { this.boot = boot; }

    // kernel/sched/bpf_psi.c:bpf_psi_ops_check_member@v2 20 — init and handle_psi_event need programs
    static int bpfPsiOpsCheckMember(String member, boolean hasProg) {
        if ((member.equals("init") || member.equals("handle_psi_event")) && !hasProg) return Errno.EINVAL.neg();
        return 0;
    }

    // kernel/sched/bpf_psi.c:bpf_psi_ops_reg@v2 20 — bpf_psi_create() (-ENOMEM not modelled), then ops->init()
    static int bpfPsiOpsReg(IntSupplier init) { return init.getAsInt(); }

    /** Map update (check_member per member) then reg. */
    static int register(Set<String> membersWithProg, IntSupplier init) {
        for (String m : Set.of("init", "handle_psi_event", "handle_cgroup_online", "handle_cgroup_offline")) {
            int err = bpfPsiOpsCheckMember(m, membersWithProg.contains(m));
            if (err != 0) return err;
        }
        return bpfPsiOpsReg(init);
    }

    // kernel/sched/bpf_psi.c:bpf_psi_create_trigger@v2 21
    int bpfPsiCreateTrigger(long cgroupId, int resource, long thresholdUs, long windowUs) {
        int res = resource & ~BPF_PSI_FULL;
        if (Integer.compareUnsigned(res, NR_PSI_RESOURCES) >= 0) return Errno.EINVAL.neg();
        if (cgroupId != 0) {
            Memcg cgroup = boot.world().memcontrol().lookupById(cgroupId); // cgroup_get_from_id()
            if (cgroup == null) return Errno.ENOENT.neg();                  // IS_ERR_OR_NULL → PTR_ERR
        }
        return psiTriggerCreate(thresholdUs, windowUs);
    }

    // kernel/sched/psi.c:psi_trigger_create (mainline, not re-read: window bounds, then 0 < threshold <= window)
    private static int psiTriggerCreate(long thresholdUs, long windowUs) {
        if (windowUs == 0 || windowUs < WINDOW_MIN_US || windowUs > WINDOW_MAX_US) return Errno.EINVAL.neg();
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
