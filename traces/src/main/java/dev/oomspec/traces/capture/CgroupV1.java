package dev.oomspec.traces.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** A cgroup v1 memory group: memory.limit_in_bytes, memory.memsw.limit_in_bytes, memory.swappiness. */
public record CgroupV1(Path dir) implements MemoryCgroup {

  @Override
  public CaptureEnvironment.CgroupVersion version() {
    return CaptureEnvironment.CgroupVersion.V1;
  }

  @Override
  public void configure(long limitBytes, Long memswBytes, Integer swappiness) throws IOException {
    write("memory.limit_in_bytes", limitBytes);
    Path memsw = dir.resolve("memory.memsw.limit_in_bytes");
    if (Files.exists(memsw)) {
      // memsw must stay >= limit; with no swap limit given, memory+swap = memory: no swap use
      write("memory.memsw.limit_in_bytes", memswBytes == null ? limitBytes : memswBytes);
    }
    if (swappiness != null) {
      write("memory.swappiness", swappiness);
    }
  }

  @Override
  public long limitBytes() throws IOException {
    return Long.parseLong(Files.readString(dir.resolve("memory.limit_in_bytes")).strip());
  }

  private void write(String file, long value) throws IOException {
    Files.writeString(dir.resolve(file), Long.toString(value));
  }
}
