package dev.oomspec.reference.series.v2;

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
 * v2 booted: the initcalls (bpf_oom_init, bpf_oom_struct_ops_init, bpf_memcontrol_init, bpf_psi_struct_ops_init and
 * the other subsystems' STRUCT_OPS kfuncs) have run against {@link Boot#btf()}, and the pieces are wired as the kernel
 * wires them.
 */
public class Series implements SeriesModel {
    private final Boot boot;
    private final OomKillBpf oomKillBpf;
    private final BpfMemcontrol bpfMemcontrol;
    private final BpfPsi bpfPsi;
    private final BpfOom bpfOom;
    private final BpfStructOps bpfStructOps;

    public Series(Boot booted) {
        this.boot = booted.onTree(Btf.Tree.BEFORE_RAW_TP_KFUNCS); // posted against bpf-next of Oct 2025
        this.oomKillBpf = new OomKillBpf(boot);
        this.bpfMemcontrol = new BpfMemcontrol(boot);
        this.bpfPsi = new BpfPsi(boot);
        this.bpfOom = new BpfOom(boot, new Kfuncs(this, handlerProg()));
        this.oomKillBpf.setBpfOom(bpfOom);
        this.bpfStructOps = new BpfStructOps(bpfOom);
        oomKillBpf.bpfOomInit(boot.btf());
        BpfMemcontrol.bpfMemcontrolInit(boot.btf());
        BpfPsi.bpfPsiStructOpsInit(boot.btf());
        Mainline.registerTcpCaKfuncs(boot.btf());
    }

    OomKillBpf oomKillBpf() { return oomKillBpf; }
    BpfMemcontrol bpfMemcontrol() { return bpfMemcontrol; }
    BpfPsi bpfPsi() { return bpfPsi; }
    public BpfOom bpfOom() { return bpfOom; }

    @Override public SeriesRevision revision() { return SeriesRevision.V2; }
    @Override public String id() { return "v2"; }
    @Override public Boot boot() { return boot; }
    @Override public BpfOomHook hook() { return oomKillBpf; }

    /** SEC("struct_ops.s/handle_out_of_memory"): a sleepable bpf_oom_ops program. */
    @Override public BpfProg handlerProg() { return BpfProg.structOps("bpf_oom_ops", true); }

    /** The kfuncs as {@code prog} sees them. */
    public Kfuncs kfuncs(BpfProg prog) { return new Kfuncs(this, prog); }

    @Override public Outcome kfunc(BpfProg caller, String kfunc, KfuncArgs args, OomControl oc) {
        return new Kfuncs(this, caller).call(kfunc, args, oc.view());
    }

    /** Registers {@code udata} by BPF_LINK_CREATE with {@code relativeFd} (None = system-wide), by v2's rules. */
    public int attach(BpfOomOps udata, Set<String> membersWithProg, AttachRequest.Fd relativeFd) {
        BpfStructOps.Kdata kdata = bpfStructOps.bpfStructOpsMapUpdateElem(udata, membersWithProg);
        if (kdata.err() != 0) return kdata.err();
        int err = bpfStructOps.bpfStructOpsLinkCreate(kdata.ops(), relativeFd);
        if (err == 0) links.put(udata.name(), new Link(kdata.ops(),
                relativeFd instanceof AttachRequest.Valid v ? v.cgroup().cgroupId() : 0));
        return err;
    }

    /** An ops registered through a link, and that link's cgroup_id (0 = the system slot). */
    private record Link(BpfOomOps kdata, long cgroupId) {}
    private final java.util.Map<String, Link> links = new java.util.HashMap<>();

    @Override public Outcome releaseOomLink(String name) {
        Link l = links.remove(name);
        if (l == null) return Outcome.no("v2: no bpf_oom_ops named " + name + " was registered through a link");
        bpfStructOps.bpfStructOpsMapLinkDealloc(l.kdata(), l.cgroupId());
        return Outcome.ret(0);
    }

    @Override public Outcome attachOom(AttachRequest req, String name, Handler handler) {
        if (req.linkFlags() != null && req.linkFlags() != 0)
            return Outcome.no("v2 02 reads only link_create.cgroup.relative_fd; link flags are not part of v2's attach");
        if (!req.viaLink()) {
            BpfStructOps.Kdata kdata = bpfStructOps.bpfStructOpsMapUpdateElem(new BpfOomOps(null, null, name), req.members());
            if (kdata.err() != 0) return Outcome.ret(kdata.err());
            return Outcome.no("v2's bpf_oom_ops_reg() dereferences the link (container_of) — a map update without a link is undefined");
        }
        BpfOomOps udata = new BpfOomOps((oc, ctx, kfuncs) -> handler.handleOutOfMemory(oc, new Handler.Context() {
            @Override public Memcg attachedTo() {
                return ctx.cgroupId() == 0 ? null : boot.world().memcontrol().lookupById(ctx.cgroupId());
            }
            @Override public Outcome kfunc(String k, KfuncArgs a) { return kfuncs.call(k, a, oc); }
        }), null, name);
        return Outcome.ret(attach(udata, req.members(), req.fd()));
    }

    @Override public java.util.List<String> psiOpsMembers() { return BpfPsi.MEMBERS; }

    @Override public void setCapSysResource(boolean capable) { bpfPsi.setCapSysResource(capable); }

    @Override public Outcome attachPsi(Set<String> members, IntSupplier init) {
        return BpfPsi.register(members, init);
    }
}
