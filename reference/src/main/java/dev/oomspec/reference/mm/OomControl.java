package dev.oomspec.reference.mm;

import dev.oomspec.reference.memcg.Memcg;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * struct oom_control (include/linux/oom.h) plus the series' additions (bpf-oom-series.md §2.1), and what the
 * model records about one out_of_memory() call (candidates with scores, exit path, kills).
 */
public final class OomControl {
    /** Where out_of_memory() returned (kernel-oom.md §6 step numbers). */
    public enum Exit {
        OOM_KILLER_DISABLED, NOTIFIER_FREED, CURRENT_EXITING, NOFS_BAILOUT, PANIC_ON_OOM, ALLOCATING_TASK,
        BPF_HANDLED, ABORTED_EXISTING_VICTIM, KILLED, NO_KILLABLE_PROCESS
    }

    /** One task looked at by select_bad_process(), in iteration order. */
    public record Candidate(Task task, long points, String verdict) {
        public static final String ELIGIBLE = "eligible";
    }

    // --- struct oom_control ---
    Set<Integer> nodemask;
    final Memcg memcg;
    final int gfpMask;
    final int order;
    long totalpages;
    Task chosen;
    long chosenPoints;
    Constraint constraint;
    // series additions
    boolean bpfMemoryFreed;      // RFC..post: only a kfunc sets it
    String bpfPolicyName;        // v1, v2: printed as oom_policy=
    String bpfHandlerName;       // v3, post: printed as "oom bpf handler:"
    String bpfConstraint;        // v1 07, v2 14
    boolean bpfDeclared;         // created by bpf_out_of_memory(), for CONSTRAINT_BPF (v1/v2)

    // --- model record ---
    final List<Candidate> candidates = new ArrayList<>();
    final List<Task> killed = new ArrayList<>();
    boolean aborted;
    Exit exit;
    String panic;
    Object bpfDispatch;

    OomControl(Memcg memcg, Set<Integer> nodemask, int gfpMask, int order) {
        this.memcg = memcg; this.nodemask = nodemask; this.gfpMask = gfpMask; this.order = order;
    }

    /** A global OOM from the page allocator. */
    public static OomControl global(int gfpMask, int order) { return new OomControl(null, null, gfpMask, order); }

    /** A global OOM with a mempolicy nodemask. */
    public static OomControl global(int gfpMask, int order, Set<Integer> nodemask) {
        return new OomControl(null, nodemask, gfpMask, order);
    }

    /** A memcg OOM (mem_cgroup_out_of_memory). */
    public static OomControl memcg(Memcg memcg, int gfpMask, int order) { return new OomControl(memcg, null, gfpMask, order); }

    /** SysRq-f: GFP_KERNEL, order -1. */
    public static OomControl sysrq() { return new OomControl(null, null, Gfp.GFP_KERNEL, -1); }

    /** is_memcg_oom(). */
    public boolean isMemcgOom() { return memcg != null; }
    /** is_sysrq_oom(): order == -1. */
    public boolean isSysrqOom() { return order == -1; }

    public Memcg memcg() { return memcg; }
    public int gfpMask() { return gfpMask; }
    public int order() { return order; }
    public Set<Integer> nodemask() { return nodemask; }
    public long totalpages() { return totalpages; }
    public Task chosen() { return chosen; }
    public long chosenPoints() { return chosenPoints; }
    public Constraint constraint() { return constraint; }
    /** Read-only for handlers (v3 07: "They have only a read-only access"). */
    public boolean bpfMemoryFreed() { return bpfMemoryFreed; }
    public String bpfPolicyName() { return bpfPolicyName; }
    public String bpfHandlerName() { return bpfHandlerName; }
    public String bpfConstraint() { return bpfConstraint; }

    public List<Candidate> candidates() { return List.copyOf(candidates); }
    public List<Task> killed() { return List.copyOf(killed); }
    public boolean aborted() { return aborted; }
    public Exit exit() { return exit; }
    public String panic() { return panic; }
    /** The BPF dispatch record of this OOM (a {@code dev.oomspec.reference.bpf.BpfOom.Dispatch}), or null. */
    public Object bpfDispatch() { return bpfDispatch; }

    /** The victim the kernel selected (null when aborted or none), i.e. oc->chosen of select_bad_process. */
    public Task victim() { return aborted ? null : chosen; }

    // hooks for mm/bpf_oom.c (the dispatch code sets names and resets the freed flag, never sets it)
    public void bpfSetPolicyName(String name) { bpfPolicyName = name; }
    public void bpfSetHandlerName(String name) { bpfHandlerName = name; }
    public void bpfClearMemoryFreed() { bpfMemoryFreed = false; }
    public void bpfSetDispatch(Object d) { bpfDispatch = d; }
}
