package dev.oomspec.reference.series.v3;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.series.AttachRequest;
import dev.oomspec.reference.uapi.BpfLink;
import dev.oomspec.reference.uapi.Errno;
import java.util.Set;

/**
 * kernel/bpf/bpf_struct_ops.c for a bpf_oom_ops map: the map update that fills the kernel's copy of the ops
 * (check_member / init_member) and BPF_LINK_CREATE with v3 02's BPF_F_CGROUP_FD (Hui Zhu RFC v7 02/11,
 * Message-ID a7bf069cbc39930fad3740269aa82f1acadb029b.1779760876.git.zhuhui@kylinos.cn).
 */
public final class BpfStructOps {
    private final BpfOom bpfOom;
    private final CgroupBpf cgroupBpf;

    BpfStructOps(BpfOom bpfOom, CgroupBpf cgroupBpf) { this.bpfOom = bpfOom; this.cgroupBpf = cgroupBpf; }

    /** The map after BPF_MAP_UPDATE_ELEM: the kernel's ops, or the error. */
    public record Kdata(BpfOomOps ops, int err) {}

    // kernel/bpf/bpf_struct_ops.c:bpf_struct_ops_map_update_elem (mainline) with mm/bpf_oom.c's check_member and
    // init_member; a member without a program is checked with prog == NULL [inferred: that mainline call was not read]
    Kdata bpfStructOpsMapUpdateElem(BpfOomOps udata, Set<String> membersWithProg) {
        for (String member : BpfOom.PROG_MEMBERS) {
            int err = BpfOom.bpfOomOpsCheckMember(member, membersWithProg.contains(member));
            if (err != 0) return new Kdata(null, err);
        }
        String name = BpfOom.bpfOomOpsInitMemberName(udata.name());
        BpfOomOps.HandleOutOfMemory h = membersWithProg.contains("handle_out_of_memory") ? udata.handleOutOfMemory() : null;
        return new Kdata(new BpfOomOps(h, name), 0);
    }

    // kernel/bpf/bpf_struct_ops.c:bpf_struct_ops_map_update_elem (mainline): without BPF_F_LINK the map registers
    // itself at once — st_ops->reg(kdata, NULL)
    int legacyRegister(BpfOomOps kdata) {
        return bpfOom.bpfOomOpsReg(kdata, null);
    }

    // kernel/bpf/bpf_struct_ops.c:bpf_struct_ops_link_create@v3 02
    int bpfStructOpsLinkCreate(BpfOomOps kdata, int flags, AttachRequest.Fd targetFd) {
        if ((flags & ~BpfLink.BPF_F_CGROUP_FD) != 0) return Errno.EINVAL.neg();
        StructOpsLink link = new StructOpsLink();
        if ((flags & BpfLink.BPF_F_CGROUP_FD) != 0) {
            Memcg cgrp = cgroupGetFromFd(targetFd);
            if (cgrp == null) return Errno.EBADF.neg();
            link.cgroup = cgrp;
            int err = cgroupBpf.cgroupBpfAttachStructOps(cgrp, link);
            if (err != 0) { link.cgroup = null; return err; }
        }
        // bpf_link_prime(); then under update_mutex:
        int err = bpfOom.bpfOomOpsReg(kdata, link);
        if (err != 0) {
            if (link.cgroup != null) cgroupBpf.cgroupBpfDetachStructOps(link.cgroup, link); // err_put_cgroup
            return err;
        }
        link.map = kdata; // RCU_INIT_POINTER(link->map, map)
        return 0;
    }

    // kernel/cgroup/cgroup.c:cgroup_get_from_fd (mainline): -EBADF for an fd that is not a cgroup directory
    private static Memcg cgroupGetFromFd(AttachRequest.Fd fd) {
        return fd instanceof AttachRequest.Valid v ? v.cgroup() : null;
    }

    // kernel/bpf/bpf_struct_ops.c:bpf_struct_ops_map_link_dealloc@v3 02 — st_ops->unreg(kdata, link), then the
    // cgroup detach when the link still has a cgroup
    void bpfStructOpsMapLinkDealloc(BpfOomOps kdata, StructOpsLink link) {
        bpfOom.bpfOomOpsUnreg(kdata, link);
        if (link.cgroup != null) cgroupBpf.cgroupBpfDetachStructOps(link.cgroup, link);
    }
}
