package dev.oomspec.traces.policy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.policy.Bpf;
import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.Limits;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.PolicyProvider;
import dev.oomspec.reference.policy.Revision;
import dev.oomspec.reference.policy.TaskStruct;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * Policies that break the rules, replayed on published/040 (Ubuntu 5.13, global; the kernel killed unattended-upgr
 * 651; multipathd 507 has adj -1000): the replay shows what the kernel would do and never fails.
 */
class PolicyLabMisbehaviourTest {
    static final String FILE = "published/040-oomanalyser-example-5.13-ubuntu-sysrq-bare.log";

    interface Body { int run(OomControl oc, Cgroup cg, Kfuncs bpf); }

    static PolicySpec spec(String name, Body b) {
        Supplier<OomPolicy> make = () -> new OomPolicy() {
            @Override public String name() { return name; }
            @Override public int handleOutOfMemory(OomControl oc, Cgroup cg, Kfuncs bpf) { return b.run(oc, cg, bpf); }
        };
        return new PolicySpec(name, null, new PolicyProvider() {
            @Override public String name() { return name; }
            @Override public String summary() { return name; }
            @Override public OomPolicy create(String argument) { return make.get(); }
        });
    }

    static PolicyOutcome run(PolicySpec s, Limits limits) throws IOException {
        return new PolicyLab(List.of(s), Revision.V3, limits).evaluate(PolicyLabCorpusTest.events(FILE).get(0), null).get(0);
    }

    static TaskStruct find(Kfuncs bpf, int pid) {
        bpf.bpfRcuReadLock();
        TaskStruct found = null;
        for (TaskStruct t : bpf.forEachTask(null, Bpf.BPF_TASK_ITER_ALL_PROCS)) if (t.pid() == pid) found = bpf.bpfTaskAcquire(t);
        bpf.bpfRcuReadUnlock();
        return found;
    }

    @Test
    void killingAnAdjMinProcessIsRefusedAndTheKernelKillerTakesItsOwnVictim() throws IOException {
        PolicyOutcome o = run(spec("kill-multipathd", (oc, cg, bpf) -> {
            TaskStruct t = find(bpf, 507);
            int r = bpf.bpfOomKillProcess(oc, t, "mine");
            bpf.bpfTaskRelease(t);
            return r == 0 ? 1 : 0;
        }), Limits.DEFAULT);
        assertEquals(PolicyVerdict.REFUSED, o.verdict(), o.reason());
        assertEquals(List.of("-EINVAL"), o.errnos());
        assertTrue(o.kernelKillerRan());
        assertEquals(651, o.kernelKilled().get(0).pid());
    }

    @Test
    void callingBpfOutOfMemoryIsNotLoaded() throws IOException {
        PolicyOutcome o = run(spec("declare", (oc, cg, bpf) -> bpf.bpfOutOfMemory(null, 0, 0)), Limits.DEFAULT);
        assertEquals(PolicyVerdict.NOT_LOADED, o.verdict(), o.reason());
        assertTrue(o.reason().contains("bpf_out_of_memory") && o.reason().contains("never loads"), o.reason());
        assertEquals(651, o.kernelKilled().get(0).pid(), "the kernel's killer alone");
        assertTrue(o.victims().isEmpty());
    }

    @Test
    void aThrowingPolicyIsAnErrorAndTheKernelKillerRuns() throws IOException {
        PolicyOutcome o = run(spec("thrower", (oc, cg, bpf) -> { throw new ArithmeticException("/ by zero"); }), Limits.DEFAULT);
        assertEquals(PolicyVerdict.ERROR, o.verdict());
        assertTrue(o.reason().contains("ArithmeticException: / by zero") && o.reason().contains("unattended-upgr (651)"), o.reason());
    }

    @Test
    void aLoopWithoutCallsIsStoppedByTheWatchdog() throws IOException {
        PolicyOutcome o = run(spec("spinner", (oc, cg, bpf) -> { while (!Thread.currentThread().isInterrupted()) { } return 0; }),
                new Limits(1000, Duration.ofMillis(50)));
        assertEquals(PolicyVerdict.ERROR, o.verdict());
        assertTrue(o.reason().contains("did not return"), o.reason());
    }

    @Test
    void killingTwiceKillsOnceAndIsStillTheSameVictim() throws IOException {
        PolicyOutcome o = run(spec("twice", (oc, cg, bpf) -> {
            TaskStruct t = find(bpf, 651);
            bpf.bpfOomKillProcess(oc, t, "one");
            bpf.bpfOomKillProcess(oc, t, "two");
            bpf.bpfTaskRelease(t);
            return 1;
        }), Limits.DEFAULT);
        assertEquals(PolicyVerdict.SAME, o.verdict(), o.reason());
        assertEquals(2, o.calls().stream().filter(c -> c.kfunc().equals("bpf_oom_kill_process") && c.ret().equals("0")).count());
        assertEquals(1, o.victims().size());
    }

    @Test
    void theCatalogRefusesUnknownNamesAndBadArguments() {
        PolicyCatalog c = PolicyCatalog.load(List.of());
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> c.parse("largest-rss,nonsense"));
        assertTrue(e.getMessage().contains("unknown policy 'nonsense'") && e.getMessage().contains("youngest-first"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.parse("cgroup-priority"));
        assertTrue(e.getMessage().contains("needs its rules"), e.getMessage());
        e = assertThrows(IllegalArgumentException.class, () -> c.parse("largest-rss=x"));
        assertTrue(e.getMessage().contains("takes no argument"), e.getMessage());
        assertEquals(List.of("test-oom", "test-oomd", "largest-rss", "largest-cgroup", "cgroup-priority", "youngest-first"),
                List.copyOf(c.names().keySet()));
    }

    /** A policy class given by name (as from --policy-jar): an OomPolicy with a public no-argument constructor. */
    public static final class KillsTheTrigger implements OomPolicy {
        @Override public String name() { return "kills_the_trigger"; }
        @Override public int handleOutOfMemory(OomControl oc, Cgroup cg, Kfuncs bpf) {
            TaskStruct t = find(bpf, 651);
            int r = bpf.bpfOomKillProcess(oc, t, "by class");
            bpf.bpfTaskRelease(t);
            return r == 0 ? 1 : 0;
        }
    }

    @Test
    void aPolicyClassByName() throws IOException {
        List<PolicySpec> s = PolicyCatalog.load(List.of()).parse(KillsTheTrigger.class.getName());
        PolicyOutcome o = new PolicyLab(s, Revision.POST).evaluate(PolicyLabCorpusTest.events(FILE).get(0), null).get(0);
        assertEquals(PolicyVerdict.SAME, o.verdict(), o.reason());
        assertEquals("kills_the_trigger", o.program());
    }
}
