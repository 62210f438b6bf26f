package dev.oomspec.traces.capture;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Runs scenarios on the live kernel and writes, per scenario, into the output directory:
 * {@code NAME.kmsg} (raw /dev/kmsg records of the window), {@code NAME.dmesg} (dmesg-style),
 * {@code NAME.ftrace} (the trace instance's {@code trace} text), {@code NAME.json} ({@link
 * CaptureReport}) and {@code NAME.yaml} (the scenario).
 *
 * <pre>{@code
 * CaptureOutcome o = LiveCapture.run(ScenarioCatalog.load("five-idle"), Path.of("target/captures"));
 * if (o instanceof CaptureOutcome.Captured c) { c.dir(); c.report().kills(); }
 * CaptureReport r = LiveCapture.readReport(Path.of("traces/corpus/live-6.18/five-idle.json"));
 * }</pre>
 */
public final class LiveCapture {

  private static final long MIB = 1024L * 1024L;
  private static final long GROW_STEP = MIB;
  private static final Pattern KILLED =
      Pattern.compile(
          "Killed process (\\d+) \\((.*)\\) total-vm:(\\d+)kB, anon-rss:(\\d+)kB, file-rss:(\\d+)kB,"
              + " shmem-rss:(\\d+)kB, UID:\\d+ pgtables:(\\d+)kB oom_score_adj:(-?\\d+)");
  private static final Pattern MARK_VICTIM =
      Pattern.compile("\\s(\\d+\\.\\d+): mark_victim: pid=(\\d+) comm=(\\S+)");
  private static final ObjectMapper JSON =
      JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

  /** How the reason of a {@link CaptureOutcome.Failed} begins when Ctrl-C/SIGTERM stopped it. */
  public static final String INTERRUPTED = "interrupted";

  private LiveCapture() {}

  /** Runs one scenario after probing the machine. */
  public static CaptureOutcome run(Scenario s, Path outDir) {
    return run(CaptureEnvironment.probe(), s, outDir);
  }

  /** Runs every shipped scenario, in catalog order. */
  public static List<CaptureOutcome> runAll(Path outDir) {
    CaptureEnvironment env = CaptureEnvironment.probe();
    List<CaptureOutcome> out = new ArrayList<>();
    for (Scenario s : ScenarioCatalog.all()) {
      out.add(run(env, s, outDir));
    }
    return out;
  }

  /** Reads a capture's NAME.json. */
  public static CaptureReport readReport(Path json) {
    try {
      return JSON.readValue(json.toFile(), CaptureReport.class);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Runs one scenario in a probed environment. Never throws for machine trouble: see the outcome. */
  public static CaptureOutcome run(CaptureEnvironment env, Scenario s, Path outDir) {
    Optional<String> skip = env.skipReason(s);
    if (skip.isPresent()) {
      return new CaptureOutcome.Skipped(s.name(), skip.get());
    }
    return run(env, s, outDir, WorkerProcess.locateTail());
  }

  /** As {@link #run(CaptureEnvironment, Scenario, Path)} with a given worker binary (tests). */
  static CaptureOutcome run(CaptureEnvironment env, Scenario s, Path outDir, Optional<Path> tail) {
    Optional<String> skip = env.skipReason(s);
    if (skip.isPresent()) {
      return new CaptureOutcome.Skipped(s.name(), skip.get());
    }
    if (tail.isEmpty()) {
      return new CaptureOutcome.Skipped(s.name(), "no GNU coreutils tail on PATH (the worker program)");
    }
    OomReportBudget.await(s.expectedKills());
    CaptureOutcome o = attempt(env, s, outDir, tail);
    if (o instanceof CaptureOutcome.Captured c && c.report().oomReports() < c.report().kills().size()) {
      // the kernel printed fewer reports than kills (oom_rs ratelimit, maybe spent by OOMs elsewhere):
      // once its window has surely expired, run again
      OomReportBudget.awaitFreshWindow();
      o = attempt(env, s, outDir, tail);
    }
    if (o instanceof CaptureOutcome.Captured c) {
      OomReportBudget.spent(c.report().oomReports());
    }
    return o;
  }

  private static CaptureOutcome attempt(
      CaptureEnvironment env, Scenario s, Path outDir, Optional<Path> tail) {
    StaleCleanup.run(env);
    long t0 = System.nanoTime();
    long deadline = t0 + s.timeoutSeconds() * 1_000_000_000L;
    CaptureSession session;
    try {
      Files.createDirectories(outDir);
      session = CaptureSession.open(env, s, tail.get());
    } catch (IllegalStateException e) {
      return new CaptureOutcome.Failed(s.name(), INTERRUPTED + " (the JVM is shutting down)");
    } catch (IOException | RuntimeException e) {
      return new CaptureOutcome.Failed(s.name(), "setup: " + e);
    }
    Thread guard = guard(session, deadline);
    try (session) {
      for (Scenario.WorkerSpec spec : s.startOrder()) {
        for (String comm : spec.comms()) {
          WorkerProcess w = session.start(comm, spec, deadline);
          if (spec.grow()) {
            while (w.alive() && System.nanoTime() < deadline && w.feed(GROW_STEP)) {
              // grows until the kernel kills it
            }
          } else {
            w.feed(spec.residentMb() * MIB);
            w.awaitConsumed(deadline);
          }
        }
      }
      if (session.closed()) {
        throw new IOException("timed out after " + s.timeoutSeconds() + " s or interrupted");
      }
      String ftrace = session.trace().text();
      List<KmsgRecord> records = session.kmsg().finish();
      CaptureReport report =
          report(env, s, session, records, ftrace, session.kmsg().lost(), t0, deadline);
      String stem = s.name();
      Files.writeString(outDir.resolve(stem + ".kmsg"), join(records.stream().map(KmsgRecord::raw).toList()));
      Files.writeString(
          outDir.resolve(stem + ".dmesg"), join(records.stream().map(KmsgRecord::dmesgLine).toList()));
      Files.writeString(outDir.resolve(stem + ".ftrace"), ftrace);
      Files.writeString(outDir.resolve(stem + ".yaml"), yaml(s));
      Path json = outDir.resolve(stem + ".json");
      JSON.writeValue(json.toFile(), report);
      return new CaptureOutcome.Captured(s.name(), outDir, json, report);
    } catch (IOException | RuntimeException e) {
      String why =
          !session.closed()
              ? e.toString()
              : System.nanoTime() > deadline
                  ? "timed out after " + s.timeoutSeconds() + " s (" + e.getMessage() + ")"
                  : INTERRUPTED + " (session closed by the shutdown hook)";
      return new CaptureOutcome.Failed(s.name(), why);
    } finally {
      guard.interrupt();
    }
  }

  private static CaptureReport report(
      CaptureEnvironment env,
      Scenario s,
      CaptureSession session,
      List<KmsgRecord> records,
      String ftrace,
      int lost,
      long t0,
      long deadline) {
    Map<Long, WorkerProcess> byPid = new LinkedHashMap<>();
    for (WorkerProcess w : session.workers()) {
      byPid.put(w.pid(), w);
    }
    List<CaptureReport.Kill> kills = new ArrayList<>();
    for (KmsgRecord r : records) {
      Matcher m = KILLED.matcher(r.text());
      if (m.find() && byPid.containsKey(Long.parseLong(m.group(1)))) {
        kills.add(
            new CaptureReport.Kill(
                r.seq(), r.usec(), Long.parseLong(m.group(1)), m.group(2), Long.parseLong(m.group(3)),
                Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)),
                Long.parseLong(m.group(7)), Integer.parseInt(m.group(8))));
      }
    }
    // the kill is logged before the victim has exited: wait (bounded) so exit statuses are final
    for (CaptureReport.Kill k : kills) {
      Process p = byPid.get(k.pid()).process();
      long left = Math.max(0, deadline - System.nanoTime());
      try {
        p.waitFor(left, java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    List<CaptureReport.Victim> victims = new ArrayList<>();
    Matcher mv = MARK_VICTIM.matcher(ftrace);
    while (mv.find()) {
      victims.add(
          new CaptureReport.Victim(
              Double.parseDouble(mv.group(1)), Long.parseLong(mv.group(2)), mv.group(3)));
    }
    Set<Long> killed = kills.stream().map(CaptureReport.Kill::pid).collect(Collectors.toSet());
    List<CaptureReport.Task> tasks = new ArrayList<>();
    Map<String, Integer> actual = new LinkedHashMap<>();
    for (WorkerProcess w : byPid.values()) {
      Scenario.WorkerSpec spec = w.spec();
      tasks.add(
          new CaptureReport.Task(
              w.comm(),
              spec.grow() ? -1 : spec.residentMb(),
              spec.memory().name().toLowerCase(java.util.Locale.ROOT),
              spec.name().equals(s.trigger()),
              spec.oomScoreAdj(),
              w.actualAdj(),
              w.pid(),
              w.fed(),
              w.exit(),
              killed.contains(w.pid())));
      actual.put(Long.toString(w.pid()), w.actualAdj());
    }
    List<List<Object>> diedFirst = new ArrayList<>();
    for (CaptureReport.Kill k : kills) {
      diedFirst.add(List.of(k.comm(), k.pid()));
    }
    int reports = 0;
    for (KmsgRecord r : records) {
      if (r.text().contains(" invoked oom-killer: ")) {
        reports++;
      }
    }
    String outcome =
        kills.size() != s.expectedKills()
            ? "expected " + s.expectedKills() + " kills, got " + kills.size()
            : reports < kills.size()
                ? "the kernel printed " + reports + " OOM reports for " + kills.size()
                    + " kills (oom_rs ratelimit: " + OomReportBudget.BURST + " per "
                    + OomReportBudget.INTERVAL_MS / 1000 + " s)"
                : "ok";
    long limitBytes;
    try {
      limitBytes = session.cgroup().limitBytes();
    } catch (IOException e) {
      limitBytes = -1;
    }
    Path root = env.ownCgroup();
    String rel = "/" + relativeToHierarchy(root).resolve(session.cgroup().dir().getFileName());
    return new CaptureReport(
        s.name(),
        s.description(),
        session.cgroup().version().label(),
        rel.replace("//", "/"),
        s.limitMb(),
        limitBytes,
        s.swapLimitMb(),
        env.kernelRelease(),
        "GNU coreutils tail fed a newline-free pipe, started through a symlink named after the worker",
        s.expectedKills(),
        tasks,
        actual,
        diedFirst,
        kills,
        victims,
        reports,
        records.size(),
        lost,
        (System.nanoTime() - t0) / 1_000_000,
        outcome);
  }

  /** The own cgroup's path as /proc/self/cgroup gives it (relative to the hierarchy root). */
  private static Path relativeToHierarchy(Path ownCgroup) {
    for (String line : CaptureEnvironment.lines(Path.of("/proc/self/cgroup"))) {
      String[] f = line.split(":", 3);
      if (f.length == 3 && ownCgroup.toString().endsWith(f[2]) && !f[2].equals("/")) {
        return Path.of(f[2].substring(1));
      }
    }
    return Path.of("");
  }

  private static String yaml(Scenario s) {
    try {
      if (ScenarioCatalog.names().contains(s.name()) && ScenarioCatalog.load(s.name()).equals(s)) {
        return ScenarioCatalog.yamlText(s.name()); // as shipped, comments and all
      }
    } catch (RuntimeException e) {
      // fall through: write the scenario as loaded
    }
    return ScenarioCatalog.toYaml(s);
  }

  private static String join(List<String> lines) {
    return lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
  }

  /** Closes the session at the deadline: a hang guard, never a pacing device. */
  private static Thread guard(CaptureSession session, long deadline) {
    Thread t =
        new Thread(
            () -> {
              try {
                long ms = (deadline - System.nanoTime()) / 1_000_000;
                if (ms > 0) {
                  Thread.sleep(ms);
                }
                session.close();
              } catch (InterruptedException e) {
                // finished in time
              }
            },
            "oomspec-capture-timeout");
    t.setDaemon(true);
    t.start();
    return t;
  }
}
