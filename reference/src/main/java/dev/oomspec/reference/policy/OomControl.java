package dev.oomspec.reference.policy;

import dev.oomspec.reference.mm.OomControlView;

/** {@code struct oom_control} as the handler receives it: read-only. */
public final class OomControl {
    final OomControlView view;
    private final Program program;

    OomControl(OomControlView view, Program program) { this.view = view; this.program = program; }

    /** {@code oc->memcg}: the OOMing memory cgroup, null for a system-wide OOM. Not a reference: do not put it. */
    public MemCgroup memcg() { return view.memcg() == null ? null : program.memCgroup(view.memcg()); }
    /** {@code oc->gfp_mask}. */
    public int gfpMask() { return view.gfpMask(); }
    /** {@code oc->order} (-1 for a sysrq OOM). */
    public int order() { return view.order(); }
    /** {@code oc->totalpages}: the OOM domain's size in pages (memory limit + swap, or RAM + swap). */
    public long totalpages() { return view.totalpages(); }
    /** {@code oc->bpf_memory_freed}: set by a successful {@code bpf_oom_kill_process()} in this handler call. */
    public boolean bpfMemoryFreed() { return view.bpfMemoryFreed(); }

    @Override public String toString() { return view.memcg() == null ? "oc(global)" : "oc(memcg " + view.memcg().path() + ")"; }
}
