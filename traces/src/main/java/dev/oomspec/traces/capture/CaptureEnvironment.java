package dev.oomspec.traces.capture;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * What this machine offers a live capture, probed once. Nothing here fails: whatever is missing becomes
 * a reason in {@link #problems()} (the capture is then skipped with that reason).
 *
 * @param root            effective uid 0
 * @param cgroupVersion   the memory controller's hierarchy, or null when there is none usable
 * @param ownCgroup       the directory of this process's own memory cgroup (children are made here)
 * @param tracefs         the tracefs mount (mounted by the probe when absent and possible), or null
 * @param kmsgReadable    /dev/kmsg can be opened for reading and writing (markers are written to it)
 * @param capSysResource  CAP_SYS_RESOURCE is in the effective set (needed for negative oom_score_adj)
 * @param kernelRelease   uname -r (from /proc/sys/kernel/osrelease)
 * @param problems        reasons a capture cannot run here; empty when it can
 */
public record CaptureEnvironment(
    boolean root,
    CgroupVersion cgroupVersion,
    Path ownCgroup,
    Path tracefs,
    boolean kmsgReadable,
    boolean capSysResource,
    String kernelRelease,
    List<String> problems) {

  /** CAP_SYS_RESOURCE's bit number in the capability sets. */
  static final int CAP_SYS_RESOURCE = 24;

  public CaptureEnvironment {
    problems = List.copyOf(problems);
  }

  /** Whether captures can run at all. */
  public boolean usable() {
    return problems.isEmpty();
  }

  /** Why {@code scenario} cannot run here, or empty when it can. */
  public Optional<String> skipReason(Scenario scenario) {
    if (!usable()) {
      return Optional.of(String.join("; ", problems));
    }
    boolean needCap =
        scenario.needsNegativeAdj() || scenario.requires().contains(Scenario.Requirement.CAP_SYS_RESOURCE);
    if (needCap && !capSysResource) {
      return Optional.of(
          "needs CAP_SYS_RESOURCE (negative oom_score_adj), which this process does not have");
    }
    for (Scenario.WorkerSpec w : scenario.workers()) {
      if (w.memory() != Scenario.MemoryKind.ANON) {
        return Optional.of(
            "worker " + w.name() + " asks for " + w.memory() + " memory; the tail worker only holds anon");
      }
    }
    if (scenario.swapLimitMb() != null && cgroupVersion == CgroupVersion.V1
        && !Files.exists(ownCgroup.resolve("memory.memsw.limit_in_bytes"))) {
      return Optional.of("swapLimitMb set but memory.memsw.limit_in_bytes is absent (no swap accounting)");
    }
    return Optional.empty();
  }

  /** Probes this machine; mounts tracefs at /sys/kernel/tracing when it is not mounted anywhere. */
  public static CaptureEnvironment probe() {
    List<String> problems = new ArrayList<>();
    boolean root = "0".equals(statusField("Uid").split("\\s+")[1]);
    if (!root) {
      problems.add("not root (need to write cgroup files, tracefs and /dev/kmsg)");
    }
    long capEff = Long.parseUnsignedLong(statusField("CapEff").strip(), 16);
    boolean capSysResource = (capEff & (1L << CAP_SYS_RESOURCE)) != 0;

    CgroupVersion version = null;
    Path own = null;
    List<String> mounts = lines(Path.of("/proc/self/mounts"));
    List<String> cgroups = lines(Path.of("/proc/self/cgroup"));
    String v1Mount = null;
    String v2Mount = null;
    for (String m : mounts) {
      String[] f = m.split(" ");
      if (f.length < 4) {
        continue;
      }
      if (f[2].equals("cgroup") && List.of(f[3].split(",")).contains("memory")) {
        v1Mount = f[1];
      } else if (f[2].equals("cgroup2") && v2Mount == null) {
        v2Mount = f[1];
      }
    }
    for (String line : cgroups) {
      String[] f = line.split(":", 3);
      if (f.length == 3 && v1Mount != null && List.of(f[1].split(",")).contains("memory")) {
        version = CgroupVersion.V1;
        own = Path.of(v1Mount + f[2]);
      }
    }
    if (version == null && v2Mount != null) {
      for (String line : cgroups) {
        String[] f = line.split(":", 3);
        if (f.length == 3 && f[0].equals("0") && f[1].isEmpty()) {
          Path dir = Path.of(v2Mount + f[2]);
          String controllers = read(dir.resolve("cgroup.controllers")).orElse("");
          if (List.of(controllers.strip().split(" ")).contains("memory")) {
            version = CgroupVersion.V2;
            own = dir;
          }
        }
      }
    }
    if (version == null) {
      problems.add("no memory cgroup controller (neither a v1 memory hierarchy nor memory in cgroup v2)");
    } else if (!Files.isWritable(own)) {
      problems.add("own memory cgroup " + own + " is not writable");
    }

    Path tracefs = tracefsMount(mounts);
    if (tracefs == null && root) {
      tracefs = mountTracefs();
    }
    if (tracefs == null) {
      problems.add("tracefs is not mounted and could not be mounted at /sys/kernel/tracing");
    } else if (!Files.isDirectory(tracefs.resolve("instances"))
        || !Files.isDirectory(tracefs.resolve("events/oom"))) {
      problems.add("tracefs at " + tracefs + " has no instances/ or no events/oom/");
      tracefs = null;
    }

    boolean kmsg = Files.isReadable(Path.of("/dev/kmsg")) && Files.isWritable(Path.of("/dev/kmsg"));
    String devkmsg = read(Path.of("/proc/sys/kernel/printk_devkmsg")).orElse("").strip();
    if (!kmsg) {
      problems.add("/dev/kmsg is not readable and writable");
    } else if (devkmsg.equals("off")) {
      kmsg = false;
      problems.add("kernel.printk_devkmsg=off: the start/end markers cannot be written to /dev/kmsg");
    }
    String release = read(Path.of("/proc/sys/kernel/osrelease")).orElse("unknown").strip();
    return new CaptureEnvironment(root, version, own, tracefs, kmsg, capSysResource, release, problems);
  }

  private static Path tracefsMount(List<String> mounts) {
    for (String m : mounts) {
      String[] f = m.split(" ");
      if (f.length > 2 && f[2].equals("tracefs")) {
        return Path.of(f[1]);
      }
    }
    return null;
  }

  private static Path mountTracefs() {
    Path target = Path.of("/sys/kernel/tracing");
    try {
      Process p =
          new ProcessBuilder("mount", "-t", "tracefs", "nodev", target.toString())
              .redirectErrorStream(true)
              .redirectOutput(ProcessBuilder.Redirect.DISCARD)
              .start();
      if (p.waitFor(10, TimeUnit.SECONDS) && p.exitValue() == 0) {
        return target;
      }
      p.destroyForcibly();
    } catch (IOException e) {
      return null;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return null;
  }

  private static String statusField(String key) {
    for (String l : lines(Path.of("/proc/self/status"))) {
      if (l.startsWith(key + ":")) {
        return l.substring(key.length() + 1).strip();
      }
    }
    return "";
  }

  static List<String> lines(Path p) {
    return read(p).map(s -> List.of(s.split("\n"))).orElse(List.of());
  }

  static Optional<String> read(Path p) {
    try {
      return Optional.of(Files.readString(p, StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }

  /** Which cgroup hierarchy holds the memory controller. */
  public enum CgroupVersion {
    V1,
    V2;

    /** "v1" / "v2", as written in capture JSON. */
    public String label() {
      return name().toLowerCase(java.util.Locale.ROOT);
    }
  }
}
