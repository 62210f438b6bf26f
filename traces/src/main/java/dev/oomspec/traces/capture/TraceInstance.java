package dev.oomspec.traces.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** An ftrace instance {@code TRACEFS/instances/NAME} with the oom:* events enabled. */
public record TraceInstance(Path dir) {

  /** Makes the instance and enables {@code events/oom/enable}. */
  public static TraceInstance create(Path tracefs, String name) throws IOException {
    Path dir = tracefs.resolve("instances").resolve(name);
    Files.createDirectory(dir);
    TraceInstance t = new TraceInstance(dir);
    Files.writeString(dir.resolve("events/oom/enable"), "1");
    return t;
  }

  /** The instance's {@code trace} file as text (the ring buffer as it is now). */
  public String text() throws IOException {
    return Files.readString(dir.resolve("trace"));
  }

  /** Disables the events and removes the instance (the kernel frees its buffers). */
  public boolean remove() {
    try {
      Files.writeString(dir.resolve("events/oom/enable"), "0");
    } catch (IOException e) {
      // the instance may be gone already; rmdir below says
    }
    return MemoryCgroup.remove(dir, 1000);
  }
}
