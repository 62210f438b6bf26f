package dev.oomspec.reference.mm;

import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * An {@link OomTrace} observer that keeps what each out_of_memory() call did: the tasks oom_evaluate_task() looked at
 * (with points or why it skipped them), the kills, the BPF handler calls, the exit path. Kernel functions never
 * build these lists; they only report to their observers.
 */
public final class OomRecorder implements OomTrace {
    /** One task looked at by select_bad_process(), in iteration order. */
    public record Candidate(Task task, long points, String verdict) {
        public static final String ELIGIBLE = "eligible";
        public static final String ORIGIN = "oom_task_origin";
    }

    /** One BPF handler call of bpf_handle_oom(). */
    public record HandlerCall(String name, String attachedAt, int ret, boolean memoryFreed) {}

    /** One kfunc call and its result. */
    public record KfuncCall(String kfunc, String args, long ret) {}

    /** What one out_of_memory() call did. */
    public static final class Run {
        private final OomControl oc;
        final List<Candidate> candidates = new ArrayList<>();
        final List<Task> killed = new ArrayList<>();
        final List<HandlerCall> handlerCalls = new ArrayList<>();
        boolean kernelKillerRan, aborted;
        Boolean bpfHandled;
        Exit exit;
        String panic;
        Boolean ret;

        Run(OomControl oc) { this.oc = oc; }

        public OomControl oc() { return oc; }
        public List<Candidate> candidates() { return List.copyOf(candidates); }
        public List<Task> killed() { return List.copyOf(killed); }
        public List<HandlerCall> handlerCalls() { return List.copyOf(handlerCalls); }
        public List<String> handlerNames() { return handlerCalls.stream().map(HandlerCall::name).toList(); }
        /** select_bad_process() ran. */
        public boolean kernelKillerRan() { return kernelKillerRan; }
        /** bpf_handle_oom()'s result, null when it was not called. */
        public Boolean bpfHandled() { return bpfHandled; }
        public boolean aborted() { return aborted; }
        public Exit exit() { return exit; }
        public String panic() { return panic; }
        /** out_of_memory()'s return value, null while it runs. */
        public Boolean ret() { return ret; }
        /** The victim select_bad_process() chose (null when aborted or none). */
        public Task victim() { return aborted ? null : oc.chosen; }
        public long chosenPoints() { return oc.chosenPoints; }
        public Constraint constraint() { return oc.constraint; }
        public long totalpages() { return oc.totalpages; }
        public boolean bpfMemoryFreed() { return oc.bpfMemoryFreed; }
    }

    private final Map<OomControl, Run> runs = new IdentityHashMap<>();
    private final List<Run> order = new ArrayList<>();
    private final List<KfuncCall> kfuncCalls = new ArrayList<>();

    /** The record of {@code oc} (created empty if nothing happened to it yet). */
    public synchronized Run run(OomControl oc) {
        return runs.computeIfAbsent(oc, k -> { Run r = new Run(k); order.add(r); return r; });
    }

    /** Every out_of_memory() run in call order. */
    public synchronized List<Run> runs() { return List.copyOf(order); }

    /** Every kfunc call in call order. */
    public synchronized List<KfuncCall> kfuncCalls() { return List.copyOf(kfuncCalls); }

    @Override public synchronized void evaluateTask(OomControl oc, Task task, long points, String verdict) {
        Run r = run(oc);
        r.candidates.add(new Candidate(task, points, verdict));
        if (verdict.equals("existing victim: abort")) r.aborted = true;
    }
    @Override public synchronized void selectBadProcess(OomControl oc) { run(oc).kernelKillerRan = true; }
    @Override public synchronized void killProcess(OomControl oc, Task victim, String message) { run(oc).killed.add(victim); }
    @Override public synchronized void panic(OomControl oc, String message) { run(oc).panic = message; }
    @Override public synchronized void outOfMemoryReturn(OomControl oc, Exit exit, boolean ret) {
        Run r = run(oc);
        r.exit = exit;
        r.ret = ret;
    }
    @Override public synchronized void bpfOomHandler(OomControl oc, String name, String attachedAt, int ret, boolean freed) {
        run(oc).handlerCalls.add(new HandlerCall(name, attachedAt, ret, freed));
    }
    @Override public synchronized void bpfHandleOom(OomControl oc, boolean handled) { run(oc).bpfHandled = handled; }
    @Override public synchronized void bpfKfunc(String kfunc, String args, long ret) { kfuncCalls.add(new KfuncCall(kfunc, args, ret)); }
}
