package dev.oomspec.traces.read;

import java.util.ArrayList;
import java.util.List;

/** Shared decoding for {@link SyslogReader} and {@link JournalTextReader}. */
final class SyslogKernelText {

  private String lastHost;
  private boolean lastWasKernel;

  /** The host and whether the last prefixed line was the kernel's (continuation lines follow it). */
  String carried() {
    return (lastHost == null ? "~" : lastHost.length() + ":" + lastHost) + "," + lastWasKernel;
  }

  Decoded decode(String source, long n, String line) {
    if (line.isBlank()) {
      return new Decoded.Unrelated("blank line");
    }
    String t = line.strip();
    if (t.startsWith("-- ") && t.endsWith(" --") || t.equals("-- Reboot --") || t.equals("-- No entries --")) {
      lastWasKernel = false;
      return new Decoded.Unrelated("journal banner");
    }
    SyslogPrefix p = SyslogPrefix.parse(line);
    if (p == null && isIdentifierOnly(line)) {
      // journal lines published with only the identifier (date and host removed): "kernel: text"
      lastHost = "";
      lastWasKernel = true;
      String text = line.substring(7); // "kernel:" glued to the text is read too (OOMAnalyser's prefix test)
      return Decoded.kernel(new KernelLine(source, n, "", null, null, null, false,
          (text.startsWith(" ") ? text.substring(1) : text).stripTrailing()));
    }
    if (p == null) {
      if ((line.charAt(0) == ' ' || line.charAt(0) == '\t') && lastWasKernel) {
        return Decoded.kernel(new KernelLine(source, n, lastHost, null, null, null, true, t));
      }
      return new Decoded.Unrelated("no syslog prefix");
    }
    lastHost = p.host();
    lastWasKernel = p.ident().equals("kernel");
    if (!lastWasKernel) {
      return UserSpaceKills.isKiller(p.ident()) ? UserSpaceKills.decode(source, n, p.ident(), p.message())
          : new Decoded.Unrelated("not from the kernel: " + p.ident());
    }
    String msg = p.message();
    if (msg.contains("#012")) {
      return escapedLines(source, n, p, msg);
    }
    double[] ts = new double[1];
    int after = Scan.dmesgTimestamp(msg, 0, ts);
    if (after < 0) {
      return Decoded.kernel(new KernelLine(source, n, p.host(), null, p.wallClock(), null, false,
          msg.stripTrailing()));
    }
    List<KernelLine> out = new ArrayList<>(1);
    int i = 0;
    while (true) {
      after = Scan.dmesgTimestamp(msg, i, ts);
      String[] caller = new String[1];
      int c = Scan.callerId(msg, after, caller);
      int textStart = c > 0 ? c : after;
      if (textStart < msg.length() && msg.charAt(textStart) == ' ') {
        textStart++;
      }
      int next = DmesgReader.nextGlued(msg, textStart, ts[0]);
      String text = msg.substring(textStart, next < 0 ? msg.length() : next).stripTrailing();
      out.add(new KernelLine(source, n, p.host(), Double.isNaN(ts[0]) ? null : ts[0], p.wallClock(), caller[0],
          false, text));
      if (next < 0) {
        break;
      }
      i = next;
    }
    return new Decoded.Kernel(out);
  }

  /** A record rsyslog wrote as one line with {@code #012} for each line feed: its lines, the first carrying the stamp. */
  private static Decoded escapedLines(String source, long n, SyslogPrefix p, String msg) {
    List<KernelLine> out = new ArrayList<>();
    boolean first = true;
    for (String piece : SyslogVariants.lines(msg)) {
      String text = piece;
      Double ts = null;
      if (first) {
        double[] t = new double[1];
        int after = Scan.dmesgTimestamp(piece, 0, t);
        if (after >= 0) {
          ts = Double.isNaN(t[0]) ? null : t[0];
          text = piece.substring(Math.min(piece.length(), after + (after < piece.length() && piece.charAt(after) == ' ' ? 1 : 0)));
        }
      }
      if (!text.isBlank()) {
        out.add(new KernelLine(source, n, p.host(), ts, p.wallClock(), null, !first, first ? text.stripTrailing()
            : text.strip()));
      }
      first = false;
    }
    return out.isEmpty() ? new Decoded.Unrelated("empty kernel record") : new Decoded.Kernel(out);
  }

  /** {@code kernel: text} or a bare {@code kernel:}. */
  static boolean isIdentifierOnly(String line) {
    return line.startsWith("kernel:");
  }

  /** 0 no, 1 syslog prefix of another program, 2 kernel syslog prefix, 3 journal banner, 4 {@code kernel: } only. */
  static int sniff(String line) {
    if (isIdentifierOnly(line)) {
      return 4;
    }
    String t = line.strip();
    if (t.startsWith("-- Logs begin at") || t.startsWith("-- Journal begins at") || t.startsWith("-- Boot ")) {
      return 3;
    }
    SyslogPrefix p = SyslogPrefix.parse(line);
    if (p == null) {
      return 0;
    }
    return p.ident().equals("kernel") ? 2 : 1;
  }
}
