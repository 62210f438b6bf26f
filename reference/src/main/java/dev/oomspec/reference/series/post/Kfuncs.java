package dev.oomspec.reference.series.post;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.bpf.Verifier;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.OomControlView;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.series.HandlerKfuncs;
import dev.oomspec.reference.series.KfuncArgs;
import dev.oomspec.reference.series.KfuncRejected;
import dev.oomspec.reference.series.Outcome;
import java.util.List;
import java.util.Set;

/**
 * The kfuncs post-v3 offers, as one program sees them: every call is first checked by the verifier for that program
 * ({@link Verifier#checkKfuncCall}; a rejected program throws {@link KfuncRejected}), then runs the transcribed body
 * and is reported to the world's observers.
 */
public final class Kfuncs implements HandlerKfuncs {
    private final Series series;
    private final BpfProg prog;

    Kfuncs(Series series, BpfProg prog) { this.series = series; this.prog = prog; }

    private void verify(String kfunc) {
        Verifier.KfuncVerdict v = Verifier.checkKfuncCall(series.boot().btf(), prog, kfunc);
        if (v != Verifier.KfuncVerdict.ALLOWED) throw new KfuncRejected(kfunc, v);
    }

    private long report(String kfunc, String args, long ret) {
        series.boot().world().trace().bpfKfunc(kfunc, args, ret);
        return ret;
    }

    /** int bpf_oom_kill_process(struct oom_control *oc, struct task_struct *task, const char *message__str). */
    public int bpfOomKillProcess(OomControlView oc, Task task, String message) {
        verify("bpf_oom_kill_process");
        return (int) report("bpf_oom_kill_process", "task=" + task, series.oomKillBpf().bpfOomKillProcess(oc.kernelOc(), task, message));
    }

    /** int bpf_out_of_memory(struct mem_cgroup *memcg__nullable, int order, u64 flags). */
    public int bpfOutOfMemory(Memcg memcg, int order, long flags) {
        verify("bpf_out_of_memory");
        return (int) report("bpf_out_of_memory", "order=" + order + ",flags=0x" + Long.toHexString(flags),
                series.oomKillBpf().bpfOutOfMemory(memcg, order, flags));
    }

    /** bool bpf_task_is_oom_victim(struct task_struct *task). */
    public boolean bpfTaskIsOomVictim(Task task) {
        verify("bpf_task_is_oom_victim");
        return report("bpf_task_is_oom_victim", "task=" + task, series.oomKillBpf().bpfTaskIsOomVictim(task) ? 1 : 0) == 1;
    }

    /** struct mem_cgroup *bpf_get_root_mem_cgroup(void). */
    public Memcg bpfGetRootMemCgroup() {
        verify("bpf_get_root_mem_cgroup");
        return series.bpfMemcontrol().bpfGetRootMemCgroup();
    }

    /** struct mem_cgroup *bpf_get_mem_cgroup(struct cgroup_subsys_state *css) (KF_ACQUIRE | KF_RET_NULL | KF_RCU). */
    public Memcg bpfGetMemCgroup(Memcg css) {
        verify("bpf_get_mem_cgroup");
        return series.bpfMemcontrol().bpfGetMemCgroup(css);
    }

    /** void bpf_put_mem_cgroup(struct mem_cgroup *memcg) (KF_RELEASE). */
    public void bpfPutMemCgroup(Memcg memcg) {
        verify("bpf_put_mem_cgroup");
        series.bpfMemcontrol().bpfPutMemCgroup(memcg);
    }

    /** unsigned long bpf_mem_cgroup_vm_events(struct mem_cgroup *memcg, enum vm_event_item event). */
    public long bpfMemCgroupVmEvents(Memcg memcg, int event) {
        verify("bpf_mem_cgroup_vm_events");
        return series.bpfMemcontrol().bpfMemCgroupVmEvents(memcg, event);
    }

    /** unsigned long bpf_mem_cgroup_memory_events(struct mem_cgroup *memcg, enum memcg_memory_event event). */
    public long bpfMemCgroupMemoryEvents(Memcg memcg, int event) {
        verify("bpf_mem_cgroup_memory_events");
        return series.bpfMemcontrol().bpfMemCgroupMemoryEvents(memcg, event);
    }

    /** void bpf_mem_cgroup_flush_stats(struct mem_cgroup *memcg) (KF_SLEEPABLE). */
    public void bpfMemCgroupFlushStats(Memcg memcg) {
        verify("bpf_mem_cgroup_flush_stats");
        series.bpfMemcontrol().bpfMemCgroupFlushStats(memcg);
    }

    /** unsigned long bpf_mem_cgroup_usage(struct mem_cgroup *memcg). */
    public long bpfMemCgroupUsage(Memcg memcg) {
        verify("bpf_mem_cgroup_usage");
        return series.bpfMemcontrol().bpfMemCgroupUsage(memcg);
    }

    /** unsigned long bpf_mem_cgroup_page_state(struct mem_cgroup *memcg, int idx). */
    public long bpfMemCgroupPageState(Memcg memcg, int idx) {
        verify("bpf_mem_cgroup_page_state");
        return report("bpf_mem_cgroup_page_state", "idx=" + idx, series.bpfMemcontrol().bpfMemCgroupPageState(memcg, idx));
    }

    /** A call in revision-neutral form, mapped onto post's signatures; {@code oc} is the calling handler's. */
    Outcome call(String kfunc, KfuncArgs a, OomControlView oc) {
        String misfit = switch (kfunc) {
            case "bpf_oom_kill_process" -> a.misfit("bpf_oom_kill_process(oc, task, message__str)",
                    List.of("task", "message"), Set.of());
            case "bpf_out_of_memory" -> a.misfit("bpf_out_of_memory(memcg__nullable, order, flags)",
                    List.of("memcg", "order", "flags"), Set.of("memcg"));
            case "bpf_task_is_oom_victim" -> a.misfit("bpf_task_is_oom_victim(task)", List.of("task"), Set.of());
            case "bpf_mem_cgroup_usage" -> a.misfit("bpf_mem_cgroup_usage(memcg)", List.of("memcg"), Set.of());
            case "bpf_mem_cgroup_page_state" -> a.misfit("bpf_mem_cgroup_page_state(memcg, idx)",
                    List.of("memcg", "idx"), Set.of());
            case "bpf_mem_cgroup_vm_events" -> a.misfit("bpf_mem_cgroup_vm_events(memcg, event)",
                    List.of("memcg", "idx"), Set.of());
            case "bpf_mem_cgroup_memory_events" -> a.misfit("bpf_mem_cgroup_memory_events(memcg, event)",
                    List.of("memcg", "idx"), Set.of());
            case "bpf_get_root_mem_cgroup" -> a.misfit("bpf_get_root_mem_cgroup()", List.of(), Set.of());
            case "bpf_get_mem_cgroup" -> a.misfit("bpf_get_mem_cgroup(css)", List.of("memcg"), Set.of());
            default -> "post has no kfunc " + kfunc + " in this model";
        };
        if (misfit != null) return Outcome.no(misfit);
        try {
            return switch (kfunc) {
                case "bpf_oom_kill_process" -> Outcome.ret(bpfOomKillProcess(oc, a.taskArg(), a.messageArg()));
                case "bpf_out_of_memory" -> Outcome.ret(bpfOutOfMemory(a.memcgArg(), a.orderArg(), a.flagsArg()));
                case "bpf_task_is_oom_victim" -> Outcome.ret(bpfTaskIsOomVictim(a.taskArg()) ? 1 : 0);
                case "bpf_mem_cgroup_usage" -> Outcome.ret(bpfMemCgroupUsage(a.memcgArg()));
                case "bpf_mem_cgroup_vm_events" -> Outcome.ret(bpfMemCgroupVmEvents(a.memcgArg(), a.idxArg()));
                case "bpf_mem_cgroup_memory_events" -> Outcome.ret(bpfMemCgroupMemoryEvents(a.memcgArg(), a.idxArg()));
                case "bpf_get_root_mem_cgroup" -> new Outcome.ReturnedMemcg(bpfGetRootMemCgroup());
                case "bpf_get_mem_cgroup" -> new Outcome.ReturnedMemcg(bpfGetMemCgroup(a.memcgArg()));
                default -> Outcome.ret(bpfMemCgroupPageState(a.memcgArg(), a.idxArg()));
            };
        } catch (KfuncRejected e) {
            return new Outcome.Rejected(e.verdict());
        }
    }
}
