package dev.oomspec.reference.policy;

import dev.oomspec.reference.OomModel;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.series.AttachRequest;
import java.util.Set;

/**
 * Loads a policy into a model booted with v3 or post-v3 and attaches it, by that revision's own registration code,
 * to cgroups: v3 — a struct_ops link with {@code BPF_F_CGROUP_FD} per cgroup (one per cgroup, -EEXIST otherwise; the
 * root's link is the system-wide policy); post-v3 — the generic cgroup struct_ops layer
 * ({@code bpf_map__attach_cgroup_opts()}). From then on the revision's {@code bpf_handle_oom()} decides when it runs:
 * from the OOMing memcg (the root for a system-wide OOM) up the tree, until a handler returns 1 with memory freed.
 */
public final class PolicyLoader {
    private PolicyLoader() {}

    private static final Set<String> MEMBERS = Set.of("handle_out_of_memory");

    /** {@link #attach(OomModel, OomPolicy, Facts, Limits, Memcg...)} with everything known and the default limits. */
    public static Attachment attach(OomModel model, OomPolicy policy, Memcg... cgroups) {
        return attach(model, policy, Facts.EVERYTHING, Limits.DEFAULT, cgroups);
    }

    /**
     * Attaches {@code policy} to each of {@code cgroups} in order; see {@link Attachment#attachResults()}.
     *
     * @throws IllegalArgumentException when the model has no v3 or post-v3 series booted
     */
    public static Attachment attach(OomModel model, OomPolicy policy, Facts facts, Limits limits, Memcg... cgroups) {
        Revision rev = Revision.of(model.series());
        if (rev == null) throw new IllegalArgumentException("the model runs " + (model.series() == null ? "no series"
                : model.series().id()) + "; a bpf_oom_ops policy of this API runs on v3 or post");
        Attachment a = new Attachment(policy, rev, model.world(), facts, limits);
        for (Memcg cg : cgroups) {
            AttachRequest req = new AttachRequest(true, null, new AttachRequest.Valid(cg), MEMBERS);
            if (rev == Revision.V3) {
                var s = (dev.oomspec.reference.series.v3.Series) model.series();
                a.attachResult(s.attach(new dev.oomspec.reference.series.v3.BpfOomOps(
                        (oc, stLink, k) -> a.call(oc, stLink.cgroup(), SeriesCalls.of(k, s)), policy.name()), MEMBERS, req));
            } else {
                var s = (dev.oomspec.reference.series.post.Series) model.series();
                a.attachResult(s.attach(new dev.oomspec.reference.series.post.BpfOomOps(
                        (oc, cgrp, k) -> a.call(oc, cgrp, SeriesCalls.of(k, s)), policy.name()), MEMBERS, req));
            }
        }
        return a;
    }
}
