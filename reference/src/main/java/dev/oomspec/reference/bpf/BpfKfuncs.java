package dev.oomspec.reference.bpf;

import dev.oomspec.reference.Errno;
import dev.oomspec.reference.memcg.Memcg;
import dev.oomspec.reference.memcg.Memcontrol;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * The series' kfuncs for one world and revision, with their checks in kernel order (bpf-oom-series.md §3,
 * §4). Return conventions are the kernel's: 0, 1 or -errno. Calling a signature the revision does not have
 * throws {@link UnsupportedOperationException} (in the kernel: the program does not load).
 */
public final class BpfKfuncs {
    /** enum bpf_oom_flags (v2 13, v3 09). */
    public static final long BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK = 1L << 0, BPF_OOM_FLAGS_LAST = 1L << 1;
    /** BPF_PSI_FULL (v1/v2): MSB of resource selects "full". */
    public static final int BPF_PSI_FULL = 0x80000000;
    /** enum psi_res: PSI_IO, PSI_MEM, PSI_CPU, PSI_IRQ (CONFIG_IRQ_TIME_ACCOUNTING) → 4. */
    public static final int NR_PSI_RESOURCES = 4;
    public static final long WINDOW_MIN_US = 500_000, WINDOW_MAX_US = 10_000_000;
    /** memcg stat index used by the selftest. */
    public static final int NR_FILE_PAGES = 1;

    private final World world;
    private final BpfOom bpf;
    private OomControl lastDeclared;

    BpfKfuncs(World world, BpfOom bpf) { this.world = world; this.bpf = bpf; }

    private BpfOomRevision rev() { return bpf.revision(); }

    private void require(BpfOomRevision.OomSignature sig) {
        if (rev().oomSignature() != sig)
            throw new UnsupportedOperationException("bpf_out_of_memory" + sig + " is not the signature of " + rev().revision());
    }

    // ------------------------------------------------------------ bpf_oom_kill_process

    /** bpf_oom_kill_process(oc, task, message__str): checks of the revision in order, then the kill. */
    public int bpfOomKillProcess(OomControl oc, Task task, String message) {
        for (BpfOomRevision.KillCheck c : rev().killChecks()) {
            switch (c) {
                case UNKILLABLE_EPERM -> { if (OomKill.oomUnkillableTask(task)) return Errno.EPERM.neg(); }
                case TRYGET_EINVAL -> { if (task.tryGetFailsForModel()) return Errno.EINVAL.neg(); }
                case ADJ_MIN_EINVAL -> { if (task.oomScoreAdj() == OomKill.OOM_SCORE_ADJ_MIN) return Errno.EINVAL.neg(); }
                case UNKILLABLE_OR_ADJ_MIN_EPERM -> {
                    if (OomKill.oomUnkillableTask(task) || task.oomScoreAdj() == OomKill.OOM_SCORE_ADJ_MIN) return Errno.EPERM.neg();
                }
                case OOM_SKIP_EPERM -> {
                    Mm mm = task.mm();
                    if (mm != null && mm.oomSkip()) return Errno.EPERM.neg();
                }
                case IN_VFORK_EPERM -> { if (task.inVfork()) return Errno.EPERM.neg(); }
            }
        }
        return world.oomKill().bpfKill(oc, task, message);
    }

    // ------------------------------------------------------------ bpf_out_of_memory per revision

    /** RFC 10: bpf_out_of_memory(memcg__nullable, order) — never waits. */
    public int bpfOutOfMemory(Memcg memcg, int order) {
        require(BpfOomRevision.OomSignature.MEMCG_ORDER);
        return declare(memcg, order, false, null);
    }

    /** v1 06/07: bpf_out_of_memory(memcg__nullable, order, wait_on_oom_lock, constraint_text__nullable). */
    public int bpfOutOfMemory(Memcg memcg, int order, boolean waitOnOomLock, String constraintText) {
        require(BpfOomRevision.OomSignature.MEMCG_ORDER_WAIT_CONSTRAINT);
        return declare(memcg, order, waitOnOomLock, constraintText);
    }

    /** v2 13/14: bpf_out_of_memory(memcg__nullable, order, u64 flags, constraint_text__nullable). */
    public int bpfOutOfMemory(Memcg memcg, int order, long flags, String constraintText) {
        require(BpfOomRevision.OomSignature.MEMCG_ORDER_FLAGS_CONSTRAINT);
        if ((flags & ~rev().knobs().validFlags()) != 0) return Errno.EINVAL.neg();
        return declare(memcg, order, (flags & BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK) != 0, constraintText);
    }

    /** v3 09, post: bpf_out_of_memory(memcg__nullable, order, u64 flags). */
    public int bpfOutOfMemory(Memcg memcg, int order, long flags) {
        require(BpfOomRevision.OomSignature.MEMCG_ORDER_FLAGS);
        if ((flags & ~rev().knobs().validFlags()) != 0) return Errno.EINVAL.neg(); // OOM-01
        return declare(memcg, order, (flags & BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK) != 0, null);
    }

    private int declare(Memcg memcg, int order, boolean wait, String constraintText) {
        if (order < 0 || order > bpf.maxPageOrder() + rev().knobs().orderBoundOffset()) return Errno.EINVAL.neg(); // OOM-02
        OomControl oc = OomKill.bpfDeclaredOomControl(memcg, rev().declaredGfpMask(), order,
                rev().customConstraint() ? constraintText : null);
        if (wait) {
            int ret = world.oomLock().lockKillable(rev().escapeHatch() ? bpf.escapeHatch() : null); // OOM-04
            if (ret != 0) return ret;
        } else if (!world.oomLock().tryLock()) {
            return Errno.EBUSY.neg(); // OOM-03
        }
        try {
            lastDeclared = oc;
            return world.oomKill().outOfMemory(oc) ? 1 : 0;
        } finally {
            world.oomLock().unlock();
        }
    }

    /** The oom_control of the last bpf_out_of_memory() that reached out_of_memory(). */
    public OomControl lastDeclaredOomControl() { return lastDeclared; }

    // ------------------------------------------------------------ bpf_task_is_oom_victim

    public boolean hasTaskIsOomVictim() { return rev().taskIsOomVictim(); }

    /** bpf_task_is_oom_victim(task): tsk_is_oom_victim() (VICT-01). */
    public boolean bpfTaskIsOomVictim(Task task) {
        if (!rev().taskIsOomVictim()) throw new UnsupportedOperationException("bpf_task_is_oom_victim not in " + rev().revision());
        return task.isOomVictim();
    }

    // ------------------------------------------------------------ PSI (v1, v2)

    /** bpf_psi_create_trigger(bpf_psi, cgroup_id, resource, threshold_us, window_us) (ATT-17). */
    public int bpfPsiCreateTrigger(long cgroupId, int resource, long thresholdUs, long windowUs) {
        if (!rev().psiStructOps()) throw new UnsupportedOperationException("bpf_psi_create_trigger not in " + rev().revision());
        if (Integer.compareUnsigned(resource & ~BPF_PSI_FULL, NR_PSI_RESOURCES) >= 0) return Errno.EINVAL.neg();
        if (cgroupId != 0) {
            boolean found = Memcontrol.preOrder(world.rootMemcg()).stream().anyMatch(m -> m.cgroupId() == cgroupId);
            if (!found) return Errno.ENOENT.neg(); // lookup error passed through (model: -ENOENT)
        }
        // psi_trigger_create() validation (kernel/sched/psi.c)
        if (windowUs < WINDOW_MIN_US || windowUs > WINDOW_MAX_US) return Errno.EINVAL.neg();
        if (thresholdUs == 0 || thresholdUs > windowUs) return Errno.EINVAL.neg();
        return 0;
    }

    // ------------------------------------------------------------ memcg kfuncs (mm/bpf_memcontrol.c)

    /** bpf_get_root_mem_cgroup(). */
    public Memcg bpfGetRootMemCgroup() { return world.rootMemcg(); }

    /** bpf_get_mem_cgroup(css): the memcg of a cgroup (identity in the model). */
    public Memcg bpfGetMemCgroup(Memcg css) { return css; }

    /**
     * bpf_mem_cgroup_usage(): the model answers in bytes, summing the rss of the subtree's mms when no usage
     * was set — units were not established for the series (§3.5); bytes here and in page_state keep the
     * selftest's subtraction consistent.
     */
    public long bpfMemCgroupUsage(Memcg memcg) {
        if (memcg.memoryUsage() > 0) return memcg.memoryUsage() * 4096;
        return subtreeMms(memcg).keySet().stream().mapToLong(Mm::getMmRss).sum() * 4096;
    }

    /** bpf_mem_cgroup_page_state(memcg, idx): NR_FILE_PAGES (file + shmem pages) in bytes; others -1. */
    public long bpfMemCgroupPageState(Memcg memcg, int idx) {
        if (idx != NR_FILE_PAGES) return -1;
        return subtreeMms(memcg).keySet().stream().mapToLong(m -> m.fileRss() + m.shmemRss()).sum() * 4096;
    }

    /** bpf_mem_cgroup_memory_events(memcg, event). */
    public long bpfMemCgroupMemoryEvents(Memcg memcg, Memcg.Event event) { return memcg.events(event); }

    private static Map<Mm, Boolean> subtreeMms(Memcg memcg) {
        Map<Mm, Boolean> mms = new IdentityHashMap<>();
        for (Memcg m : Memcontrol.preOrder(memcg)) for (Task t : m.tasks()) if (t.mm() != null) mms.put(t.mm(), true);
        return mms;
    }
}
