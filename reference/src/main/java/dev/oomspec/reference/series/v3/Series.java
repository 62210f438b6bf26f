package dev.oomspec.reference.series.v3;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.mm.BpfOomHook;
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
import dev.oomspec.reference.uapi.BpfLink;
import java.util.function.Function;

/**
 * v3 booted: the initcalls (bpf_oom_init, bpf_oom_struct_ops_init, bpf_memcontrol_init and the other subsystems'
 * STRUCT_OPS kfuncs) have run against {@link Boot#btf()}, and the pieces are wired as the kernel wires them.
 */
public class Series implements SeriesModel {
    private final Boot boot;
    private final OomKillBpf oomKillBpf;
    private final BpfMemcontrol bpfMemcontrol;
    private final CgroupBpf cgroupBpf = new CgroupBpf();
    private final BpfStructOps bpfStructOps;

    public Series(Boot boot) { this(boot, OomKillBpf::new); }

    protected Series(Boot boot, Function<Boot, OomKillBpf> oomKill) {
        this.boot = boot;
        this.oomKillBpf = oomKill.apply(boot);
        this.bpfMemcontrol = new BpfMemcontrol(boot);
        BpfOom bpfOom = new BpfOom(boot, cgroupBpf, new Kfuncs(this, handlerProg()));
        this.oomKillBpf.setBpfOom(bpfOom);
        this.bpfStructOps = new BpfStructOps(bpfOom, cgroupBpf);
        oomKillBpf.bpfOomInit(boot.btf());
        BpfMemcontrol.bpfMemcontrolInit(boot.btf());
        Mainline.registerTcpCaKfuncs(boot.btf());
    }

    OomKillBpf oomKillBpf() { return oomKillBpf; }
    BpfMemcontrol bpfMemcontrol() { return bpfMemcontrol; }
    public CgroupBpf cgroupBpf() { return cgroupBpf; }

    @Override public SeriesRevision revision() { return SeriesRevision.V3; }
    @Override public String id() { return "v3"; }
    @Override public Boot boot() { return boot; }
    @Override public BpfOomHook hook() { return oomKillBpf; }

    /** SEC("struct_ops.s/handle_out_of_memory"): a sleepable bpf_oom_ops program. */
    @Override public BpfProg handlerProg() { return BpfProg.structOps("bpf_oom_ops", true); }

    /** The kfuncs as {@code prog} sees them. */
    public Kfuncs kfuncs(BpfProg prog) { return new Kfuncs(this, prog); }

    @Override public Outcome kfunc(BpfProg caller, String kfunc, KfuncArgs args, OomControl oc) {
        return new Kfuncs(this, caller).call(kfunc, args, oc.view());
    }

    /** Registers {@code udata} through BPF_LINK_CREATE (or the legacy map update), by v3's rules. */
    public int attach(BpfOomOps udata, java.util.Set<String> membersWithProg, AttachRequest req) {
        BpfStructOps.Kdata kdata = bpfStructOps.bpfStructOpsMapUpdateElem(udata, membersWithProg);
        if (kdata.err() != 0) return kdata.err();
        if (!req.viaLink()) return bpfStructOps.legacyRegister(kdata.ops());
        int flags = req.linkFlags() != null ? req.linkFlags()
                : req.fd() instanceof AttachRequest.None ? 0 : BpfLink.BPF_F_CGROUP_FD;
        int err = bpfStructOps.bpfStructOpsLinkCreate(kdata.ops(), flags, req.fd());
        if (err == 0 && req.viaLink() && req.fd() instanceof AttachRequest.Valid v)
            links.put(udata.name(), new Link(kdata.ops(), cgroupBpf.bpfOomLink(v.cgroup())));
        return err;
    }

    /** An ops registered through a cgroup link, and that link. */
    private record Link(BpfOomOps kdata, StructOpsLink link) {}
    private final java.util.Map<String, Link> links = new java.util.HashMap<>();

    @Override public Outcome releaseOomLink(String name) {
        Link l = links.remove(name);
        if (l == null) return Outcome.no("v3: no bpf_oom_ops named " + name + " was registered through a cgroup link");
        bpfStructOps.bpfStructOpsMapLinkDealloc(l.kdata(), l.link());
        return Outcome.ret(0);
    }

    @Override public Outcome attachOom(AttachRequest req, String name, Handler handler) {
        BpfOomOps udata = new BpfOomOps((oc, stLink, kfuncs) -> handler.handleOutOfMemory(oc, new Handler.Context() {
            @Override public Memcg attachedTo() { return stLink.cgroup(); }
            @Override public Outcome kfunc(String k, KfuncArgs a) { return kfuncs.call(k, a, oc); }
        }), name);
        return Outcome.ret(attach(udata, req.members(), req));
    }
}
