package dev.oomspec.traces.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The process that made an {@code oomspec-*} cgroup or trace instance, written into its name as
 * {@code oomspec-PID-STARTTIME-rest}: STARTTIME is field 22 of /proc/PID/stat (clock ticks since boot),
 * so a reused pid is not taken for the owner.
 */
public record Owner(long pid, long startTime) {

  /** Prefix of every directory oomspec makes. */
  public static final String PREFIX = "oomspec-";

  private static final Pattern NAME = Pattern.compile("oomspec-(\\d+)-(\\d+)-.+");

  /** This JVM. */
  public static Owner self() {
    long pid = ProcessHandle.current().pid();
    return new Owner(pid, startTimeOf(pid).orElse(0L));
  }

  /** The owner written in an oomspec directory name, if the name has that shape. */
  public static Optional<Owner> ofName(String name) {
    Matcher m = NAME.matcher(name);
    if (!m.matches()) {
      return Optional.empty();
    }
    return Optional.of(new Owner(Long.parseLong(m.group(1)), Long.parseLong(m.group(2))));
  }

  /** {@code oomspec-PID-STARTTIME-} */
  public String prefix() {
    return PREFIX + pid + "-" + startTime + "-";
  }

  /** Whether the owner is still running (same pid, same start time). */
  public boolean alive() {
    return startTimeOf(pid).map(t -> t == startTime).orElse(false);
  }

  /** Field 22 (starttime) of /proc/PID/stat, or empty when the process does not exist. */
  static Optional<Long> startTimeOf(long pid) {
    try {
      String stat = Files.readString(Path.of("/proc/" + pid + "/stat"));
      String[] rest = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
      // rest[0] is field 3 (state); starttime is field 22
      return Optional.of(Long.parseLong(rest[22 - 3]));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
