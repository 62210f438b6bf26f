package dev.oomspec.reference.mm;

/** What a BPF OOM handler may read of {@code struct oom_control}: every field, no write. */
public final class OomControlView {
    private final OomControl oc;

    OomControlView(OomControl oc) { this.oc = oc; }

    public Memcg memcg() { return oc.memcg; }
    public int gfpMask() { return oc.gfpMask; }
    public int order() { return oc.order; }
    public long totalpages() { return oc.totalpages; }
    public Constraint constraint() { return oc.constraint; }
    public boolean bpfMemoryFreed() { return oc.bpfMemoryFreed; }
    public boolean isMemcgOom() { return oc.isMemcgOom(); }

    /** The kernel object behind the view, for kernel code (a kfunc receives {@code struct oom_control *oc}). */
    public OomControl kernelOc() { return oc; }
}
