package dev.oomspec.reference.policy;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControlView;
import dev.oomspec.reference.mm.World;
import java.util.ArrayList;
import java.util.List;

/** A policy loaded and attached by {@link PolicyLoader}: what each of its handler calls did, in call order. */
public final class Attachment {
    private final OomPolicy policy;
    private final Revision revision;
    private final World world;
    private final Facts facts;
    private final Limits limits;
    private final List<Integer> attachResults = new ArrayList<>();
    private final List<HandlerRun> runs = new ArrayList<>();

    Attachment(OomPolicy policy, Revision revision, World world, Facts facts, Limits limits) {
        this.policy = policy; this.revision = revision; this.world = world; this.facts = facts; this.limits = limits;
    }

    public OomPolicy policy() { return policy; }
    public Revision revision() { return revision; }
    /** The result of each attach, in the order the cgroups were given: 0 or -errno (v3: -EEXIST for a taken cgroup). */
    public List<Integer> attachResults() { return List.copyOf(attachResults); }
    /** True when every attach returned 0. */
    public boolean attached() { return attachResults.stream().allMatch(r -> r == 0); }
    /** Every handler call so far, in call order. */
    public List<HandlerRun> runs() { return List.copyOf(runs); }
    /** The first halt of any handler call, or null. */
    public Halt firstHalt() { return runs.stream().map(HandlerRun::halt).filter(h -> h != null).findFirst().orElse(null); }

    void attachResult(int r) { attachResults.add(r); }

    /** The handler as the revision's bpf_handle_oom() calls it. */
    int call(OomControlView oc, Memcg attachedTo, SeriesCalls calls) {
        Memcg scope = oc.memcg() != null ? oc.memcg() : world.rootMemcg();
        Program p = new Program(revision, calls, world, scope, facts, limits);
        int ret;
        try {
            ret = policy.handleOutOfMemory(p.oc(oc), p.cgroup(attachedTo), p);
        } catch (Program.Halted h) {
            ret = 0;
        } catch (Throwable e) { // a BPF program cannot throw: the Java twin is broken
            p.stop0(new Halt.Faulted(e.getClass().getSimpleName() + (e.getMessage() == null ? "" : ": " + e.getMessage())));
            ret = 0;
        }
        p.exit();
        if (p.halt() != null) ret = 0;
        runs.add(new HandlerRun(attachedTo.path(), ret, p.log(), p.halt()));
        return ret;
    }
}
