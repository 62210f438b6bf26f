package dev.oomspec.reference.series.v1;

import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.series.Boot;
import java.util.ArrayList;
import java.util.List;

/** mm/bpf_oom.c of v1, transcribed from v1 01/14 (Message-ID 20250818170136.209169-2-roman.gushchin@linux.dev). */
public final class BpfOom {
    /** struct bpf_oom { struct bpf_oom_ops *ops; struct list_head node; struct srcu_struct srcu; }. */
    static final class BpfOomEntry { BpfOomOps ops; }

    private final Boot boot;
    private final Kfuncs handlerKfuncs;
    /** static LIST_HEAD(bpf_oom_handlers): index 0 is the head. */
    private final List<BpfOomEntry> bpfOomHandlers = new ArrayList<>();

    BpfOom(Boot boot, Kfuncs handlerKfuncs) { this.boot = boot; this.handlerKfuncs = handlerKfuncs; }

    // mm/bpf_oom.c:bpf_handle_oom@v1 01 — bpf_memory_freed cleared once; the list in list order; ops without a
    // handler skipped; the first call returning non-zero with bpf_memory_freed set stops the walk
    boolean bpfHandleOom(OomControl oc) {
        int ret = 0;
        oc.setBpfMemoryFreed(false);
        for (BpfOomEntry bpfOom : List.copyOf(bpfOomHandlers)) {
            BpfOomOps ops = bpfOom.ops;
            if (ops == null || ops.handleOutOfMemory() == null) continue;
            String name = !ops.name().isEmpty() ? ops.name() : "bpf_defined_policy";
            oc.setBpfPolicyName(name);
            ret = ops.handleOutOfMemory().handleOutOfMemory(oc.view(), handlerKfuncs);
            oc.setBpfPolicyName(null);
            boot.world().trace().bpfOomHandler(oc, name, "system", ret, oc.bpfMemoryFreed());
            if (ret != 0 && oc.bpfMemoryFreed()) break;
        }
        return ret != 0 && oc.bpfMemoryFreed();
    }

    // mm/bpf_oom.c:bpf_oom_ops_reg@v1 01 — kmalloc (-ENOMEM not modelled), list_add_rcu at the head; the link is
    // not looked at
    int bpfOomOpsReg(BpfOomOps kdata) {
        BpfOomEntry bpfOom = new BpfOomEntry();
        bpfOom.ops = kdata;
        bpfOomHandlers.add(0, bpfOom);
        return 0;
    }

    // mm/bpf_oom.c:bpf_oom_ops_unreg@v1 01
    void bpfOomOpsUnreg(BpfOomOps kdata) {
        bpfOomHandlers.removeIf(e -> e.ops == kdata);
    }

    // mm/bpf_oom.c:bpf_oom_ops_init_member@v1 01 — name copied with strscpy_pad (63 chars + NUL); no default here
    static String bpfOomOpsInitMemberName(String uname) {
        String n = uname == null ? "" : uname;
        return n.length() > BpfOomOps.BPF_OOM_NAME_MAX_LEN - 1 ? n.substring(0, BpfOomOps.BPF_OOM_NAME_MAX_LEN - 1) : n;
    }
}
