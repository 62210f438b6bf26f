package dev.oomspec.reference.series.post;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.Errno;
import java.util.Set;

/**
 * mm/bpf_oom.c of post-v3, transcribed from rgushchin/linux f8f699c3c785 in the file's order. Attaching is the
 * generic cgroup struct_ops layer's ({@link CgroupBpf}); this file has no reg/unreg any more.
 */
public final class BpfOom {
    private final Boot boot;
    private final CgroupBpf cgroupBpf;
    private final Kfuncs handlerKfuncs;

    BpfOom(Boot boot, CgroupBpf cgroupBpf, Kfuncs handlerKfuncs) {
        this.boot = boot; this.cgroupBpf = cgroupBpf; this.handlerKfuncs = handlerKfuncs;
    }

    // mm/bpf_oom.c:bpf_ops_handle_oom@f8f699c3
    private int bpfOpsHandleOom(BpfOomOps bpfOomOps, Memcg cgrp, OomControl oc) {
        oc.setBpfHandlerName(bpfOomOps.name());
        oc.setBpfMemoryFreed(false);
        // pagefault_disable() … pagefault_enable(): nothing to model
        int ret = bpfOomOps.handleOutOfMemory().handleOutOfMemory(oc.view(), cgrp, handlerKfuncs);
        oc.setBpfHandlerName(null);
        boot.world().trace().bpfOomHandler(oc, bpfOomOps.name(), cgrp.path(), ret, oc.bpfMemoryFreed());
        return ret;
    }

    // mm/bpf_oom.c:bpf_handle_oom@f8f699c3 — the effective CGROUP_OOM_OPS array of oc->memcg's cgroup (root for a
    // system-wide OOM), each item called with the cgroup it was attached to
    boolean bpfHandleOom(OomControl oc) {
        int ret = 0;
        if (!cgroupBpf.cgroupBpfEnabled()) return false;
        Memcg memcg = oc.memcg() != null ? oc.memcg() : boot.world().rootMemcg();
        for (CgroupBpf.Item item : cgroupBpf.bpfCgroupStructOpsForeach(memcg)) {
            ret = bpfOpsHandleOom(item.ops(), item.cgroup(), oc);
            if (ret != 0 && oc.bpfMemoryFreed()) break;
            ret = 0;
        }
        return ret != 0 && oc.bpfMemoryFreed();
    }

    // mm/bpf_oom.c:bpf_oom_ops_check_member@f8f699c3 — handle_out_of_memory must have a program
    static int bpfOomOpsCheckMember(String member, boolean hasProg) {
        if (member.equals("handle_out_of_memory") && !hasProg) return Errno.EINVAL.neg();
        return 0;
    }

    // mm/bpf_oom.c:bpf_oom_ops_init_member@f8f699c3 — name copied with strscpy_pad (63 chars + NUL), empty → default
    static String bpfOomOpsInitMemberName(String uname) {
        String n = uname == null ? "" : uname;
        if (n.isEmpty()) n = "bpf_defined_policy";
        return n.length() > BpfOomOps.BPF_OOM_NAME_MAX_LEN - 1 ? n.substring(0, BpfOomOps.BPF_OOM_NAME_MAX_LEN - 1) : n;
    }

    /** The members of struct bpf_oom_ops that take a program. */
    static final Set<String> PROG_MEMBERS = Set.of("handle_out_of_memory");
}
