package dev.oomspec.reference.series.post;

import dev.oomspec.reference.mm.Memcg;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * The generic cgroup struct_ops layer post-v3 builds on (Martin KaFai Lau's unmerged "struct_ops cgroup" series:
 * {@code .cgroup_atype = CGROUP_OOM_OPS}, {@code bpf_cgroup_struct_ops_foreach()}). Its code was not read
 * [inferred]: attaching appends to the cgroup's list for the attach type, and the effective array of a cgroup is
 * its own items followed by each ancestor's, nearest first — the order mainline kernel/bpf/cgroup.c
 * compute_effective_progs() builds for multi-attach cgroup programs. Errors of the attach path are not modelled.
 */
public final class CgroupBpf {
    /** One entry of the effective array: the ops and the cgroup it was attached to ({@code item->cgroup}). */
    public record Item(BpfOomOps ops, Memcg cgroup) {}

    private final Map<Memcg, List<BpfOomOps>> attached = new IdentityHashMap<>();
    private int enabled;

    // cgroup_bpf_enabled(CGROUP_OOM_OPS): a static key counting attachments [inferred]
    boolean cgroupBpfEnabled() { return enabled > 0; }

    // generic cgroup struct_ops attach (BPF_LINK_CREATE with a cgroup target_fd) [inferred]
    int attach(Memcg cgrp, BpfOomOps kdata) {
        attached.computeIfAbsent(cgrp, c -> new ArrayList<>()).add(kdata);
        enabled++;
        return 0;
    }

    // bpf_cgroup_struct_ops_foreach(ops, item, cgrp, CGROUP_OOM_OPS) [inferred order: own items, then ancestors]
    List<Item> bpfCgroupStructOpsForeach(Memcg cgrp) {
        List<Item> out = new ArrayList<>();
        for (Memcg p = cgrp; p != null; p = p.parent())
            for (BpfOomOps ops : attached.getOrDefault(p, List.of())) out.add(new Item(ops, p));
        return out;
    }
}
