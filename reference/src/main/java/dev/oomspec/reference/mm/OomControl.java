package dev.oomspec.reference.mm;

import java.util.Set;

/**
 * struct oom_control (include/linux/oom.h): the kernel's fields, plus the fields each revision of the series adds
 * under CONFIG_BPF_SYSCALL (bpf_memory_freed RFC..post; bpf_policy_name v1/v2; bpf_constraint v1 07/v2 14;
 * bpf_handler_name v3/post). Only kernel code writes them: the series' code through the public setters below, BPF
 * programs never (they get an {@link OomControlView}). What happened during an OOM is not recorded here but
 * reported to the world's {@link OomTrace} observers.
 */
public final class OomControl {
    Set<Integer> nodemask;
    final Memcg memcg;
    final int gfpMask;
    final int order;
    long totalpages;
    Task chosen;
    /** oc->chosen == (void *)-1UL: an existing victim aborted the scan. */
    boolean chosenAbort;
    long chosenPoints;
    Constraint constraint;
    // series fields (include/linux/oom.h additions)
    boolean bpfMemoryFreed;
    String bpfPolicyName;
    String bpfHandlerName;
    String bpfConstraint;

    private OomControl(Memcg memcg, Set<Integer> nodemask, int gfpMask, int order, Constraint constraint,
                       String bpfConstraint) {
        this.memcg = memcg; this.nodemask = nodemask; this.gfpMask = gfpMask; this.order = order;
        this.constraint = constraint; this.bpfConstraint = bpfConstraint;
    }

    /** A global OOM from the page allocator (__alloc_pages_may_oom). */
    public static OomControl global(int gfpMask, int order) { return new OomControl(null, null, gfpMask, order, null, null); }

    /** A global OOM with a mempolicy nodemask. */
    public static OomControl global(int gfpMask, int order, Set<Integer> nodemask) {
        return new OomControl(null, nodemask, gfpMask, order, null, null);
    }

    /** A memcg OOM (mem_cgroup_out_of_memory). */
    public static OomControl memcg(Memcg memcg, int gfpMask, int order) {
        return new OomControl(memcg, null, gfpMask, order, null, null);
    }

    /** SysRq-f (drivers/tty/sysrq.c moom_callback): GFP_KERNEL, order -1. */
    public static OomControl sysrq() { return new OomControl(null, null, Gfp.GFP_KERNEL, -1, null, null); }

    /**
     * {@code struct oom_control oc = { .memcg = ..., .gfp_mask = ..., .order = ..., .constraint = ...,
     * .bpf_constraint = ... }} — the designated initializer of the series' bpf_out_of_memory() (constraint and
     * bpf_constraint only in v1 07 / v2 14; null otherwise).
     */
    public static OomControl declared(Memcg memcg, int gfpMask, int order, Constraint constraint, String bpfConstraint) {
        return new OomControl(memcg, null, gfpMask, order, constraint, bpfConstraint);
    }

    /** is_memcg_oom(). */
    public boolean isMemcgOom() { return memcg != null; }
    /** is_sysrq_oom(): order == -1. */
    public boolean isSysrqOom() { return order == -1; }

    public Memcg memcg() { return memcg; }
    public int gfpMask() { return gfpMask; }
    public int order() { return order; }
    public Set<Integer> nodemask() { return nodemask; }
    public long totalpages() { return totalpages; }
    /** oc->chosen, null also when the scan was aborted. */
    public Task chosen() { return chosenAbort ? null : chosen; }
    public long chosenPoints() { return chosenPoints; }
    public Constraint constraint() { return constraint; }

    // ---- series fields: read ----
    public boolean bpfMemoryFreed() { return bpfMemoryFreed; }
    public String bpfPolicyName() { return bpfPolicyName; }
    public String bpfHandlerName() { return bpfHandlerName; }
    public String bpfConstraint() { return bpfConstraint; }

    // ---- series fields and oc->chosen: written by the series' kernel code (never by a BPF program) ----
    public void setChosen(Task task) { chosen = task; chosenAbort = false; }
    public void setBpfMemoryFreed(boolean v) { bpfMemoryFreed = v; }
    public void setBpfPolicyName(String name) { bpfPolicyName = name; }
    public void setBpfHandlerName(String name) { bpfHandlerName = name; }

    /** A read-only view for BPF programs ("They have only a read-only access", v3 07 review thread). */
    public OomControlView view() { return new OomControlView(this); }
}
