package dev.oomspec.reference.series.v3;

import dev.oomspec.reference.mm.Memcg;

/**
 * struct bpf_struct_ops_link (include/linux/bpf.h; v3 02 adds cgroup, cgroup_removed, list): {@code map} is the
 * registered ops (null once detached), {@code cgroup} the cgroup it is attached to (null = none).
 */
public final class StructOpsLink {
    BpfOomOps map;
    Memcg cgroup;
    boolean cgroupRemoved;

    public BpfOomOps map() { return map; }
    public Memcg cgroup() { return cgroup; }
    public boolean cgroupRemoved() { return cgroupRemoved; }
}
