package dev.oomspec.traces.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Syslog wrappings that {@link SyslogPrefix}'s classic form does not cover, as rsyslog and syslog-ng templates and
 * other collectors write them:
 * <ul>
 *   <li>a priority before the line: numeric {@code <4>} or rsyslog's {@code <kern.warning>} (also between host and
 *       program: {@code Apr 01 14:13:32 mysrv <kern.warning> kernel: …});</li>
 *   <li>RFC 5424: {@code <4>1 2024-03-01T10:00:00.123+01:00 host kernel - - - message} ({@code -} for an absent
 *       field, structured data {@code [..]} or {@code -});</li>
 *   <li>no host name: {@code Feb 20 10:59:34 earlyoom[10231]: …}, {@code 2024-03-01T10:00:00+01:00 kernel: …};</li>
 *   <li>{@code kernel:} glued to the message: {@code host kernel:[ 116.563487] Oops …}.</li>
 * </ul>
 * rsyslog also escapes control characters in a message as {@code #ooo} (octal): a kernel record of several lines
 * arrives as one line with {@code #012} between them ({@link #lines}).
 */
public final class SyslogVariants {
  private SyslogVariants() {}

  /** Parses a variant or returns null. */
  public static SyslogPrefix parse(String line) {
    String s = line;
    int i = Scan.skipSpaces(s, 0);
    if (i < s.length() && s.charAt(i) == '<') {
      int close = s.indexOf('>', i);
      if (close < 0 || close - i > 24) {
        return null;
      }
      s = s.substring(close + 1);
      SyslogPrefix rfc = rfc5424(s);
      if (rfc != null) {
        return rfc;
      }
      SyslogPrefix p = SyslogPrefix.standard(s.stripLeading());
      if (p != null) {
        return p;
      }
      return hostless(s.stripLeading());
    }
    String noPri = withoutInnerPriority(s);
    if (noPri != null) {
      SyslogPrefix p = SyslogPrefix.standard(noPri);
      if (p != null) {
        return p;
      }
      s = noPri;
    }
    SyslogPrefix glued = gluedKernel(s);
    if (glued != null) {
      return glued;
    }
    return hostless(s);
  }

  /** The message split at rsyslog's escaped line feeds ({@code #012}), or the message alone. */
  public static List<String> lines(String message) {
    if (!message.contains("#012")) {
      return List.of(message);
    }
    List<String> out = new ArrayList<>();
    int from = 0;
    int at;
    while ((at = message.indexOf("#012", from)) >= 0) {
      out.add(message.substring(from, at));
      from = at + 4;
    }
    out.add(message.substring(from));
    return out;
  }

  /** {@code VERSION SP TIMESTAMP SP HOST SP APP SP PROCID SP MSGID SP SD SP MSG} after the {@code <PRI>}. */
  private static SyslogPrefix rfc5424(String s) {
    if (s.length() < 3 || !Character.isDigit(s.charAt(0)) || s.charAt(1) != ' ') {
      return null;
    }
    String[] f = s.substring(2).split(" ", 6);
    if (f.length < 6 || !(f[0].equals("-") || Scan.isDigit(f[0].charAt(0)))) {
      return null;
    }
    String msg = f[5];
    if (msg.startsWith("[")) {
      int end = structuredDataEnd(msg);
      if (end < 0) {
        return null;
      }
      msg = msg.substring(end);
    } else if (msg.startsWith("-")) {
      msg = msg.substring(1);
    } else {
      return null;
    }
    if (msg.startsWith(" ")) {
      msg = msg.substring(1);
    }
    if (msg.startsWith("\uFEFF")) {
      msg = msg.substring(1); // the BOM RFC 5424 allows before a UTF-8 message
    }
    String host = f[1].equals("-") ? "" : f[1];
    String app = f[2].equals("-") ? "" : f[2];
    return new SyslogPrefix(f[0], host, app, msg);
  }

  private static int structuredDataEnd(String s) {
    int i = 0;
    while (i < s.length() && s.charAt(i) == '[') {
      boolean quoted = false;
      int j = i + 1;
      for (; j < s.length(); j++) {
        char c = s.charAt(j);
        if (c == '\\') {
          j++;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (c == ']' && !quoted) {
          break;
        }
      }
      if (j >= s.length()) {
        return -1;
      }
      i = j + 1;
    }
    return i;
  }

  /** {@code DATE HOST <fac.sev> ident: msg} → the line without the {@code <fac.sev>} token, or null. */
  private static String withoutInnerPriority(String s) {
    int lt = s.indexOf(" <");
    if (lt < 0) {
      return null;
    }
    int gt = s.indexOf("> ", lt);
    if (gt < 0 || gt - lt > 24 || s.substring(lt + 2, gt).indexOf(' ') >= 0) {
      return null;
    }
    String pri = s.substring(lt + 2, gt);
    if (!pri.matches("[a-z0-9]+\\.[a-z]+|\\d{1,3}")) {
      return null;
    }
    return s.substring(0, lt) + s.substring(gt + 1);
  }

  /** {@code DATE HOST kernel:MESSAGE} with no space after the colon. */
  private static SyslogPrefix gluedKernel(String s) {
    int k = s.indexOf(" kernel:");
    if (k < 0 || k + 8 >= s.length() || s.charAt(k + 8) == ' ') {
      return null;
    }
    SyslogPrefix p = SyslogPrefix.standard(s.substring(0, k + 8) + " " + s.substring(k + 8));
    return p != null && p.ident().equals("kernel") ? p : null;
  }

  /** {@code DATE ident[pid]: msg} or {@code DATE kernel: msg}: no host between date and program. */
  private static SyslogPrefix hostless(String s) {
    SyslogPrefix withHost = SyslogPrefix.standard(insertHost(s));
    return withHost == null ? null : new SyslogPrefix(withHost.wallClock(), "", withHost.ident(), withHost.message());
  }

  /** The line with an empty host field inserted after the date, or the line itself when that cannot apply. */
  private static String insertHost(String s) {
    // the program token ends with ':' right after the clock: "Feb 20 10:59:34 earlyoom[10231]: …"
    int colon = s.indexOf(": ");
    if (colon < 0) {
      return s;
    }
    int sp = s.lastIndexOf(' ', colon);
    if (sp < 0) {
      return s;
    }
    String prog = s.substring(sp + 1, colon);
    if (prog.isEmpty() || !(prog.equals("kernel") || prog.matches("[\\w.@-]+\\[\\d+\\]"))) {
      return s;
    }
    return s.substring(0, sp) + "  " + s.substring(sp + 1);
  }
}
