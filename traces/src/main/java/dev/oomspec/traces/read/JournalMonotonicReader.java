package dev.oomspec.traces.read;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * {@code journalctl -o short-monotonic} (and the journal files systemd's own tests keep), also a VM console where
 * the kernel's lines and the journal's forwarded lines mix: {@code [   77.749597] host systemd-oomd[659]: message},
 * the host optional. A line that names its program is the journal's: {@code kernel} lines are kernel text, the
 * kill lines of user-space OOM killers are {@link UserSpaceKills}, other programs' lines are unrelated; a line with
 * a timestamp and no program is the kernel's, read as dmesg reads it. Sniffed over dmesg only when most lines
 * name a program. The host is the stream key.
 */
public final class JournalMonotonicReader implements LogReader {

  private static final Pattern LINE =
      Pattern.compile("\\[\\s*(\\d+\\.\\d+)\\] (?:(\\S+) )?([\\w.@-]+)(\\[\\d+\\])?: ?(.*)");

  private final DmesgReader dmesg = new DmesgReader();

  @Override
  public String name() {
    return "journal-monotonic";
  }

  @Override
  public int sniff(String line) {
    Matcher m = LINE.matcher(line.strip());
    if (!m.matches()) {
      return 0;
    }
    // "[ 1.2] systemd[1]: …" or "[ 1.2] host kernel: …": a program named ("usb 1-1: …" is dmesg); dmesg scores 2
    return named(m) ? 3 : 0;
  }

  /** A program with its pid ({@code systemd-oomd[659]}), or {@code kernel}. */
  private static boolean named(Matcher m) {
    return m.group(4) != null || m.group(3).equals("kernel");
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    if (line.isBlank()) {
      return new Decoded.Unrelated("blank line");
    }
    String t = line.strip();
    if (t.startsWith("-- ") && t.endsWith(" --")) {
      return new Decoded.Unrelated("journal banner");
    }
    Matcher m = LINE.matcher(t);
    if (!m.matches() || !named(m)) {
      return dmesg.decode(source, n, line); // the kernel's own console line
    }
    String host = m.group(2) == null ? "" : m.group(2);
    String ident = m.group(3);
    if (ident.equals("kernel")) {
      return Decoded.kernel(new KernelLine(source, n, host, Double.valueOf(m.group(1)), null, null, false,
          m.group(5).stripTrailing()));
    }
    if (UserSpaceKills.isKiller(ident)) {
      return UserSpaceKills.decode(source, n, ident, m.group(5));
    }
    return new Decoded.Unrelated("not from the kernel: " + ident);
  }
}
