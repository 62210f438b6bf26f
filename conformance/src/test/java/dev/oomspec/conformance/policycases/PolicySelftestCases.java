package dev.oomspec.conformance.policycases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.OomModel;
import dev.oomspec.reference.mm.Gfp;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomRecorder;
import dev.oomspec.reference.mm.Task;
import dev.oomspec.reference.mm.World;
import dev.oomspec.reference.policies.TestOom;
import dev.oomspec.reference.policies.TestOomd;
import dev.oomspec.reference.policy.Attachment;
import dev.oomspec.reference.policy.HandlerRun;
import dev.oomspec.reference.policy.KfuncCall;
import dev.oomspec.reference.policy.PolicyLoader;
import dev.oomspec.reference.policy.Revision;
import io.qameta.allure.Allure;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Epic "Policies", feature "selftests": the series' own selftests (rgushchin/linux
 * tools/testing/selftests/bpf/{progs,prog_tests}/test_oom.c @1d084c08, test_oomd.c @702dfd9a) set up as their
 * user-space parts set them up, the policies attached where they attach them (the top test cgroup and the root), and
 * the assertions they make.
 */
@Tag("policies")
public class PolicySelftestCases {
  static final long MB = 256;

  static Task spawn(World w, String path, int pid, long mb, int adj) {
    Task t = w.newProcess(pid, "test_progs", 0, new Mm(mb * MB + 1000, mb * MB, 0, 0, 0, 0));
    t.setOomScoreAdj(adj);
    w.attach(t, w.memcontrol().createPath(path));
    return t;
  }

  static void attachCalls(Attachment a) {
    StringBuilder b = new StringBuilder();
    for (HandlerRun h : a.runs()) {
      b.append("handler attached at ").append(h.attachedAt()).append(" returned ").append(h.ret()).append('\n');
      for (KfuncCall c : h.calls()) b.append("  ").append(c.kfunc()).append('(').append(c.args()).append(") = ").append(c.ret()).append('\n');
    }
    Allure.addAttachment("handler calls and kfunc calls", "text/plain", b.toString(), ".txt");
  }

  @ParameterizedTest(name = "test_oom on {0}: cg4 is killed first, its memory.events says oom_kill 1")
  @EnumSource(Revision.class)
  public void testOom(Revision rev) {
    Allure.epic("Policies");
    Allure.feature("selftests");
    Allure.story("test_oom (" + rev.id() + ")");
    OomModel m = OomModel.builder().kernel("7.0.0").series(rev.boot()).build();
    World w = m.world().setTotalSwapPages(1 << 20);
    Memcg top = w.memcontrol().createPath("/oom_test").setMemoryMax(80 * MB).setSwapMax(0);
    Task cg1 = spawn(w, "/oom_test/cg1", 101, 10, 1000);
    Task cg2 = spawn(w, "/oom_test/cg2", 102, 40, -1000);
    Task cg4 = spawn(w, "/oom_test/cg3/cg4", 104, 30, 0);
    Task cg5 = spawn(w, "/oom_test/cg3/cg5", 105, 20, 0);
    Attachment a = PolicyLoader.attach(m, new TestOom(), top, w.rootMemcg());
    w.setCurrent(cg5);
    OomRecorder.Run run = m.outOfMemory(dev.oomspec.reference.mm.OomControl.memcg(top, Gfp.GFP_KERNEL, 0));
    attachCalls(a);
    Allure.addAttachment("kernel log", "text/plain", String.join("\n", w.kmsg().lines()), ".txt");
    assertEquals(List.of(0, 0), a.attachResults(), "attach_oom_cgroup, attach_oom_root");
    assertEquals(List.of(cg4), run.killed(), "correct process was killed");
    for (Task t : List.of(cg1, cg2, cg5)) assertFalse(t.sigkillPending(), "correct process was killed: " + t + " lives");
    assertEquals(1, cg4.memcg().events(Memcg.Event.OOM_KILL), "oom_kill count check");
    assertEquals(List.of(0, 1), a.runs().stream().map(HandlerRun::ret).toList(), "the /oom_test instance declines, the root's handles");
    assertNull(a.firstHalt());
  }

  @ParameterizedTest(name = "test_oomd on {0}: batch-b is chosen and killed, omit and unkillable cgroups skipped")
  @EnumSource(Revision.class)
  public void testOomd(Revision rev) {
    Allure.epic("Policies");
    Allure.feature("selftests");
    Allure.story("test_oomd (" + rev.id() + ")");
    OomModel m = OomModel.builder().kernel("7.0.0").series(rev.boot()).build();
    World w = m.world().setTotalSwapPages(1 << 20);
    Memcg top = w.memcontrol().createPath("/oomd_test").setMemoryMax(80 * MB).setSwapMax(0);
    Task critical = spawn(w, "/oomd_test/system.slice/critical.service", 201, 34, 0);
    Task batchA = spawn(w, "/oomd_test/workload.slice/batch-a.service", 202, 46, 0);
    Task batchB = spawn(w, "/oomd_test/workload.slice/batch-b.service", 203, 30, 0);
    Task batchC = spawn(w, "/oomd_test/workload.slice/batch-c.service", 204, 22, 0);
    spawn(w, "/oomd_test/workload.slice/unkillable.service", 205, 26, -1000);
    TestOomd policy = new TestOomd();
    policy.preferences.put(critical.memcg().cgroupId(), new TestOomd.PolicyEntry(TestOomd.Preference.OMIT));
    policy.preferences.put(batchA.memcg().cgroupId(), new TestOomd.PolicyEntry(TestOomd.Preference.AVOID));
    Attachment a = PolicyLoader.attach(m, policy, top, w.rootMemcg());
    w.setCurrent(batchC);
    OomRecorder.Run run = m.outOfMemory(dev.oomspec.reference.mm.OomControl.memcg(top, Gfp.GFP_KERNEL, 0));
    attachCalls(a);
    TestOomd.Decision d = policy.decision();
    Allure.addAttachment("oomd_decisions[0]", "text/plain", d.toString(), ".txt");
    assertEquals(List.of(batchB), run.killed(), "correct process was killed");
    assertEquals(batchB.memcg().cgroupId(), d.victimCgid(), "selected victim cgroup");
    assertEquals(203, d.killedPid(), "selected victim task");
    assertTrue(d.scannedCandidates() > 0, "scanned candidates");
    assertTrue(d.skippedOmit() > 0, "skipped omitted cgroup");
    assertTrue(d.skippedUnkillable() > 0, "skipped unkillable cgroup");
    assertEquals(0, d.killRet(), "bpf oom kill");
  }
}
