package dev.oomspec.reference.series.post;

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
import java.util.function.Function;

/**
 * post-v3 booted: the initcalls (bpf_oom_init, bpf_oom_struct_ops_init, bpf_memcontrol_init and the other subsystems'
 * STRUCT_OPS kfuncs) have run against {@link Boot#btf()}, and the pieces are wired as the kernel wires them.
 */
public class Series implements SeriesModel {
    private final Boot boot;
    private final OomKillBpf oomKillBpf;
    private final BpfMemcontrol bpfMemcontrol;
    private final CgroupBpf cgroupBpf = new CgroupBpf();

    public Series(Boot boot) { this(boot, OomKillBpf::new); }

    protected Series(Boot boot, Function<Boot, OomKillBpf> oomKill) {
        this.boot = boot;
        this.oomKillBpf = oomKill.apply(boot);
        this.bpfMemcontrol = new BpfMemcontrol(boot);
        BpfOom bpfOom = new BpfOom(boot, cgroupBpf, new Kfuncs(this, handlerProg()));
        this.oomKillBpf.setBpfOom(bpfOom);
        oomKillBpf.bpfOomInit(boot.btf());
        BpfMemcontrol.bpfMemcontrolInit(boot.btf());
        Mainline.registerTcpCaKfuncs(boot.btf());
    }

    OomKillBpf oomKillBpf() { return oomKillBpf; }
    BpfMemcontrol bpfMemcontrol() { return bpfMemcontrol; }
    public CgroupBpf cgroupBpf() { return cgroupBpf; }

    @Override public SeriesRevision revision() { return SeriesRevision.POST; }
    @Override public String id() { return "post"; }
    @Override public Boot boot() { return boot; }
    @Override public BpfOomHook hook() { return oomKillBpf; }

    /** SEC("struct_ops.s/handle_out_of_memory"): a sleepable bpf_oom_ops program. */
    @Override public BpfProg handlerProg() { return BpfProg.structOps("bpf_oom_ops", true); }

    /** The kfuncs as {@code prog} sees them. */
    public Kfuncs kfuncs(BpfProg prog) { return new Kfuncs(this, prog); }

    @Override public Outcome kfunc(BpfProg caller, String kfunc, KfuncArgs args, OomControl oc) {
        return new Kfuncs(this, caller).call(kfunc, args, oc.view());
    }

    /**
     * Registers {@code udata} with the cgroup layer (bpf_map__attach_cgroup_opts() in the post selftests): the map
     * update's check_member/init_member, then the attach to the cgroup of {@code req.fd()} (root without one).
     */
    public int attach(BpfOomOps udata, java.util.Set<String> membersWithProg, AttachRequest req) {
        for (String member : BpfOom.PROG_MEMBERS) {
            int err = BpfOom.bpfOomOpsCheckMember(member, membersWithProg.contains(member));
            if (err != 0) return err;
        }
        BpfOomOps kdata = new BpfOomOps(membersWithProg.contains("handle_out_of_memory") ? udata.handleOutOfMemory() : null,
                BpfOom.bpfOomOpsInitMemberName(udata.name()));
        Memcg cgrp = req.fd() instanceof AttachRequest.Valid v ? v.cgroup() : boot.world().rootMemcg();
        return cgroupBpf.attach(cgrp, kdata);
    }

    @Override public Outcome attachOom(AttachRequest req, String name, Handler handler) {
        if (req.fd() instanceof AttachRequest.Bad)
            return Outcome.no("post's cgroup struct_ops layer (unmerged, not read) defines the bad-fd error");
        if (!req.viaLink()) {
            for (String member : BpfOom.PROG_MEMBERS) {
                int err = BpfOom.bpfOomOpsCheckMember(member, req.members().contains(member));
                if (err != 0) return Outcome.ret(err);
            }
            return Outcome.no("post has no registration without a cgroup link (no .reg)");
        }
        BpfOomOps udata = new BpfOomOps((oc, cgrp, kfuncs) -> handler.handleOutOfMemory(oc, new Handler.Context() {
            @Override public Memcg attachedTo() { return cgrp; }
            @Override public Outcome kfunc(String k, KfuncArgs a) { return kfuncs.call(k, a, oc); }
        }), name);
        return Outcome.ret(attach(udata, req.members(), req));
    }
}
