package dev.oomspec.traces.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * A cgroup v2 memory group: memory.max, memory.swap.max. Not exercised on the development machine
 * (which has the v1 memory hierarchy); the parent must have memory in cgroup.subtree_control.
 */
public record CgroupV2(Path dir) implements MemoryCgroup {

  @Override
  public CaptureEnvironment.CgroupVersion version() {
    return CaptureEnvironment.CgroupVersion.V2;
  }

  @Override
  public void configure(long limitBytes, Long memswBytes, Integer swappiness) throws IOException {
    if (!Files.exists(dir.resolve("memory.max"))) {
      throw new IOException(
          "memory controller not enabled for children of " + dir.getParent()
              + " (cgroup.subtree_control lacks memory)");
    }
    Files.writeString(dir.resolve("memory.max"), Long.toString(limitBytes));
    Path swapMax = dir.resolve("memory.swap.max");
    if (Files.exists(swapMax)) {
      long swap = memswBytes == null ? 0 : memswBytes - limitBytes;
      Files.writeString(swapMax, Long.toString(swap));
    }
    // v2 has no per-group swappiness
  }

  @Override
  public long limitBytes() throws IOException {
    String s = Files.readString(dir.resolve("memory.max")).strip();
    return s.equals("max") ? Long.MAX_VALUE : Long.parseLong(s);
  }
}
