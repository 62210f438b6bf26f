package dev.oomspec.reference.series;

import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControlView;
import dev.oomspec.reference.mm.Task;

/**
 * The kfuncs a {@code bpf_oom_ops} handler can call in v3 and post-v3 (the series' own and the memcg kfuncs merged in
 * 7.0), as each revision's {@code Kfuncs} implements them for one program: the verifier's verdict first, then that
 * revision's transcribed body. Only the shape is shared; each revision keeps its own code.
 */
public interface HandlerKfuncs {
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
}
