package dev.oomspec.conformance.policycases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.conformance.replay.ReplayViews;
import dev.oomspec.reference.policy.Revision;
import dev.oomspec.reports.EventView;
import dev.oomspec.reports.JsonLinesWriter;
import dev.oomspec.reports.PolicyView;
import dev.oomspec.reports.SvgBarChart;
import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.policy.CaptureSidecar;
import dev.oomspec.traces.policy.PolicyCatalog;
import dev.oomspec.traces.policy.PolicyLab;
import dev.oomspec.traces.policy.PolicyOutcome;
import dev.oomspec.traces.policy.PolicyVerdict;
import dev.oomspec.traces.replay.EventReplayInput;
import dev.oomspec.traces.replay.ReplayCorpus;
import dev.oomspec.traces.replay.ReplayEngine;
import dev.oomspec.traces.replay.ReplayInput;
import dev.oomspec.traces.replay.ReplayResult;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Epic "Policies": each shipped policy, on v3 and on post-v3, over every OOM event of the bundled corpus — one test
 * per policy, revision and event, with the kfunc calls, the policy's result as JSON and the points chart with its
 * victims marked. A test fails when a shipped policy does not load or errs, kills an oom_score_adj -1000 process or
 * one outside the report's table, names an undecidable reason the event does not bear out, or leaves the kernel's
 * killer running without saying what it took.
 */
@Tag("policies")
public class PolicyCorpusCases {
  static final List<String> SHIPPED = List.of("test-oom", "test-oomd", "largest-rss", "largest-cgroup",
      "cgroup-priority=" + Path.of("src/test/resources/policies/cgroup-priority.conf"), "youngest-first");

  @TestFactory
  public Stream<DynamicNode> shippedPoliciesOverTheCorpus() throws IOException {
    Path root = Path.of(System.getProperty("oomspec.repo.root", ".."));
    ReplayCorpus corpus = ReplayCorpus.locate(root);
    PolicyCatalog catalog = PolicyCatalog.load(List.of());
    List<DynamicNode> byPolicy = new ArrayList<>();
    for (Revision rev : Revision.values()) {
      for (String spec : SHIPPED) {
        PolicyLab lab = new PolicyLab(catalog.parse(spec), rev);
        String name = lab.policies().get(0).name();
        List<DynamicNode> files = new ArrayList<>();
        for (ReplayCorpus.Entry e : corpus.entries()) {
          List<OomEvent> events = new ArrayList<>();
          try (InputStream in = corpus.open(e)) {
            OomLogReader.read(in, corpus.displayName(e), ReadOptions.defaults(), ev -> {
              if (EventReplayInput.replayable(ev)) events.add(ev);
            });
          }
          if (events.isEmpty()) continue;
          CaptureSidecar sidecar = corpus.location().startsWith("classpath:") ? null
              : CaptureSidecar.beside(Path.of(corpus.location()).resolve(e.file()));
          List<DynamicTest> tests = new ArrayList<>();
          for (int i = 0; i < events.size(); i++) {
            OomEvent ev = events.get(i);
            String title = name + " (" + rev.id() + ") — " + e.file() + " event " + (i + 1) + " (lines " + ev.firstLine()
                + "-" + ev.lastLine() + ")";
            tests.add(DynamicTest.dynamicTest(title, () -> check(corpus, e, ev, lab, sidecar, name, rev)));
          }
          files.add(DynamicContainer.dynamicContainer(e.file(), tests));
        }
        byPolicy.add(DynamicContainer.dynamicContainer(name + " (" + rev.id() + ")", files));
      }
    }
    return byPolicy.stream();
  }

  private static void check(ReplayCorpus corpus, ReplayCorpus.Entry e, OomEvent ev, PolicyLab lab, CaptureSidecar sidecar,
      String name, Revision rev) throws IOException {
    PolicyOutcome o = lab.evaluate(ev, sidecar).get(0);
    ReplayInput in = EventReplayInput.of(ev);
    Allure.epic("Policies");
    Allure.feature(name + " (" + rev.id() + ")");
    Allure.story(e.file());
    Allure.parameter("source", corpus.displayName(e));
    Allure.parameter("lines", ev.firstLine() + "-" + ev.lastLine());
    Allure.parameter("revision", rev.id());
    Allure.parameter("capture JSON", sidecar == null ? "none" : sidecar.file().getFileName().toString());
    Allure.description("Policy " + name + " on " + rev.id() + ": " + o.verdict().id() + " — " + o.reason());
    ReplayResult r = new ReplayEngine(null, false).replay(in);
    List<PolicyView> views = ReplayViews.policies(List.of(o));
    EventView view = ReplayViews.view(r, 10, List.of(), null, ReplayViews.victims(views)).withPolicies(views);
    StringWriter json = new StringWriter();
    JsonLinesWriter jw = new JsonLinesWriter(json, 10);
    jw.write(view);
    jw.flush();
    Allure.addAttachment("event with the policy (JSON)", "application/json", json.toString().strip(), ".json");
    StringBuilder calls = new StringBuilder();
    for (PolicyOutcome.Call c : o.calls()) calls.append(c.kfunc()).append('(').append(c.args()).append(") = ").append(c.ret()).append('\n');
    Allure.addAttachment("kfunc calls", "text/plain", calls.length() == 0 ? "(none)" : calls.toString(), ".txt");
    if (!o.victims().isEmpty() || !o.kernelKilled().isEmpty()) {
      String s = new SvgBarChart().render(marked(view, o),
          new SvgBarChart.Marks(o.victims().isEmpty() ? "after" : "policy", name));
      Allure.addAttachment("points, " + name + "'s victims marked", "image/svg+xml", s, ".svg");
    }

    assertFalse(o.verdict() == PolicyVerdict.NOT_LOADED, "a shipped policy must load on " + rev.id() + ": " + o.reason());
    assertFalse(o.verdict() == PolicyVerdict.ERROR, o.reason());
    for (PolicyOutcome.Victim v : o.victims()) {
      ReplayInput.TaskRow row = in.tasks().stream().filter(t -> t.pid() == v.pid()).findFirst().orElse(null);
      assertTrue(row != null, v + " is not in the report's table");
      assertTrue(row.oomScoreAdj() != -1000, v + " has oom_score_adj -1000: bpf_oom_kill_process() refuses it on " + rev.id());
    }
    if (o.verdict() == PolicyVerdict.UNDECIDABLE) assertTrueReason(o.reason(), in);
    if (o.kernelKillerRan() && o.victims().isEmpty()) assertFalse(o.kernelKilled().isEmpty(), "the kernel's killer took nobody");
    if (o.verdict() == PolicyVerdict.SAME || o.verdict() == PolicyVerdict.DIFFERENT) {
      int recorded = in.kernelChoice().pid();
      boolean killedIt = o.victims().stream().anyMatch(v -> v.pid() == recorded
          || in.tasks().stream().anyMatch(t -> t.pid() == v.pid() && t.tgid() == recorded));
      assertEquals(o.verdict() == PolicyVerdict.SAME, killedIt && o.victims().size() == 1,
          "same means the one process the kernel killed (" + recorded + ")");
    }
  }

  /** Each undecidable reason the lab gives must be true of the event. */
  private static void assertTrueReason(String why, ReplayInput in) {
    if (why.contains("a system-wide OOM report does not say which cgroup")) assertTrue(in.memcg() == null, why);
    else if (why.contains("a memcg OOM report lists only that memcg's processes")) assertTrue(in.memcg() != null, why);
    else if (why.contains("reclaim counters")) assertTrue(true, why); // never printed per cgroup
    else if (why.contains("not the cgroups below it")) assertTrue(in.memcg() != null, why);
    else if (why.startsWith("no task table")) assertTrue(in.tasks().isEmpty(), why);
    else if (why.startsWith("the task table is incomplete")) assertFalse(in.tableComplete(), why);
    else if (why.startsWith("the outcome depends on totalpages")) assertTrue(true, why);
    else throw new AssertionError("unexpected undecidable reason: " + why);
  }

  private static EventView marked(EventView e, PolicyOutcome o) {
    java.util.Set<Integer> pids = new java.util.HashSet<>();
    (o.victims().isEmpty() ? o.kernelKilled() : o.victims()).forEach(v -> pids.add(v.pid()));
    List<dev.oomspec.reports.CandidateView> c = new ArrayList<>();
    dev.oomspec.reports.TaskRef first = null;
    for (dev.oomspec.reports.CandidateView x : e.candidates()) {
      boolean m = pids.contains(x.pid());
      if (m && first == null) first = x.task();
      c.add(new dev.oomspec.reports.CandidateView(x.pid(), x.comm(), x.points(), x.oomScoreAdj(), x.eligibility(),
          x.kernelVictim(), m, x.breakdown()));
    }
    return new EventView(e.sourceFile(), e.firstLine(), e.lastLine(), e.kernelVictim(), first, e.verdict(), e.reason(),
        e.profile(), e.totalpages(), c, List.of(), null);
  }
}
