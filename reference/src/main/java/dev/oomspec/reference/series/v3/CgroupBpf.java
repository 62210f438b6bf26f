package dev.oomspec.reference.series.v3;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.uapi.Errno;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * kernel/bpf/cgroup.c as v3 02 changes it (struct cgroup_bpf gains struct_ops_links and bpf_oom_link): cited from
 * the carried v3 02 patch, Hui Zhu's RFC v7 02/11, Message-ID
 * a7bf069cbc39930fad3740269aa82f1acadb029b.1779760876.git.zhuhui@kylinos.cn ("From: Roman Gushchin").
 */
public final class CgroupBpf {
    /** cgrp->bpf.struct_ops_links. */
    final Map<Memcg, List<StructOpsLink>> structOpsLinks = new IdentityHashMap<>();
    /** cgrp->bpf.bpf_oom_link (v3 07). */
    final Map<Memcg, StructOpsLink> bpfOomLink = new IdentityHashMap<>();

    // kernel/bpf/cgroup.c:cgroup_bpf_attach_struct_ops@v3 02 — a cgroup whose bpf refcnt is zero (dying) refuses
    int cgroupBpfAttachStructOps(Memcg cgrp, StructOpsLink link) {
        if (cgrp.dying()) return Errno.EBUSY.neg(); // percpu_ref_is_zero(&cgrp->bpf.refcnt)
        structOpsLinks.computeIfAbsent(cgrp, c -> new ArrayList<>()).add(link);
        return 0;
    }

    // kernel/bpf/cgroup.c:cgroup_bpf_detach_struct_ops@v3 02
    void cgroupBpfDetachStructOps(Memcg cgrp, StructOpsLink link) {
        if (link.cgroup == cgrp) {
            structOpsLinks.getOrDefault(cgrp, new ArrayList<>()).remove(link);
            link.cgroup = null;
        }
    }

    /** rcu_dereference(memcg->css.cgroup->bpf.bpf_oom_link). */
    public StructOpsLink bpfOomLink(Memcg cgrp) { return bpfOomLink.get(cgrp); }
}
