package dev.oomspec.conformance.cli;

import dev.oomspec.traces.capture.CaptureEnvironment;
import dev.oomspec.traces.capture.CaptureOutcome;
import dev.oomspec.traces.capture.LiveCapture;
import dev.oomspec.traces.capture.Scenario;
import dev.oomspec.traces.capture.ScenarioCatalog;
import dev.oomspec.traces.capture.StaleCleanup;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code oomspec capture}: records real OOM kills of the running kernel inside a child memory cgroup.
 * Exit 0: every scenario run made its expected kills (skipped ones are listed with their reason);
 * 1: a scenario did not (or failed); 2: unusable environment or arguments.
 */
@Command(
    name = "capture",
    mixinStandardHelpOptions = true,
    description = {
      "Runs live OOM scenarios in a child memory cgroup and writes NAME.kmsg, .dmesg, .ftrace, .json",
      "and .yaml per scenario. Needs root, a memory cgroup, tracefs and /dev/kmsg."
    })
public final class CaptureCommand implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--scenario", paramLabel = "NAME", description = "a shipped scenario name or a .yaml file (repeatable)")
  List<String> scenarios = new ArrayList<>();

  @Option(names = "--all", description = "run every shipped scenario")
  boolean all;

  @Option(names = "--out", paramLabel = "DIR", description = "output directory (default: ${DEFAULT-VALUE})")
  Path out = Path.of("target/captures");

  @Option(names = "--list", description = "list the shipped scenarios and exit")
  boolean list;

  @Option(names = "--cleanup-stale", description = "remove oomspec-* groups/instances whose owner is dead, and exit")
  boolean cleanupStale;

  @Override
  public Integer call() {
    PrintWriter o = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    if (list) {
      List<Scenario> shipped;
      try {
        shipped = ScenarioCatalog.all();
      } catch (RuntimeException e) {
        err.println("capture: " + e.getMessage());
        return 2;
      }
      for (Scenario s : shipped) {
        o.printf("%-22s kills %d  limit %4d MB  %s%n", s.name(), s.expectedKills(), s.limitMb(),
            s.description().replaceAll("\\s+", " "));
      }
      o.flush();
      return 0;
    }
    CaptureEnvironment env = CaptureEnvironment.probe();
    if (cleanupStale) {
      StaleCleanup.Result r = StaleCleanup.run(env);
      r.removed().forEach(p -> o.println("removed " + p));
      r.left().forEach(p -> err.println("left " + p));
      o.flush();
      return r.left().isEmpty() ? 0 : 1;
    }
    if (all == !scenarios.isEmpty()) {
      err.println("give --all or --scenario NAME (or --list, --cleanup-stale)");
      spec.commandLine().usage(err);
      return 2;
    }
    List<Scenario> run = new ArrayList<>();
    try {
      if (all) {
        run.addAll(ScenarioCatalog.all());
      } else {
        for (String n : scenarios) {
          run.add(ScenarioCatalog.load(n));
        }
      }
    } catch (RuntimeException e) {
      err.println(e.getMessage());
      return 2;
    }
    if (!env.usable()) {
      err.println("capture: this machine cannot capture: " + String.join("; ", env.problems()));
      return 2;
    }
    o.printf("kernel %s, cgroup %s under %s, tracefs %s%n", env.kernelRelease(),
        env.cgroupVersion().label(), env.ownCgroup(), env.tracefs());
    long t0 = System.nanoTime();
    boolean failed = false;
    int ran = 0;
    for (Scenario s : run) {
      ran++;
      CaptureOutcome r = LiveCapture.run(env, s, out);
      o.println(r.summary());
      o.flush();
      failed |= r.failed();
      if (r instanceof CaptureOutcome.Failed f && f.reason().startsWith(LiveCapture.INTERRUPTED)) {
        break; // Ctrl-C / SIGTERM: the shutdown hook has cleaned up; run nothing more
      }
    }
    o.printf("%d of %d scenario(s) in %d ms%n", ran, run.size(), (System.nanoTime() - t0) / 1_000_000);
    o.flush();
    return failed ? 1 : 0;
  }
}
