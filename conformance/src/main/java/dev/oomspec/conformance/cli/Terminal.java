package dev.oomspec.conformance.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Whether stderr is a terminal, whatever stdout is ({@code System.console()} is null as soon as stdout is
 * redirected, so it cannot tell). On Linux the answer is where {@code /proc/self/fd/2} points: a tty or pts
 * device. {@code OOMSPEC_PROGRESS=always|never} overrides it.
 */
final class Terminal {
  private Terminal() {}

  static boolean stderrIsTerminal() {
    String forced = System.getenv("OOMSPEC_PROGRESS");
    if ("always".equals(forced)) {
      return true;
    }
    if ("never".equals(forced)) {
      return false;
    }
    try {
      String target = Files.readSymbolicLink(Path.of("/proc/self/fd/2")).toString();
      return target.startsWith("/dev/pts/") || target.startsWith("/dev/tty") || target.equals("/dev/console");
    } catch (IOException | UnsupportedOperationException | SecurityException e) {
      return System.console() != null;
    }
  }
}
