package dev.oomspec.fleet.replay;

/**
 * The host a log line names, for a file whose path gives none: the event's stream key as the readers set it — the
 * syslog / journal text prefix's host field ({@code Dec  8 01:56:31 web-17 kernel: …}), or {@code _HOSTNAME} of
 * journal JSON / export records (their key is {@code HOST/BOOT}). Readers of formats that print no host (dmesg,
 * /dev/kmsg, console, ftrace) leave the key empty.
 */
final class LogHost {
  private LogHost() {}

  /** The host in a stream key, or null when there is none (empty, or masked as {@code **}). */
  static String of(String stream) {
    if (stream == null) {
      return null;
    }
    int slash = stream.indexOf('/');
    String h = (slash < 0 ? stream : stream.substring(0, slash)).strip();
    return h.chars().anyMatch(Character::isLetterOrDigit) ? h : null;
  }
}
