package dev.oomspec.traces.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A child memory cgroup made by the harness; v1 and v2 differ only in file names. */
public sealed interface MemoryCgroup permits CgroupV1, CgroupV2 {

  /** The group's directory. */
  Path dir();

  /** "v1" or "v2". */
  CaptureEnvironment.CgroupVersion version();

  /** Sets the memory limit and, when given, the memory+swap limit and swappiness. */
  void configure(long limitBytes, Long memswBytes, Integer swappiness) throws IOException;

  /** The limit as the kernel reports it after {@link #configure}. */
  long limitBytes() throws IOException;

  /** Moves a process into the group. */
  default void add(long pid) throws IOException {
    Files.writeString(dir().resolve("cgroup.procs"), Long.toString(pid));
  }

  /** The processes in the group now. */
  default List<Long> pids() throws IOException {
    List<Long> out = new ArrayList<>();
    for (String l : Files.readAllLines(dir().resolve("cgroup.procs"))) {
      if (!l.isBlank()) {
        out.add(Long.parseLong(l.strip()));
      }
    }
    return out;
  }

  /** Makes {@code parent/name} for the given hierarchy. */
  static MemoryCgroup create(CaptureEnvironment.CgroupVersion version, Path parent, String name)
      throws IOException {
    Path dir = parent.resolve(name);
    Files.createDirectory(dir);
    return version == CaptureEnvironment.CgroupVersion.V1 ? new CgroupV1(dir) : new CgroupV2(dir);
  }

  /**
   * Removes a group directory once its processes are gone: rmdir, retried for up to
   * {@code waitMillis} while the kernel still reports tasks (exiting tasks leave cgroup.procs late).
   */
  static boolean remove(Path dir, long waitMillis) {
    long deadline = System.nanoTime() + waitMillis * 1_000_000L;
    while (true) {
      try {
        Files.deleteIfExists(dir);
        return true;
      } catch (IOException e) {
        if (System.nanoTime() > deadline) {
          return false;
        }
        try {
          Thread.sleep(20);
        } catch (InterruptedException ie) {
          Thread.currentThread().interrupt();
          return false;
        }
      }
    }
  }
}
