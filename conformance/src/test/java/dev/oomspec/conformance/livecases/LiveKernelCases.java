package dev.oomspec.conformance.livecases;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import dev.oomspec.conformance.live.KernelBtf;
import dev.oomspec.conformance.replay.ReplayViews;
import dev.oomspec.reports.SvgBarChart;
import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.ReadResult;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.capture.CaptureOutcome;
import dev.oomspec.traces.capture.CaptureReport;
import dev.oomspec.traces.capture.LiveCapture;
import dev.oomspec.traces.capture.Scenario;
import dev.oomspec.traces.capture.ScenarioCatalog;
import dev.oomspec.traces.replay.EventReplayInput;
import dev.oomspec.traces.replay.ReplayEngine;
import dev.oomspec.traces.replay.ReplayResult;
import dev.oomspec.traces.replay.Verdict;
import io.qameta.allure.Allure;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * The {@code live-kernel} target: real OOM kills made now, on the running kernel, inside a child memory cgroup
 * ({@code oomspec capture}), and the model must predict every one of them. Per scenario: the kills the kernel
 * made (as the harness saw its workers die) match the scenario's expectation; every OOM report replays with
 * verdict agree; the model's kill line equals the kernel's field for field; the {@code oom:mark_victim} events of
 * the scenario's ftrace instance name the same pids, in order. Without root, a memory cgroup, tracefs or
 * /dev/kmsg every test is skipped with the reason — never failed.
 */
@Tag("live-kernel")
public class LiveKernelCases {
  private static final Path OUT = Path.of(System.getProperty("oomspec.out", "target"), "live-captures");

  @TestFactory
  @DisplayName("victim selection on the running kernel")
  public Stream<DynamicTest> scenariosOnTheRunningKernel() throws IOException {
    Files.createDirectories(OUT);
    List<Scenario> all = ScenarioCatalog.all();
    int kills = all.stream().mapToInt(Scenario::expectedKills).sum();
    String names = String.join(", ", all.stream().map(s -> s.name() + " (" + s.expectedKills() + ")").toList());
    if (liveOff()) {
      say("turned off (OOMSPEC_LIVE=off or -Doomspec.live=off): no real OOM kill; " + all.size()
          + " scenarios skipped: " + names);
    } else {
      say(all.size() + " scenarios will make " + kills + " real OOM kills on this kernel (" + release() + "), each"
          + " inside a child memory cgroup of this test JVM's cgroup with an ftrace instance of its own, if root,"
          + " a memory cgroup, tracefs and /dev/kmsg are there: " + names + ". Opt out: OOMSPEC_LIVE=off,"
          + " -Doomspec.live=off or -DexcludedGroups=live-kernel");
    }
    List<DynamicTest> tests = new ArrayList<>();
    for (Scenario s : all) {
      tests.add(DynamicTest.dynamicTest(s.name(), () -> scenario(s)));
    }
    return tests.stream();
  }

  /** One line on the build's console (failsafe shows the test JVM's standard output). */
  private static void say(String line) {
    System.out.println("[oomspec] live-kernel: " + line);
  }

  private static void scenario(Scenario s) throws IOException {
    Allure.epic("Live kernel");
    Allure.feature("victim selection on the running kernel");
    Allure.story(s.name());
    Allure.parameter("scenario", s.name());
    Allure.description(s.description());
    Allure.label("parentSuite", "Live kernel");
    Allure.suite("victim selection on the running kernel");
    if (liveOff()) Assumptions.abort("live-kernel tests turned off (OOMSPEC_LIVE=off or -Doomspec.live=off)");
    say("scenario " + s.name() + ": starting, expects " + s.expectedKills() + " OOM kill(s)");
    CaptureOutcome o = LiveCapture.run(s, OUT);
    if (o instanceof CaptureOutcome.Skipped sk) {
      say("scenario " + s.name() + ": skipped — " + sk.reason());
      Assumptions.abort("live-kernel: " + sk.reason());
    }
    if (o instanceof CaptureOutcome.Failed f) fail("capture failed: " + f.reason());
    CaptureOutcome.Captured c = (CaptureOutcome.Captured) o;
    say("scenario " + s.name() + ": the kernel killed " + c.report().diedFirst().size() + " worker(s)");
    CaptureReport report = c.report();
    Allure.parameter("kernel", report.kernel());
    Path dmesg = c.dir().resolve(s.name() + ".dmesg");
    Allure.addAttachment("dmesg", "text/plain", Files.readString(dmesg), ".txt");
    Allure.addAttachment("ftrace", "text/plain", Files.readString(c.dir().resolve(s.name() + ".ftrace")), ".txt");
    Allure.addAttachment("capture.json", "application/json", Files.readString(c.json()), ".json");

    List<Long> died = new ArrayList<>();
    for (List<Object> d : report.diedFirst()) died.add(((Number) d.get(1)).longValue());
    assertEquals(s.expectedKills(), died.size(), "kills the kernel made vs the scenario's expectation");
    assertEquals(report.oomReports(), report.kills().size(), "every kill has its full report (rate limit)");

    ReadResult read = OomLogReader.read(dmesg);
    assertTrue(read.accounting().holds(), read.accounting().summary());
    List<OomEvent> reports = read.events().stream().filter(EventReplayInput::replayable).toList();
    assertEquals(died.size(), reports.size(), "one OOM report per kill");
    ReplayEngine engine = new ReplayEngine(null);
    for (int i = 0; i < reports.size(); i++) {
      OomEvent e = reports.get(i);
      ReplayResult r = engine.replay(EventReplayInput.of(e));
      Allure.addAttachment("kill " + (i + 1) + ": candidates", "image/svg+xml",
          new SvgBarChart().render(ReplayViews.view(r, 10, List.of())), ".svg");
      Allure.addAttachment("kill " + (i + 1) + ": what the model printed", "text/plain",
          String.join("\n", r.modelReport()), ".txt");
      assertEquals(Verdict.AGREE, r.verdict(), "kill " + (i + 1) + ": " + r.reason());
      assertEquals(died.get(i), (long) r.modelVictim().pid(), "kill " + (i + 1) + ": the model predicts the worker that died");
      List<String> lines = Files.readAllLines(dmesg);
      for (String marker : List.of("Killed process", "oom-kill:constraint=")) {
        String kernelLine = line(lines, e.firstLine(), e.lastLine(), marker);
        String modelLine = r.modelReport().stream().filter(l -> l.contains(marker)).findFirst().orElse(null);
        assertEquals(kernelLine, modelLine, "kill " + (i + 1) + ": the model's '" + marker + "' line, field for field");
      }
    }
    List<Long> marked = report.markVictim().stream().map(CaptureReport.Victim::pid).toList();
    assertEquals(died, marked, "oom:mark_victim pids in order vs the workers that died");
  }

  /** The kernel's first line of an event that contains {@code marker}, without the dmesg timestamp. */
  private static String line(List<String> lines, long first, long last, String marker) {
    for (long n = first; n <= last && n <= lines.size(); n++) {
      String l = lines.get((int) n - 1);
      int k = l.indexOf(marker);
      if (k >= 0) {
        int close = l.indexOf("] ");
        return close >= 0 && l.startsWith("[") ? l.substring(close + 2) : l;
      }
    }
    return null;
  }

  /**
   * The series' clauses on the running kernel: answerable only if the kernel carries the series (BTF names
   * {@code struct bpf_oom_ops}); otherwise not applicable, with the reason.
   */
  @Test
  @DisplayName("the BPF OOM series on the running kernel (struct bpf_oom_ops in its BTF?)")
  public void bpfOomSeriesOnTheRunningKernel() {
    Allure.epic("Live kernel");
    Allure.feature("BPF OOM series on the running kernel");
    Allure.story("struct bpf_oom_ops in the kernel's BTF");
    Allure.label("parentSuite", "Live kernel");
    Allure.suite("BPF OOM series on the running kernel");
    String release = release();
    Allure.parameter("kernel", release);
    KernelBtf.Result<KernelBtf> btf = KernelBtf.load(KernelBtf.VMLINUX);
    if (btf.get().isEmpty()) Assumptions.abort("BPF clauses not applicable: " + btf.failure());
    if (!btf.get().get().hasStruct("bpf_oom_ops")) {
      Assumptions.abort("BPF clauses not applicable: the running kernel " + release
          + " has no struct bpf_oom_ops in " + KernelBtf.VMLINUX + " — the BPF OOM series is not applied");
    }
    Assumptions.abort("the running kernel " + release + " carries struct bpf_oom_ops, but oomspec has no BPF"
        + " loader to run the series' clauses against it yet (the reference targets run them)");
  }

  private static String release() {
    try {
      return Files.readString(Path.of("/proc/sys/kernel/osrelease")).strip();
    } catch (IOException e) {
      return System.getProperty("os.version");
    }
  }

  /** {@code OOMSPEC_LIVE=off} or {@code -Doomspec.live=off}: no real OOM kill is made. */
  static boolean liveOff() {
    String v = System.getProperty("oomspec.live", System.getenv().getOrDefault("OOMSPEC_LIVE", "on"));
    return v.equalsIgnoreCase("off") || v.equals("0") || v.equalsIgnoreCase("false");
  }
}
