package dev.oomspec.reference.policy;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControlView;
import dev.oomspec.reference.mm.Task;

/**
 * The kfuncs of one revision's transcription, as the handler program sees them ({@code series.<rev>.Kfuncs}: the
 * verifier's verdict first — a refused call throws {@code KfuncRejected} — then the transcribed body). No check is
 * repeated here: each method is one call into the revision's own class.
 */
interface SeriesCalls {
    Btf btf();
    BpfProg prog();
    int bpfOomKillProcess(OomControlView oc, Task task, String message);
    boolean bpfTaskIsOomVictim(Task task);
    int bpfOutOfMemory(Memcg memcg, int order, long flags);
    Memcg bpfGetRootMemCgroup();
    Memcg bpfGetMemCgroup(Memcg css);
    void bpfPutMemCgroup(Memcg memcg);
    long bpfMemCgroupUsage(Memcg memcg);
    long bpfMemCgroupPageState(Memcg memcg, int idx);
    long bpfMemCgroupMemoryEvents(Memcg memcg, int event);
    long bpfMemCgroupVmEvents(Memcg memcg, int event);
    void bpfMemCgroupFlushStats(Memcg memcg);

    /** v3: {@code dev.oomspec.reference.series.v3.Kfuncs}. */
    static SeriesCalls v3(dev.oomspec.reference.series.v3.Kfuncs k, dev.oomspec.reference.series.SeriesModel s) {
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

    /** post-v3: {@code dev.oomspec.reference.series.post.Kfuncs}. */
    static SeriesCalls post(dev.oomspec.reference.series.post.Kfuncs k, dev.oomspec.reference.series.SeriesModel s) {
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
