package dev.oomspec.reference.policy;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControlView;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.series.HandlerKfuncs;
import dev.oomspec.reference.series.SeriesModel;

/**
 * The kfuncs of one revision's transcription, as the handler program sees them ({@code series.<rev>.Kfuncs}: the
 * verifier's verdict first — a refused call throws {@code KfuncRejected} — then the transcribed body), with the program
 * and its BTF. No check is repeated here: each kfunc is one call into the revision's own class.
 */
interface SeriesCalls extends HandlerKfuncs {
    Btf btf();
    BpfProg prog();

    /** v3's or post-v3's {@code Kfuncs} for the handler program of {@code s}. */
    static SeriesCalls of(HandlerKfuncs k, SeriesModel s) {
        return new SeriesCalls() {
            public Btf btf() { return s.boot().btf(); }
            public BpfProg prog() { return s.handlerProg(); }
            public int bpfOomKillProcess(OomControlView oc, Task t, String m) { return k.bpfOomKillProcess(oc, t, m); }
            public boolean bpfTaskIsOomVictim(Task t) { return k.bpfTaskIsOomVictim(t); }
            public int bpfOutOfMemory(Memcg m, int o, long f) { return k.bpfOutOfMemory(m, o, f); }
            public Memcg bpfGetRootMemCgroup() { return k.bpfGetRootMemCgroup(); }
            public Memcg bpfGetMemCgroup(Memcg css) { return k.bpfGetMemCgroup(css); }
            public void bpfPutMemCgroup(Memcg m) { k.bpfPutMemCgroup(m); }
            public long bpfMemCgroupUsage(Memcg m) { return k.bpfMemCgroupUsage(m); }
            public long bpfMemCgroupPageState(Memcg m, int i) { return k.bpfMemCgroupPageState(m, i); }
            public long bpfMemCgroupMemoryEvents(Memcg m, int e) { return k.bpfMemCgroupMemoryEvents(m, e); }
            public long bpfMemCgroupVmEvents(Memcg m, int e) { return k.bpfMemCgroupVmEvents(m, e); }
            public void bpfMemCgroupFlushStats(Memcg m) { k.bpfMemCgroupFlushStats(m); }
        };
    }
}
