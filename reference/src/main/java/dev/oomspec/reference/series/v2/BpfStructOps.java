package dev.oomspec.reference.series.v2;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.series.AttachRequest;
import dev.oomspec.reference.uapi.Errno;
import java.util.Set;

/**
 * kernel/bpf/bpf_struct_ops.c for a bpf_oom_ops map in v2: the map update (check_member / init_member) and
 * BPF_LINK_CREATE, which v2 02/23 (Message-ID 20251027231727.472628-3-roman.gushchin@linux.dev) makes read a cgroup
 * from {@code link_create.cgroup.relative_fd} and keep only its id.
 */
public final class BpfStructOps {
    private final BpfOom bpfOom;

    BpfStructOps(BpfOom bpfOom) { this.bpfOom = bpfOom; }

    /** The map after BPF_MAP_UPDATE_ELEM: the kernel's ops, or the error. */
    public record Kdata(BpfOomOps ops, int err) {}

    // kernel/bpf/bpf_struct_ops.c:bpf_struct_ops_map_update_elem (mainline) with mm/bpf_oom.c's check_member and
    // init_member; a member without a program is checked with prog == NULL [inferred: that mainline call was not read]
    Kdata bpfStructOpsMapUpdateElem(BpfOomOps udata, Set<String> membersWithProg) {
        for (String member : BpfOom.PROG_MEMBERS) {
            int err = BpfOom.bpfOomOpsCheckMember(member, membersWithProg.contains(member));
            if (err != 0) return new Kdata(null, err);
        }
        return new Kdata(new BpfOomOps(
                membersWithProg.contains("handle_out_of_memory") ? udata.handleOutOfMemory() : null,
                membersWithProg.contains("handle_cgroup_offline") ? udata.handleCgroupOffline() : null,
                BpfOom.bpfOomOpsInitMemberName(udata.name())), 0);
    }

    // kernel/bpf/bpf_struct_ops.c:bpf_struct_ops_link_create@v2 02 — relative_fd != 0: cgroup_get_from_fd(), its
    // error returned as is; the link keeps cgroup_id; then st_ops->reg(kdata, link)
    int bpfStructOpsLinkCreate(BpfOomOps kdata, AttachRequest.Fd relativeFd) {
        long cgroupId = 0;
        if (!(relativeFd instanceof AttachRequest.None)) {
            Memcg cgrp = relativeFd instanceof AttachRequest.Valid v ? v.cgroup() : null;
            if (cgrp == null) return Errno.EBADF.neg(); // cgroup_get_from_fd(): not a cgroup fd
            cgroupId = cgrp.cgroupId();
        }
        return bpfOom.bpfOomOpsReg(kdata, cgroupId);
    }

    // kernel/bpf/bpf_struct_ops.c:bpf_struct_ops_map_link_dealloc (mainline): st_ops->unreg(kdata, link); v2's link
    // carries the cgroup_id that reg used
    void bpfStructOpsMapLinkDealloc(BpfOomOps kdata, long linkCgroupId) {
        bpfOom.bpfOomOpsUnreg(kdata, linkCgroupId);
    }
}
