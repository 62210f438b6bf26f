package dev.oomspec.traces.capture;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * Live captures on the running kernel. Skipped (with the reason) where the machine cannot capture:
 * not root, no memory cgroup, no tracefs, no /dev/kmsg, no GNU tail. The timeouts are hang guards.
 */
@Tag("live-kernel") // -DexcludedGroups=live-kernel skips the real OOM kills here as in the conformance live cases
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class LiveCaptureTest {

  static CaptureEnvironment env;

  @TempDir Path out;

  @BeforeAll
  static void probe() {
    assumeFalse(liveOff(), "live-kernel tests turned off (OOMSPEC_LIVE=off or -Doomspec.live=off)");
    env = CaptureEnvironment.probe();
    assumeTrue(env.usable(), () -> "cannot capture here: " + String.join("; ", env.problems()));
    assumeTrue(WorkerProcess.locateTail().isPresent(), "no GNU coreutils tail");
    StaleCleanup.run(env);
  }

  @Test
  void aNormalRunMakesItsKillsWritesTheFilesAndLeavesNothing() throws IOException {
    CaptureOutcome o = LiveCapture.run(env, ScenarioCatalog.load("five-idle"), out);
    CaptureOutcome.Captured c = assertInstanceOf(CaptureOutcome.Captured.class, o, o.summary());
    assertTrue(c.report().ok(), c.report().outcome());
    assertEquals(List.of("idle50", "hog"), c.report().diedFirst().stream().map(d -> d.get(0)).toList());
    for (String ext : List.of("kmsg", "dmesg", "ftrace", "json", "yaml")) {
      assertTrue(Files.size(out.resolve("five-idle." + ext)) > 0, ext);
    }
    String dmesg = Files.readString(out.resolve("five-idle.dmesg"));
    assertTrue(dmesg.contains("Killed process"), dmesg);
    assertTrue(Files.readString(out.resolve("five-idle.ftrace")).contains("mark_victim"));
    CaptureReport back = LiveCapture.readReport(c.json());
    assertEquals(c.report().tasks(), back.tasks());
    assertEquals(c.report().kills(), back.kills());
    assertEquals(c.report().outcome(), back.outcome());
    assertEquals(5, back.tasks().size());
    assertNothingLeft();
  }

  @Test
  void aRunWhoseWorkerCannotStartFailsAndLeavesNothing() {
    CaptureOutcome o =
        LiveCapture.run(
            env, ScenarioCatalog.load("five-idle"), out, Optional.of(Path.of("/nonexistent/tail")));
    assertInstanceOf(CaptureOutcome.Failed.class, o, o.summary());
    assertTrue(o.failed());
    assertNothingLeft();
  }

  @Test
  void aWrongExpectationIsReportedAndLeavesNothing() {
    Scenario hog = ScenarioCatalog.load("single-hog");
    Scenario wrong =
        new Scenario(hog.name(), hog.description(), hog.limitMb(), null, null, hog.workers(),
            hog.trigger(), 3, hog.timeoutSeconds(), null);
    CaptureOutcome o = LiveCapture.run(env, wrong, out);
    CaptureOutcome.Captured c = assertInstanceOf(CaptureOutcome.Captured.class, o, o.summary());
    assertFalse(c.report().ok());
    assertEquals("expected 3 kills, got 1", c.report().outcome());
    assertTrue(o.failed());
    assertNothingLeft();
  }

  @Test
  void negativeAdjIsSkippedWithTheReasonWithoutCapSysResource() {
    assumeFalse(env.capSysResource(), "this process has CAP_SYS_RESOURCE");
    CaptureOutcome o = LiveCapture.run(env, ScenarioCatalog.load("negative-adj"), out);
    CaptureOutcome.Skipped s = assertInstanceOf(CaptureOutcome.Skipped.class, o);
    assertTrue(s.reason().contains("CAP_SYS_RESOURCE"), s.reason());
    assertNothingLeft();
  }

  @Test
  void whatASigkilledOwnerLeftIsRemovedByTheNextStart() throws Exception {
    Process child = holder();
    String[] ready = awaitReady(child);
    Path group = Path.of(ready[1]);
    Path instance = Path.of(ready[2]);
    assertTrue(Files.isDirectory(group) && Files.isDirectory(instance));
    child.destroyForcibly(); // SIGKILL: no shutdown hook runs
    child.waitFor();
    assertTrue(Files.isDirectory(group), "SIGKILL cannot have run the hook");
    assertTrue(Files.isDirectory(instance));

    StaleCleanup.Result r = StaleCleanup.run(env);
    assertTrue(r.left().isEmpty(), r.left().toString());
    assertTrue(r.removed().contains(group), r.removed().toString());
    assertTrue(r.removed().contains(instance), r.removed().toString());
    long worker = Long.parseLong(ready[3]);
    // it left the (removed) group, so it has exited; it may still await reaping by its new parent
    String state = CaptureEnvironment.read(Path.of("/proc/" + worker + "/stat"))
        .map(st -> st.substring(st.lastIndexOf(')') + 2, st.lastIndexOf(')') + 3)).orElse("gone");
    assertTrue(state.equals("gone") || state.equals("Z") || state.equals("X"),
        "the dead owner's worker exits by itself at EOF; state " + state);
    assertNothingLeft();
  }

  @Test
  void sigtermRunsTheShutdownHookWhichRemovesEverything() throws Exception {
    Process child = holder();
    String[] ready = awaitReady(child);
    child.destroy(); // SIGTERM, as Ctrl-C's SIGINT: the JVM runs the shutdown hook
    child.waitFor();
    assertFalse(Files.exists(Path.of(ready[1])), "cgroup left: " + ready[1]);
    assertFalse(Files.exists(Path.of(ready[2])), "trace instance left: " + ready[2]);
    assertNothingLeft();
  }

  @Test
  void liveOwnersAreNotStale() throws Exception {
    Process child = holder();
    try {
      String[] ready = awaitReady(child);
      StaleCleanup.Result r = StaleCleanup.run(env);
      assertFalse(r.removed().contains(Path.of(ready[1])), "removed a live owner's group");
      assertTrue(Files.isDirectory(Path.of(ready[1])));
    } finally {
      child.destroy();
      child.waitFor();
    }
    assertNothingLeft();
  }

  /**
   * No oomspec-PID-START-* cgroup, trace instance or temp dir left by this JVM or by a dead owner (a leak). Items of
   * another live owner — a second build or `oomspec capture` running on the same machine at the same time — are
   * not this test's to judge.
   */
  static void assertNothingLeft() {
    List<Path> left = new ArrayList<>();
    for (Path dir :
        List.of(env.ownCgroup(), env.tracefs().resolve("instances"),
            Path.of(System.getProperty("java.io.tmpdir")))) {
      for (Path p : StaleCleanup.ours(dir)) {
        var owner = Owner.ofName(p.getFileName().toString());
        if (owner.isPresent() && (owner.get().equals(Owner.self()) || !owner.get().alive())) {
          left.add(p);
        }
      }
    }
    assertEquals(List.of(), left);
  }

  private static Process holder() throws IOException {
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    return new ProcessBuilder(
            java, "-cp", System.getProperty("java.class.path"), CaptureHolder.class.getName())
        .redirectError(ProcessBuilder.Redirect.INHERIT)
        .start();
  }

  private static String[] awaitReady(Process child) throws IOException {
    BufferedReader r =
        new BufferedReader(new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8));
    String line = r.readLine();
    assertTrue(line != null && line.startsWith("READY "), "holder said: " + line);
    return line.split(" ");
  }

  /** The opt-out shared with the conformance live cases: {@code OOMSPEC_LIVE=off} or {@code -Doomspec.live=off}. */
  static boolean liveOff() {
    String v = System.getProperty("oomspec.live", System.getenv().getOrDefault("OOMSPEC_LIVE", "on"));
    return v.equalsIgnoreCase("off") || v.equals("0") || v.equalsIgnoreCase("false");
  }
}
