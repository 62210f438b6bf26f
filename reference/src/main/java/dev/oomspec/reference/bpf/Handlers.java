package dev.oomspec.reference.bpf;

import dev.oomspec.reference.memcg.Memcg;
import dev.oomspec.reference.memcg.Memcontrol;
import dev.oomspec.reference.mm.OomControl;
import dev.oomspec.reference.mm.OomKill;
import dev.oomspec.reference.mm.Task;
import java.util.List;
import java.util.function.Function;

/** Ready-made handler behaviours for clauses and tests. */
public final class Handlers {
    private Handlers() {}

    private record Simple(String name, Fn fn) implements BpfOomHandler {
        @Override public int handleOutOfMemory(OomControl oc, Ctx ctx) { return fn.apply(oc, ctx); }
    }

    /** The program body. */
    @FunctionalInterface public interface Fn { int apply(OomControl oc, BpfOomHandler.Ctx ctx); }

    public static BpfOomHandler of(String name, Fn fn) { return new Simple(name, fn); }

    /** Returns {@code ret} and does nothing else (a handler that "promises" without proof when ret = 1). */
    public static BpfOomHandler returns(String name, int ret) { return of(name, (oc, ctx) -> ret); }

    /**
     * Kills the task chosen by {@code pick} (looked up when the handler runs) with bpf_oom_kill_process(oc,
     * task, message), then returns {@code ret}. Records the kfunc's return in {@code lastKfuncRet[0]} if given.
     */
    public static BpfOomHandler kills(String name, Function<OomControl, Task> pick, String message, int ret, int[] lastKfuncRet) {
        return of(name, (oc, ctx) -> {
            int r = ctx.kfuncs().bpfOomKillProcess(oc, pick.apply(oc), message);
            if (lastKfuncRet != null) lastKfuncRet[0] = r;
            return ret;
        });
    }

    /**
     * The test_oom selftest policy "bpf_test_policy" (bpf-oom-series.md §9.1): decline at the OOMing memcg's own
     * attachment (v2: ctx.cgroup_id != 0; v3/post: link cgroup == OOMing memcg); otherwise among leaf memcgs
     * below the OOMing memcg (or root) without an OOM_SCORE_ADJ_MIN process, pick the largest
     * usage − NR_FILE_PAGES and kill every process in it with "bpf oom test"; v2+: stop at an existing victim.
     */
    public static BpfOomHandler testOomPolicy(SeriesRevision rev) {
        return of("bpf_test_policy", (oc, ctx) -> {
            BpfKfuncs k = ctx.kfuncs();
            if (rev == SeriesRevision.V2 && ctx.cgroupId() != 0) return 0;
            if ((rev == SeriesRevision.V3 || rev == SeriesRevision.POST) && ctx.attachedTo() != null
                    && ctx.attachedTo() == (oc.memcg() == null ? k.bpfGetRootMemCgroup() : oc.memcg())) return 0;
            Memcg top = oc.memcg() == null ? k.bpfGetRootMemCgroup() : oc.memcg();
            Memcg victim = null;
            long best = Long.MIN_VALUE;
            for (Memcg m : Memcontrol.preOrder(top)) {
                if (!m.children().isEmpty()) continue; // nr_descendants + nr_dying_descendants != 0
                if (m.tasks().stream().anyMatch(t -> t.oomScoreAdj() == OomKill.OOM_SCORE_ADJ_MIN)) continue;
                long usage = k.bpfMemCgroupUsage(m) - k.bpfMemCgroupPageState(m, BpfKfuncs.NR_FILE_PAGES);
                if (usage > best) { best = usage; victim = m; }
            }
            if (victim == null) return 0;
            List<Task> procs = victim.tasks().stream().filter(Task::threadGroupLeader).toList();
            for (Task t : procs) {
                if (k.hasTaskIsOomVictim()) {
                    if (k.bpfTaskIsOomVictim(t)) {
                        if (rev == SeriesRevision.V1) continue; // v1: skip that task
                        return 1; // v2+: stop
                    }
                }
                k.bpfOomKillProcess(oc, t, "bpf oom test");
            }
            return 1;
        });
    }
}
