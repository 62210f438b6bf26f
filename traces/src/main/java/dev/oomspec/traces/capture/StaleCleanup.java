package dev.oomspec.traces.capture;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Removes {@code oomspec-PID-STARTTIME-*} cgroups, trace instances and temporary directories whose
 * owner (see {@link Owner}) is no longer running: what a SIGKILLed harness leaves. It signals nothing:
 * a dead owner's workers (tail reading a pipe from the owner) exit on their own at EOF, so a stale
 * group is removed once its cgroup.procs is empty (waited for a bounded time); a group that still has
 * tasks then is reported and left.
 */
public final class StaleCleanup {

  private StaleCleanup() {}

  /** What one pass did. */
  public record Result(List<Path> removed, List<String> left) {
    public Result {
      removed = List.copyOf(removed);
      left = List.copyOf(left);
    }
  }

  /** Removes the stale entries under the environment's cgroup, tracefs instances and temp dir. */
  public static Result run(CaptureEnvironment env) {
    List<Path> removed = new ArrayList<>();
    List<String> left = new ArrayList<>();
    if (env.ownCgroup() != null) {
      for (Path g : stale(env.ownCgroup())) {
        if (awaitEmpty(g, 5000) && MemoryCgroup.remove(g, 2000)) {
          removed.add(g);
        } else {
          left.add(g + ": still has tasks (not ours to signal) or cannot be removed");
        }
      }
    }
    if (env.tracefs() != null) {
      for (Path t : stale(env.tracefs().resolve("instances"))) {
        if (new TraceInstance(t).remove()) {
          removed.add(t);
        } else {
          left.add(t + ": cannot be removed");
        }
      }
    }
    for (Path d : stale(Path.of(System.getProperty("java.io.tmpdir")))) {
      CaptureSession.deleteTree(d);
      removed.add(d);
    }
    return new Result(removed, left);
  }

  /** Every {@code oomspec-*} entry of {@code dir}, live owner or not. */
  public static List<Path> ours(Path dir) {
    List<Path> out = new ArrayList<>();
    if (dir == null || !Files.isDirectory(dir)) {
      return out;
    }
    try (DirectoryStream<Path> ds = Files.newDirectoryStream(dir, Owner.PREFIX + "*")) {
      ds.forEach(out::add);
    } catch (IOException e) {
      // unreadable: nothing of ours can be listed
    }
    return out;
  }

  private static List<Path> stale(Path dir) {
    List<Path> out = new ArrayList<>();
    for (Path p : ours(dir)) {
      Optional<Owner> o = Owner.ofName(p.getFileName().toString());
      if (o.isPresent() && !o.get().alive()) {
        out.add(p);
      }
    }
    return out;
  }

  private static boolean awaitEmpty(Path group, long millis) {
    long deadline = System.nanoTime() + millis * 1_000_000L;
    while (true) {
      try {
        if (Files.readString(group.resolve("cgroup.procs")).isBlank()) {
          return true;
        }
      } catch (IOException e) {
        return !Files.exists(group);
      }
      if (System.nanoTime() > deadline) {
        return false;
      }
      try {
        Thread.sleep(20);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return false;
      }
    }
  }
}
