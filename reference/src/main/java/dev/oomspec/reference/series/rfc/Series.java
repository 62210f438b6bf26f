package dev.oomspec.reference.series.rfc;

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
import dev.oomspec.reference.uapi.BpfProgType;

/** The RFC booted: bpf_oom_init and bpf_memcontrol_init have run against {@link Boot#btf()}. */
public class Series implements SeriesModel {
    private final Boot boot;
    private final OomKillBpf oomKillBpf;
    private final BpfMemcontrol bpfMemcontrol;
    private boolean fmodRetAttached;

    public Series(Boot booted) {
        this.boot = booted.onTree(Btf.Tree.BEFORE_RAW_TP_KFUNCS); // posted against bpf-next of Apr 2025
        this.oomKillBpf = new OomKillBpf(boot, new Kfuncs(this, handlerProg()));
        this.bpfMemcontrol = new BpfMemcontrol(boot);
        oomKillBpf.bpfOomInit(boot.btf());
        BpfMemcontrol.bpfMemcontrolInit(boot.btf());
        Mainline.registerTcpCaKfuncs(boot.btf());
    }

    OomKillBpf oomKillBpf() { return oomKillBpf; }
    BpfMemcontrol bpfMemcontrol() { return bpfMemcontrol; }

    @Override public SeriesRevision revision() { return SeriesRevision.RFC; }
    @Override public String id() { return "RFC"; }
    @Override public Boot boot() { return boot; }
    @Override public BpfOomHook hook() { return oomKillBpf; }

    /** SEC("fmod_ret.s/bpf_handle_out_of_memory"): a sleepable TRACING program on the hook. */
    @Override public BpfProg handlerProg() { return BpfProg.of(BpfProgType.TRACING, "func bpf_handle_out_of_memory", true); }

    /** The kfuncs as {@code prog} sees them. */
    public Kfuncs kfuncs(BpfProg prog) { return new Kfuncs(this, prog); }

    @Override public Outcome kfunc(BpfProg caller, String kfunc, KfuncArgs args, OomControl oc) {
        return new Kfuncs(this, caller).call(kfunc, args, oc.view());
    }

    /** Attaches the fmod_ret program {@code progName} to bpf_handle_out_of_memory (the model keeps one). */
    public boolean attach(String progName, BpfOomHookProg prog) {
        if (fmodRetAttached) return false;
        fmodRetAttached = true;
        oomKillBpf.attachFmodRet(progName, prog);
        return true;
    }

    @Override public Outcome attachOom(AttachRequest req, String name, Handler handler) {
        if (req.viaLink() && req.linkFlags() != null) return Outcome.no("the RFC has no struct_ops: the handler is an fmod_ret program");
        if (!(req.fd() instanceof AttachRequest.None)) return Outcome.no("the RFC's hook is system-wide (no cgroup)");
        boolean ok = attach(name, (oc, kfuncs) -> handler.handleOutOfMemory(oc, new Handler.Context() {
            @Override public Memcg attachedTo() { return null; }
            @Override public Outcome kfunc(String k, KfuncArgs a) { return kfuncs.call(k, a, oc); }
        }));
        return ok ? Outcome.ret(0) : Outcome.no("the model attaches one fmod_ret program to bpf_handle_out_of_memory");
    }
}
