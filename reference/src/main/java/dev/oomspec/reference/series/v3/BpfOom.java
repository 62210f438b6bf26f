package dev.oomspec.reference.series.v3;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.Errno;
import java.util.Set;

/** mm/bpf_oom.c of v3, transcribed from kernel-patches/bpf 1ab98bb59cc1 in the file's order. */
public final class BpfOom {
    private final Boot boot;
    private final CgroupBpf cgroupBpf;
    private final Kfuncs handlerKfuncs;

    BpfOom(Boot boot, CgroupBpf cgroupBpf, Kfuncs handlerKfuncs) {
        this.boot = boot; this.cgroupBpf = cgroupBpf; this.handlerKfuncs = handlerKfuncs;
    }

    // mm/bpf_oom.c:bpf_ops_handle_oom@1ab98bb5
    private int bpfOpsHandleOom(BpfOomOps bpfOomOps, StructOpsLink stLink, OomControl oc) {
        oc.setBpfHandlerName(bpfOomOps.name());
        oc.setBpfMemoryFreed(false);
        // pagefault_disable() … pagefault_enable(): nothing to model
        int ret = bpfOomOps.handleOutOfMemory().handleOutOfMemory(oc.view(), stLink, handlerKfuncs);
        oc.setBpfHandlerName(null);
        boot.world().trace().bpfOomHandler(oc, bpfOomOps.name(), stLink.cgroup.path(), ret, oc.bpfMemoryFreed());
        return ret;
    }

    // mm/bpf_oom.c:bpf_handle_oom@1ab98bb5 — the nearest bpf_oom_ops walking the cgroup tree upwards from oc->memcg
    // (root_mem_cgroup for a system-wide OOM)
    boolean bpfHandleOom(OomControl oc) {
        int ret = 0;
        Memcg memcg = oc.memcg() != null ? oc.memcg() : boot.world().rootMemcg();
        for (; memcg != null; memcg = memcg.parent()) {
            StructOpsLink stLink = cgroupBpf.bpfOomLink(memcg);
            if (stLink == null) continue;
            BpfOomOps map = stLink.map;
            if (map == null) continue;
            ret = bpfOpsHandleOom(map, stLink, oc);
            if (ret != 0 && oc.bpfMemoryFreed()) break;
            ret = 0;
        }
        return ret != 0 && oc.bpfMemoryFreed();
    }

    // mm/bpf_oom.c:bpf_oom_ops_reg@1ab98bb5 — link required, cgroup required, one per cgroup (cmpxchg)
    int bpfOomOpsReg(BpfOomOps kdata, StructOpsLink link) {
        if (link == null) return Errno.EOPNOTSUPP.neg();
        Memcg cgrp = link.cgroup;
        if (cgrp == null) return Errno.EINVAL.neg();
        if (cgroupBpf.bpfOomLink.putIfAbsent(cgrp, link) != null) return Errno.EEXIST.neg();
        return 0;
    }

    // mm/bpf_oom.c:bpf_oom_ops_unreg@1ab98bb5
    void bpfOomOpsUnreg(BpfOomOps kdata, StructOpsLink link) {
        if (link == null) return;
        Memcg cgrp = link.cgroup;
        if (cgrp == null) return;
        cgroupBpf.bpfOomLink.remove(cgrp, link); // WARN_ON when another link occupies the slot
    }

    // mm/bpf_oom.c:bpf_oom_ops_check_member@1ab98bb5 — handle_out_of_memory must have a program
    static int bpfOomOpsCheckMember(String member, boolean hasProg) {
        if (member.equals("handle_out_of_memory") && !hasProg) return Errno.EINVAL.neg();
        return 0;
    }

    // mm/bpf_oom.c:bpf_oom_ops_init_member@1ab98bb5 — name copied with strscpy_pad (63 chars + NUL), empty → default
    static String bpfOomOpsInitMemberName(String uname) {
        String n = uname == null ? "" : uname;
        if (n.isEmpty()) n = "bpf_defined_policy";
        return n.length() > BpfOomOps.BPF_OOM_NAME_MAX_LEN - 1 ? n.substring(0, BpfOomOps.BPF_OOM_NAME_MAX_LEN - 1) : n;
    }

    /** The members of struct bpf_oom_ops that take a program. */
    static final Set<String> PROG_MEMBERS = Set.of("handle_out_of_memory");
}
