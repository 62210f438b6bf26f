package dev.oomspec.reference.series.v1;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.mm.BpfOomHook;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.series.AttachRequest;
import dev.oomspec.reference.series.Boot;
import dev.oomspec.reference.series.Handler;
import dev.oomspec.reference.series.KfuncArgs;
import dev.oomspec.reference.series.Mainline;
import dev.oomspec.reference.series.Outcome;
import dev.oomspec.reference.series.SeriesModel;
import dev.oomspec.reference.series.SeriesRevision;
import java.util.Set;
import java.util.function.IntSupplier;

/**
 * v1 booted: the initcalls (bpf_oom_init, bpf_oom_struct_ops_init, bpf_memcontrol_init, bpf_psi_struct_ops_init and
 * the other subsystems' STRUCT_OPS kfuncs) have run against {@link Boot#btf()}, and the pieces are wired as the kernel
 * wires them.
 */
public class Series implements SeriesModel {
    private final Boot boot;
    private final OomKillBpf oomKillBpf;
    private final BpfMemcontrol bpfMemcontrol;
    private final BpfPsi bpfPsi;
    private final BpfOom bpfOom;

    public Series(Boot booted) {
        this.boot = booted.onTree(Btf.Tree.BEFORE_RAW_TP_KFUNCS); // posted against bpf-next of Aug 2025
        this.oomKillBpf = new OomKillBpf(boot);
        this.bpfMemcontrol = new BpfMemcontrol(boot);
        this.bpfPsi = new BpfPsi(boot);
        this.bpfOom = new BpfOom(boot, new Kfuncs(this, handlerProg()));
        this.oomKillBpf.setBpfOom(bpfOom);
        oomKillBpf.bpfOomInit(boot.btf());
        BpfMemcontrol.bpfMemcontrolInit(boot.btf());
        BpfPsi.bpfPsiStructOpsInit(boot.btf());
        Mainline.registerTcpCaKfuncs(boot.btf());
    }

    OomKillBpf oomKillBpf() { return oomKillBpf; }
    BpfMemcontrol bpfMemcontrol() { return bpfMemcontrol; }
    BpfPsi bpfPsi() { return bpfPsi; }

    @Override public SeriesRevision revision() { return SeriesRevision.V1; }
    @Override public String id() { return "v1"; }
    @Override public Boot boot() { return boot; }
    @Override public BpfOomHook hook() { return oomKillBpf; }

    /** SEC("struct_ops.s/handle_out_of_memory"): a sleepable bpf_oom_ops program. */
    @Override public BpfProg handlerProg() { return BpfProg.structOps("bpf_oom_ops", true); }

    /** The kfuncs as {@code prog} sees them. */
    public Kfuncs kfuncs(BpfProg prog) { return new Kfuncs(this, prog); }

    @Override public Outcome kfunc(BpfProg caller, String kfunc, KfuncArgs args, OomControl oc) {
        return new Kfuncs(this, caller).call(kfunc, args, oc.view());
    }

    /** Registers {@code udata} (map update, then reg — the link, if any, is not looked at), by v1's rules. */
    public int attach(BpfOomOps udata, Set<String> membersWithProg) {
        BpfOomOps kdata = new BpfOomOps(membersWithProg.contains("handle_out_of_memory") ? udata.handleOutOfMemory() : null,
                BpfOom.bpfOomOpsInitMemberName(udata.name()));
        int err = bpfOom.bpfOomOpsReg(kdata);
        if (err == 0) links.put(udata.name(), kdata);
        return err;
    }

    /** The kernel copy of each registered ops by the name it was loaded with (what its link's dealloc hands to unreg). */
    private final java.util.Map<String, BpfOomOps> links = new java.util.HashMap<>();

    // kernel/bpf/bpf_struct_ops.c:bpf_struct_ops_map_link_dealloc (mainline): st_ops->unreg(kdata, link)
    @Override public Outcome releaseOomLink(String name) {
        BpfOomOps kdata = links.remove(name);
        if (kdata == null) return Outcome.no("v1: no bpf_oom_ops named " + name + " was registered");
        bpfOom.bpfOomOpsUnreg(kdata);
        return Outcome.ret(0);
    }

    @Override public Outcome attachOom(AttachRequest req, String name, Handler handler) {
        if (!(req.fd() instanceof AttachRequest.None)) return Outcome.no("v1 attaches system-wide only (no cgroup fd)");
        if (req.linkFlags() != null && req.linkFlags() != 0) return Outcome.no("v1 has no link flags of its own");
        BpfOomOps udata = new BpfOomOps((oc, kfuncs) -> handler.handleOutOfMemory(oc, new Handler.Context() {
            @Override public Memcg attachedTo() { return null; }
            @Override public Outcome kfunc(String k, KfuncArgs a) { return kfuncs.call(k, a, oc); }
        }), name);
        return Outcome.ret(attach(udata, req.members()));
    }

    @Override public java.util.List<String> psiOpsMembers() { return BpfPsi.MEMBERS; }

    @Override public void setCapSysResource(boolean capable) { bpfPsi.setCapSysResource(capable); }

    @Override public Outcome attachPsi(Set<String> members, IntSupplier init) {
        return BpfPsi.register(members, init);
    }
}
