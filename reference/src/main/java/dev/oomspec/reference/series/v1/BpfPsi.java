package dev.oomspec.reference.series.v1;

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
 * kernel/sched/bpf_psi.c of v1 12/13: bpf_psi_create_trigger() and its set are transcribed from v1 13/14 (Message-ID
 * 20250818170136.209169-14-roman.gushchin@linux.dev) — registered for the STRUCT_OPS hook with no filter. v1 12
 * (struct bpf_psi_ops registration) was not read: check_member and reg are v2 20's [inferred].
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

    // kernel/sched/bpf_psi.c:bpf_psi_ops_check_member@v1 12 [inferred from v2 20] — init and handle_psi_event need programs
    static int bpfPsiOpsCheckMember(String member, boolean hasProg) {
        if ((member.equals("init") || member.equals("handle_psi_event")) && !hasProg) return Errno.EINVAL.neg();
        return 0;
    }

    // kernel/sched/bpf_psi.c:bpf_psi_ops_reg@v1 12 [inferred from v2 20] — bpf_psi_create(), then ops->init()
    static int bpfPsiOpsReg(IntSupplier init) { return init.getAsInt(); }

    /** Map update (check_member per member) then reg. */
    static int register(Set<String> membersWithProg, IntSupplier init) {
        for (String m : Set.of("init", "handle_psi_event")) {
            int err = bpfPsiOpsCheckMember(m, membersWithProg.contains(m));
            if (err != 0) return err;
        }
        return bpfPsiOpsReg(init);
    }

    // kernel/sched/bpf_psi.c:bpf_psi_create_trigger@v1 13
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

    // kernel/sched/bpf_psi.c:bpf_psi_struct_ops_init@v1 13 — the kfunc set, STRUCT_OPS hook, no .filter
    static void bpfPsiStructOpsInit(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.STRUCT_OPS, KfuncSet.start("bpf_psi_kfuncs")
                .idFlags("bpf_psi_create_trigger", Kf.KF_TRUSTED_ARGS)
                .end());
    }
}
