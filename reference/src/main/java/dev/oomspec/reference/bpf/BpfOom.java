package dev.oomspec.reference.bpf;

import dev.oomspec.reference.Errno;
import dev.oomspec.reference.memcg.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.World;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * mm/bpf_oom.c (and the RFC fmod_ret hook): attaching handlers per revision and {@code bpf_handle_oom()},
 * the dispatch called from out_of_memory() right before select_bad_process() (bpf-oom-series.md §6, §7).
 */
public final class BpfOom {
    public static final int BPF_F_CGROUP_FD = 1 << 7;
    public static final int BPF_OOM_NAME_MAX_LEN = 64;
    public static final String DEFAULT_NAME = "bpf_defined_policy";

    /** One handler call during a dispatch. */
    public record Invocation(String name, String attachedAt, int ret, boolean memoryFreed) {}

    /** What bpf_handle_oom() did for one OOM. */
    public record Dispatch(List<Invocation> invocations, boolean handled) {
        public List<String> names() { return invocations.stream().map(Invocation::name).toList(); }
    }

    /** Attach requests, one shape per revision. */
    public sealed interface Attach permits FmodRet, GlobalOps, V2Ops, V3Link, V3LegacyReg, CgroupOps {}
    /** RFC: fmod_ret.s/bpf_handle_out_of_memory. */
    public record FmodRet(BpfOomHandler handler) implements Attach {}
    /** v1: register a bpf_oom_ops (handler may be null: member without program). */
    public record GlobalOps(BpfOomHandler handler) implements Attach {}
    /** v2: relative_fd → cgroup, or null = system-wide (relative_fd == 0); {@code badFd} models a failing fd. */
    public record V2Ops(BpfOomHandler handler, Memcg cgroup, boolean badFd) implements Attach {}
    /** v3: BPF_LINK_CREATE with link flags and target_fd's cgroup ({@code null} with BPF_F_CGROUP_FD = bad fd). */
    public record V3Link(BpfOomHandler handler, int linkFlags, Memcg targetCgroup) implements Attach {}
    /** v3: legacy registration by map update, without a link. */
    public record V3LegacyReg(BpfOomHandler handler) implements Attach {}
    /** post: generic cgroup struct_ops attach. */
    public record CgroupOps(BpfOomHandler handler, Memcg cgroup) implements Attach {}

    private final World world;
    private final BpfOomRevision revision;
    private final BpfKfuncs kfuncs;
    private BpfOomHandler fmodRet;                                   // RFC
    private final List<BpfOomHandler> globalList = new ArrayList<>(); // v1 (head = index 0)
    private BpfOomHandler systemSlot;                                 // v2
    private final Map<Memcg, List<BpfOomHandler>> perCgroup = new LinkedHashMap<>(); // v2 (1), v3 (1), post (n)
    private int maxPageOrder;
    private BooleanSupplier escapeHatch = () -> true;
    private final List<Dispatch> dispatches = new ArrayList<>();

    public BpfOom(World world, BpfOomRevision revision) {
        this.world = world;
        this.revision = revision;
        this.kfuncs = new BpfKfuncs(world, this);
        this.maxPageOrder = world.profile().maxPageOrder();
        world.setBpf(this);
    }

    /** Installs the series at {@code rev} into {@code world}. */
    public static BpfOom install(World world, SeriesRevision rev) { return new BpfOom(world, BpfOomRevision.of(rev)); }
    public static BpfOom install(World world, SeriesRevision rev, boolean proposed) {
        return new BpfOom(world, BpfOomRevision.of(rev, proposed));
    }

    public BpfOomRevision revision() { return revision; }
    public BpfKfuncs kfuncs() { return kfuncs; }
    public List<Dispatch> dispatches() { return List.copyOf(dispatches); }
    /** Arch MAX_PAGE_ORDER (CONFIG_ARCH_FORCE_MAX_ORDER), kernel-oom.md §12. */
    public BpfOom setMaxPageOrder(int v) { maxPageOrder = v; return this; }
    public int maxPageOrder() { return maxPageOrder; }
    /** Proposed P-05: asked when oom_lock is released while a bpf_out_of_memory() waits on it. */
    public BpfOom setEscapeHatch(BooleanSupplier stillWarranted) { escapeHatch = stillWarranted; return this; }
    BooleanSupplier escapeHatch() { return escapeHatch; }

    // ------------------------------------------------------------------ attach

    /** Natural attach for the revision: {@code cgroup == null} = system-wide (v3/post: the root cgroup). */
    public int attach(BpfOomHandler handler, Memcg cgroup) {
        return switch (revision.attach()) {
            case FMOD_RET -> attach(new FmodRet(handler));
            case GLOBAL_LIST -> attach(new GlobalOps(handler));
            case SYSTEM_AND_MEMCG_SLOTS -> attach(new V2Ops(handler, cgroup, false));
            case CGROUP_LINK -> attach(new V3Link(handler, BPF_F_CGROUP_FD, cgroup == null ? world.rootMemcg() : cgroup));
            case CGROUP_STRUCT_OPS -> attach(new CgroupOps(handler, cgroup == null ? world.rootMemcg() : cgroup));
        };
    }

    /** Attach with the revision's checks in order; 0 or -errno. */
    public int attach(Attach req) {
        BpfOomRevision.AttachModel m = revision.attach();
        if (req instanceof FmodRet r && m == BpfOomRevision.AttachModel.FMOD_RET) {
            if (fmodRet != null) return Errno.EBUSY.neg(); // model limit: one fmod_ret program
            fmodRet = r.handler();
            return 0;
        }
        if (req instanceof GlobalOps r && m == BpfOomRevision.AttachModel.GLOBAL_LIST) {
            globalList.add(0, r.handler()); // list_add_rcu at the head: newest runs first (OPS-04)
            return 0;
        }
        if (req instanceof V2Ops r && m == BpfOomRevision.AttachModel.SYSTEM_AND_MEMCG_SLOTS) {
            if (r.handler() == null) return Errno.EINVAL.neg();        // OPS-01
            if (r.badFd()) return Errno.EBADF.neg();                    // ATT-02
            if (r.cgroup() == null) {                                   // ATT-03
                if (systemSlot != null) return Errno.EBUSY.neg();       // ATT-05
                systemSlot = r.handler();
                return 0;
            }
            List<BpfOomHandler> slot = perCgroup.computeIfAbsent(r.cgroup(), k -> new ArrayList<>());
            if (!slot.isEmpty()) return Errno.EBUSY.neg();              // ATT-05
            slot.add(r.handler());
            return 0;
        }
        if (req instanceof V3Link r && m == BpfOomRevision.AttachModel.CGROUP_LINK) {
            if (r.handler() == null) return Errno.EINVAL.neg();         // OPS-01 at map registration
            if ((r.linkFlags() & ~BPF_F_CGROUP_FD) != 0) return Errno.EINVAL.neg(); // ATT-06
            Memcg cg = null;
            if ((r.linkFlags() & BPF_F_CGROUP_FD) != 0) {
                if (r.targetCgroup() == null) return Errno.EBADF.neg(); // ATT-07
                cg = r.targetCgroup();
                if (cg.dying()) return Errno.EBUSY.neg();               // ATT-08
            }
            if (cg == null) return Errno.EINVAL.neg();                  // ATT-10 (reg)
            List<BpfOomHandler> slot = perCgroup.computeIfAbsent(cg, k -> new ArrayList<>());
            if (!slot.isEmpty()) return Errno.EEXIST.neg();             // ATT-11
            slot.add(r.handler());
            return 0;
        }
        if (req instanceof V3LegacyReg r && m == BpfOomRevision.AttachModel.CGROUP_LINK) {
            if (r.handler() == null) return Errno.EINVAL.neg();
            return Errno.EOPNOTSUPP.neg();                              // ATT-09
        }
        if (req instanceof CgroupOps r && m == BpfOomRevision.AttachModel.CGROUP_STRUCT_OPS) {
            if (r.handler() == null) return Errno.EINVAL.neg();
            perCgroup.computeIfAbsent(r.cgroup(), k -> new ArrayList<>()).add(r.handler()); // errors unspecified (ATT-15)
            return 0;
        }
        throw new IllegalArgumentException(req.getClass().getSimpleName() + " is not an attach of " + revision.revision());
    }

    /** Detach (link release / unreg). */
    public void detach(BpfOomHandler handler) {
        if (fmodRet == handler) fmodRet = null;
        globalList.remove(handler);
        if (systemSlot == handler) systemSlot = null;
        for (List<BpfOomHandler> l : perCgroup.values()) l.remove(handler);
    }

    // ------------------------------------------------------------------ dispatch

    private static String displayName(BpfOomHandler h) {
        String n = h.name() == null ? "" : h.name();
        if (n.isEmpty()) return DEFAULT_NAME;                              // OPS-03
        return n.length() > BPF_OOM_NAME_MAX_LEN - 1 ? n.substring(0, BPF_OOM_NAME_MAX_LEN - 1) : n; // OPS-02
    }

    /** bpf_handle_oom(oc): true when a handler returned ≠ 0 with bpf_memory_freed set (HND-01). */
    public boolean bpfHandleOom(OomControl oc) {
        List<Invocation> calls = new ArrayList<>();
        boolean handled = false;
        switch (revision.attach()) {
            case FMOD_RET -> {
                if (fmodRet != null) {
                    oc.bpfClearMemoryFreed();
                    handled = call(oc, fmodRet, null, 0, "fmod_ret", calls);
                }
            }
            case GLOBAL_LIST -> {
                oc.bpfClearMemoryFreed(); // once (HND-02 v1)
                for (BpfOomHandler h : globalList) {
                    if (h == null) continue; // OPS-01v1: ops without handler skipped
                    if (call(oc, h, null, 0, "global", calls)) { handled = true; break; }
                }
            }
            case SYSTEM_AND_MEMCG_SLOTS -> {
                for (Memcg m = oc.memcg(); m != null && !handled; m = m.parent())
                    for (BpfOomHandler h : perCgroup.getOrDefault(m, List.of())) {
                        oc.bpfClearMemoryFreed();
                        if (call(oc, h, m, m.cgroupId(), m.path(), calls)) { handled = true; break; }
                    }
                if (!handled && systemSlot != null) {
                    oc.bpfClearMemoryFreed();
                    handled = call(oc, systemSlot, null, 0, "system", calls);
                }
            }
            case CGROUP_LINK, CGROUP_STRUCT_OPS -> {
                Memcg start = oc.memcg() == null ? world.rootMemcg() : oc.memcg();
                for (Memcg m = start; m != null && !handled; m = m.parent())
                    for (BpfOomHandler h : List.copyOf(perCgroup.getOrDefault(m, List.of()))) {
                        oc.bpfClearMemoryFreed();
                        // pagefault_disable() around the call (HND-03): nothing to model
                        if (call(oc, h, m, m.cgroupId(), m.path(), calls)) { handled = true; break; }
                    }
            }
        }
        Dispatch d = new Dispatch(List.copyOf(calls), handled);
        dispatches.add(d);
        oc.bpfSetDispatch(d);
        return handled;
    }

    private boolean call(OomControl oc, BpfOomHandler h, Memcg at, long cgroupId, String where, List<Invocation> calls) {
        String name = displayName(h);
        boolean v1v2 = revision.reportLine() == BpfOomRevision.ReportLine.OOM_POLICY_IN_HEADER;
        if (v1v2) oc.bpfSetPolicyName(name);
        else if (revision.reportLine() == BpfOomRevision.ReportLine.HANDLER_LINE) oc.bpfSetHandlerName(name);
        int ret;
        try {
            ret = h.handleOutOfMemory(oc, new BpfOomHandler.Ctx(at, cgroupId, kfuncs));
        } finally {
            oc.bpfSetPolicyName(null);
            oc.bpfSetHandlerName(null);
        }
        calls.add(new Invocation(name, where, ret, oc.bpfMemoryFreed()));
        return ret != 0 && (oc.bpfMemoryFreed() || !revision.knobs().progressNeedsFreed());
    }

    // ------------------------------------------------------------------ report (§8)

    /** v1/v2: the header record gains "\noom_policy=%s" (running handler's name, else "default"). */
    public String decorateHeader(OomControl oc, String header) {
        if (revision.reportLine() != BpfOomRevision.ReportLine.OOM_POLICY_IN_HEADER) return header;
        return header + "\noom_policy=" + (oc.bpfPolicyName() == null ? "default" : oc.bpfPolicyName());
    }

    /** v3/post: "oom bpf handler: %s" while a handler runs, else null. */
    public String handlerLine(OomControl oc) {
        if (revision.reportLine() != BpfOomRevision.ReportLine.HANDLER_LINE || oc.bpfHandlerName() == null) return null;
        return "oom bpf handler: " + oc.bpfHandlerName();
    }
}
