package dev.oomspec.reference.series.v2;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.uapi.Errno;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/** mm/bpf_oom.c of v2, transcribed from kernel-patches/bpf e70cb51b60e6 in the file's order. */
public final class BpfOom {
    private final Boot boot;
    private final Kfuncs handlerKfuncs;
    /** static struct bpf_oom_ops *system_bpf_oom. */
    private BpfOomOps systemBpfOom;
    /** memcg->bpf_oom. */
    private final Map<Memcg, BpfOomOps> memcgBpfOom = new IdentityHashMap<>();

    BpfOom(Boot boot, Kfuncs handlerKfuncs) { this.boot = boot; this.handlerKfuncs = handlerKfuncs; }

    // mm/bpf_oom.c:bpf_ops_handle_oom@e70cb51b
    private int bpfOpsHandleOom(BpfOomOps bpfOomOps, Memcg memcg, OomControl oc) {
        BpfOomOps.BpfOomCtx execCtx = new BpfOomOps.BpfOomCtx(memcg != null ? memcg.cgroupId() : 0);
        oc.setBpfPolicyName(bpfOomOps.name());
        oc.setBpfMemoryFreed(false);
        int ret = bpfOomOps.handleOutOfMemory().handleOutOfMemory(oc.view(), execCtx, handlerKfuncs);
        oc.setBpfPolicyName(null);
        boot.world().trace().bpfOomHandler(oc, bpfOomOps.name(), memcg == null ? "system" : memcg.path(), ret,
                oc.bpfMemoryFreed());
        return ret;
    }

    // mm/bpf_oom.c:bpf_handle_oom@e70cb51b — memcg handlers from oc->memcg upwards, then system_bpf_oom
    boolean bpfHandleOom(OomControl oc) {
        int ret = 0;
        for (Memcg memcg = oc.memcg(); memcg != null; memcg = memcg.parent()) {
            BpfOomOps bpfOomOps = memcgBpfOom.get(memcg);
            if (bpfOomOps == null) continue;
            ret = bpfOpsHandleOom(bpfOomOps, memcg, oc);
            if (ret != 0 && oc.bpfMemoryFreed()) return true; // goto exit
        }
        BpfOomOps bpfOomOps = systemBpfOom;
        if (bpfOomOps == null) return ret != 0 && oc.bpfMemoryFreed();
        ret = bpfOpsHandleOom(bpfOomOps, null, oc);
        return ret != 0 && oc.bpfMemoryFreed();
    }

    // mm/bpf_oom.c:bpf_oom_ops_reg@e70cb51b — cgroup id → memcg slot, or the system slot; -EBUSY when taken
    int bpfOomOpsReg(BpfOomOps kdata, long linkCgroupId) {
        Memcg memcg = null;
        if (linkCgroupId != 0) {
            memcg = boot.world().memcontrol().lookupById(linkCgroupId); // mem_cgroup_get_from_ino()
            if (memcg == null) return Errno.ENOENT.neg();               // IS_ERR_OR_NULL → PTR_ERR
            if (memcgBpfOom.get(memcg) != null) return Errno.EBUSY.neg();
            memcgBpfOom.put(memcg, kdata);
            return 0;
        }
        if (systemBpfOom != null) return Errno.EBUSY.neg();
        systemBpfOom = kdata;
        return 0;
    }

    // mm/bpf_oom.c:bpf_oom_ops_unreg@e70cb51b
    void bpfOomOpsUnreg(BpfOomOps kdata, long linkCgroupId) {
        if (linkCgroupId != 0) {
            Memcg memcg = boot.world().memcontrol().lookupById(linkCgroupId);
            if (memcg != null && memcgBpfOom.get(memcg) == kdata) memcgBpfOom.remove(memcg);
        } else if (systemBpfOom == kdata) {
            systemBpfOom = null;
        }
    }

    // mm/bpf_oom.c:bpf_oom_memcg_offline@e70cb51b — called from mem_cgroup_css_offline()
    public void bpfOomMemcgOffline(Memcg memcg) {
        BpfOomOps bpfOomOps = memcgBpfOom.remove(memcg);
        if (bpfOomOps != null && bpfOomOps.handleCgroupOffline() != null) {
            long cgrpId = memcg.cgroupId();
            bpfOomOps.handleCgroupOffline().handleCgroupOffline(cgrpId, new BpfOomOps.BpfOomCtx(cgrpId));
        }
    }

    // mm/bpf_oom.c:bpf_oom_ops_check_member@e70cb51b — handle_out_of_memory must have a program
    static int bpfOomOpsCheckMember(String member, boolean hasProg) {
        if (member.equals("handle_out_of_memory") && !hasProg) return Errno.EINVAL.neg();
        return 0;
    }

    // mm/bpf_oom.c:bpf_oom_ops_init_member@e70cb51b — name copied with strscpy_pad (63 chars + NUL), empty → default
    static String bpfOomOpsInitMemberName(String uname) {
        String n = uname == null ? "" : uname;
        if (n.isEmpty()) n = "bpf_defined_policy";
        return n.length() > BpfOomOps.BPF_OOM_NAME_MAX_LEN - 1 ? n.substring(0, BpfOomOps.BPF_OOM_NAME_MAX_LEN - 1) : n;
    }

    /** The members of struct bpf_oom_ops that take a program. */
    static final Set<String> PROG_MEMBERS = Set.of("handle_out_of_memory", "handle_cgroup_offline");
}
