package dev.oomspec.traces.policy;

import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.policy.Attachment;
import dev.oomspec.reference.policy.Halt;
import dev.oomspec.reference.policy.HandlerRun;
import dev.oomspec.reference.policy.KfuncCall;
import dev.oomspec.reference.policy.Limits;
import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.PolicyLoader;
import dev.oomspec.reference.policy.Revision;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.replay.EventReplayInput;
import dev.oomspec.traces.replay.ReplayInput;
import dev.oomspec.traces.replay.TotalPagesRange;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ExecutionException;

/**
 * Replays recorded OOM events through policies: for each event and policy, the machine is rebuilt
 * ({@link LabWorld}), the revision is booted on it, the policy is attached to the root cgroup — the system-wide policy,
 * which {@code bpf_handle_oom()} reaches from any OOMing memcg by walking up — and the revision's
 * {@code out_of_memory()} runs: the policy first, then, unless it returned 1 with memory freed, the kernel's killer.
 * Unknown totalpages is tried at both ends, as in the replay engine; the event is decided only if both agree.
 */
public final class PolicyLab {
    private final List<PolicySpec> policies;
    private final Revision revision;
    private final Limits limits;

    /** @param revision the revision the policies run on ({@code --revision}, default v3) */
    public PolicyLab(List<PolicySpec> policies, Revision revision, Limits limits) {
        this.policies = List.copyOf(policies);
        this.revision = Objects.requireNonNull(revision);
        this.limits = limits;
    }

    public PolicyLab(List<PolicySpec> policies, Revision revision) { this(policies, revision, Limits.DEFAULT); }

    public List<PolicySpec> policies() { return policies; }
    public Revision revision() { return revision; }

    /** Every policy on one event (a kernel report; {@code sidecar}: its capture JSON, or null). Never throws. */
    public List<PolicyOutcome> evaluate(OomEvent event, CaptureSidecar sidecar) {
        ReplayInput in = EventReplayInput.of(event);
        EventFacts facts = EventFacts.of(event, in, sidecar);
        List<PolicyOutcome> out = new ArrayList<>();
        for (PolicySpec p : policies) out.add(evaluate(p, in, facts));
        return out;
    }

    private PolicyOutcome undecidable(PolicySpec p, String reason) {
        return new PolicyOutcome(p.name(), null, revision.id(), PolicyVerdict.UNDECIDABLE, reason, List.of(), false,
                List.of(), null, null, List.of());
    }

    private PolicyOutcome evaluate(PolicySpec p, ReplayInput in, EventFacts facts) {
        if (in.tasks().isEmpty()) return undecidable(p, "no task table in the report");
        if (!in.tableComplete()) return undecidable(p, "the task table is incomplete (rows cut or filtered)");
        TotalPagesRange tp = TotalPagesRange.estimate(in);
        boolean adjUniform = in.tasks().stream().map(ReplayInput.TaskRow::oomScoreAdj).distinct().count() <= 1;
        Attempt lo = attempt(p, in, facts, tp.lo());
        if (lo.outcome != null) return lo.outcome;
        if (!tp.exact() && !adjUniform) {
            Attempt hi = attempt(p, in, facts, tp.hi());
            if (hi.outcome != null) return hi.outcome;
            if (!lo.sameKills(hi)) return undecidable(p, "the outcome depends on totalpages, which the report does not pin "
                    + "down (" + tp.note() + "): at " + tp.lo() + " pages " + lo.describe() + ", at " + tp.hi() + " " + hi.describe());
        }
        return classify(p, in, lo);
    }

    /** One run: either an outcome already (undecidable, error, not loaded) or the kills to classify. */
    private static final class Attempt {
        PolicyOutcome outcome;
        String program;
        List<Victim> policyKills = List.of(), kernelKills = List.of();
        boolean kernelKillerRan;
        List<HandlerRun> runs = List.of();

        boolean sameKills(Attempt o) {
            return pids(policyKills).equals(pids(o.policyKills)) && pids(kernelKills).equals(pids(o.kernelKills));
        }

        String describe() {
            return "the policy kills " + names(policyKills) + (kernelKillerRan ? " and the kernel " + names(kernelKills) : "");
        }
    }

    private record Victim(int pid, String comm, long memoryKb) {}

    private Attempt attempt(PolicySpec spec, ReplayInput in, EventFacts facts, long totalpages) {
        long pageKb = in.pageSizeKb() == null ? 4 : in.pageSizeKb();
        Attempt a = new Attempt();
        OomPolicy policy;
        try {
            policy = spec.create();
        } catch (RuntimeException e) {
            a.outcome = error(spec, null, "the policy could not be created: " + e.getMessage(), List.of(), List.of(), false);
            return a;
        }
        a.program = policy.name();
        Duration deadline = limits.wallClock().plusSeconds(2);
        Run r;
        try {
            r = Watchdog.run(spec.name(), deadline, () -> run(in, facts, totalpages, policy, pageKb));
        } catch (ExecutionException e) {
            Throwable c = e.getCause();
            String why = c instanceof IllegalArgumentException ? "the task table cannot be rebuilt: " + c.getMessage()
                    : "the model failed: " + c;
            a.outcome = c instanceof IllegalArgumentException ? undecidable(spec, why) : error(spec, a.program, why, List.of(), List.of(), false);
            return a;
        }
        if (r == null) {
            a.outcome = error(spec, a.program, "the policy did not return within " + deadline.toSeconds()
                    + " s (a loop without kfunc calls; the verifier refuses an unbounded loop)", List.of(), List.of(), false);
            return a;
        }
        a.runs = r.att.runs();
        a.policyKills = r.policyKills;
        a.kernelKills = r.kernelKills;
        a.kernelKillerRan = r.kernelKillerRan;
        Halt h = r.att.firstHalt();
        if (h instanceof Halt.Unknown u) {
            a.outcome = new PolicyOutcome(spec.name(), a.program, revision.id(), PolicyVerdict.UNDECIDABLE, u.why(), List.of(),
                    false, List.of(), null, null, calls(a.runs));
        } else if (h instanceof Halt.NotLoaded n) {
            Run k;
            try {
                k = run(in, facts, totalpages, null, pageKb);
            } catch (RuntimeException e) {
                a.outcome = error(spec, a.program, "the model failed: " + e, List.of(), calls(a.runs), false);
                return a;
            }
            a.outcome = new PolicyOutcome(spec.name(), a.program, revision.id(), PolicyVerdict.NOT_LOADED,
                    n.why() + "; the kernel's killer takes " + names(k.kernelKills), List.of(), true, out(k.kernelKills),
                    sum(k.kernelKills), kernelFreed(in, pageKb), calls(a.runs));
        } else if (h instanceof Halt.Faulted || h instanceof Halt.OverBudget) {
            a.outcome = new PolicyOutcome(spec.name(), a.program, revision.id(), PolicyVerdict.ERROR,
                    h.why() + "; counted as returning 0" + (r.kernelKillerRan ? ": the kernel's killer takes "
                            + names(r.kernelKills) : ""), out(r.policyKills), r.kernelKillerRan, out(r.kernelKills),
                    sum(all(r)), kernelFreed(in, pageKb), calls(a.runs));
        }
        return a;
    }

    /** What one out_of_memory() did. */
    private record Run(Attachment att, List<Victim> policyKills, List<Victim> kernelKills, boolean kernelKillerRan) {}

    /** Builds the world, attaches {@code policy} (none: the kernel alone) at the root, runs out_of_memory(). */
    private Run run(ReplayInput in, EventFacts facts, long totalpages, OomPolicy policy, long pageKb) {
        LabWorld w = LabWorld.build(in, facts, revision, totalpages);
        KillLog log = new KillLog();
        w.model.observe(log);
        Attachment att = policy == null ? null
                : PolicyLoader.attach(w.model, policy, facts, limits, w.model.world().rootMemcg());
        w.model.outOfMemory(w.oc);
        return new Run(att, victims(w, log.policyKills, pageKb), victims(w, log.kernelKills, pageKb), log.kernelKillerRan);
    }

    private static List<Victim> victims(LabWorld w, List<Task> tasks, long pageKb) {
        List<Victim> out = new ArrayList<>();
        for (Task t : tasks) {
            ReplayInput.TaskRow r = w.rows.get(t);
            out.add(new Victim(t.pid(), t.comm(), r == null ? 0 : LabWorld.memoryKb(r, pageKb)));
        }
        return out;
    }

    private PolicyOutcome classify(PolicySpec spec, ReplayInput in, Attempt a) {
        long pageKb = in.pageSizeKb() == null ? 4 : in.pageSizeKb();
        List<PolicyOutcome.Call> calls = calls(a.runs);
        List<Victim> all = new ArrayList<>(a.policyKills);
        all.addAll(a.kernelKills);
        Set<Integer> kernel = recordedKills(in);
        Long kernelFreed = kernelFreed(in, pageKb);
        String after = a.kernelKillerRan ? "; the kernel's killer then takes " + names(a.kernelKills) : "";
        PolicyVerdict v;
        String reason;
        if (!a.policyKills.isEmpty()) {
            if (kernel.isEmpty()) {
                v = PolicyVerdict.UNDECIDABLE;
                reason = "the policy kills " + names(a.policyKills) + after + "; the report does not say which process the kernel killed";
            } else {
                boolean same = pids(a.policyKills).equals(kernel);
                v = same ? PolicyVerdict.SAME : PolicyVerdict.DIFFERENT;
                reason = "the policy kills " + names(a.policyKills) + (same ? " like the kernel" : "; the kernel killed "
                        + recordedNames(in)) + after;
            }
        } else {
            List<String> refused = calls.stream().filter(c -> c.kfunc().equals("bpf_oom_kill_process") && c.ret().startsWith("-"))
                    .map(c -> c.ret() + " for " + c.args().replaceFirst("^task=", "").replaceFirst(",.*", "")).toList();
            int ret = a.runs.isEmpty() ? 0 : a.runs.get(a.runs.size() - 1).ret();
            if (!refused.isEmpty()) {
                v = PolicyVerdict.REFUSED;
                reason = "bpf_oom_kill_process() returned " + String.join(", ", refused) + after;
            } else {
                v = PolicyVerdict.DECLINED;
                reason = (a.runs.isEmpty() ? "the handler was not called" : ret == 0 ? "the handler returned 0"
                        : "the handler returned " + ret + " without freeing memory") + after;
            }
        }
        return new PolicyOutcome(spec.name(), a.program, revision.id(), v, reason, out(a.policyKills), a.kernelKillerRan,
                out(a.kernelKills), sum(all), kernelFreed, calls);
    }

    private PolicyOutcome error(PolicySpec spec, String program, String why, List<Victim> kills,
                                List<PolicyOutcome.Call> calls, boolean kernelRan) {
        return new PolicyOutcome(spec.name(), program, revision.id(), PolicyVerdict.ERROR, why, out(kills), kernelRan,
                List.of(), null, null, calls);
    }

    /** The pids the report says the kernel killed (victim and oom.group members), as table pids. */
    private static Set<Integer> recordedKills(ReplayInput in) {
        Set<Integer> pids = new LinkedHashSet<>(in.killedPids());
        if (pids.isEmpty() && in.kernelChoice() != null) pids.add(in.kernelChoice().pid());
        Set<Integer> out = new LinkedHashSet<>();
        for (int pid : pids) out.add(rowOf(in, pid) == null ? pid : rowOf(in, pid).pid());
        return out;
    }

    private static ReplayInput.TaskRow rowOf(ReplayInput in, int pid) {
        for (ReplayInput.TaskRow r : in.tasks()) if (r.pid() == pid) return r;
        for (ReplayInput.TaskRow r : in.tasks()) if (r.tgid() == pid) return r;
        return null;
    }

    private static String recordedNames(ReplayInput in) {
        List<String> s = new ArrayList<>();
        for (int pid : recordedKills(in)) {
            ReplayInput.TaskRow r = rowOf(in, pid);
            s.add((r == null ? "?" : r.name()) + " (" + pid + ")");
        }
        return String.join(", ", s);
    }

    private static Long kernelFreed(ReplayInput in, long pageKb) {
        Set<Integer> k = recordedKills(in);
        if (k.isEmpty()) return null;
        long sum = 0;
        for (int pid : k) {
            ReplayInput.TaskRow r = rowOf(in, pid);
            if (r == null) return null;
            sum += LabWorld.memoryKb(r, pageKb);
        }
        return sum;
    }

    private static List<Victim> all(Run r) {
        List<Victim> v = new ArrayList<>(r.policyKills);
        v.addAll(r.kernelKills);
        return v;
    }

    private static long sum(List<Victim> v) { return v.stream().mapToLong(Victim::memoryKb).sum(); }
    private static Set<Integer> pids(List<Victim> v) { Set<Integer> s = new LinkedHashSet<>(); v.forEach(x -> s.add(x.pid)); return s; }

    private static String names(List<Victim> v) {
        if (v.isEmpty()) return "nobody";
        List<String> s = new ArrayList<>();
        for (Victim x : v) s.add(x.comm + " (" + x.pid + ")");
        return String.join(", ", s);
    }

    private static List<PolicyOutcome.Victim> out(List<Victim> v) {
        return v.stream().map(x -> new PolicyOutcome.Victim(x.pid, x.comm, x.memoryKb)).toList();
    }

    private static List<PolicyOutcome.Call> calls(List<HandlerRun> runs) {
        List<PolicyOutcome.Call> out = new ArrayList<>();
        for (HandlerRun h : runs) for (KfuncCall c : h.calls()) out.add(new PolicyOutcome.Call(h.attachedAt(), c.kfunc(), c.args(), c.ret()));
        return out;
    }
}
