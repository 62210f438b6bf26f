package dev.oomspec.traces.read;

/**
 * bcc {@code oomkill} and bpftrace {@code oomkill.bt} output:
 * {@code 21:03:39 Triggered by PID 3297 ("ntpd"), OOM kill of PID 22516 ("perl"), 3850642 pages, loadavg: …},
 * with the optional {@code CGROUP <id> ("<path>"), } part of newer bpftrace.
 */
public final class OomKillToolReader implements LogReader {

  @Override
  public String name() {
    return "oomkill";
  }

  @Override
  public int sniff(String line) {
    if (line.startsWith("Tracing OOM kills") || line.startsWith("Attaching ")) {
      return 1;
    }
    return line.contains(" Triggered by PID ") && line.contains("OOM kill of PID ") ? 3 : 0;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return new Decoded.Unrelated("blank line");
    }
    if (!t.contains("OOM kill of PID ")) {
      return new Decoded.Unrelated("tool banner or other output");
    }
    OomKillToolLine k = parse(source, n, t);
    return k == null ? new Decoded.Malformed("unreadable oomkill line") : new Decoded.Tool(k);
  }

  static OomKillToolLine parse(String source, long n, String s) {
    if (!Scan.isClock(s, 0)) {
      // a short prefix before the clock (a step marker like "(4) " added when the output was published)
      int c = Scan.findClock(s, 0, Math.min(s.length(), 24));
      if (c <= 0 || !s.startsWith(" Triggered by PID ", c + 8)) {
        return null;
      }
      s = s.substring(c);
    }
    String time = s.substring(0, 8);
    int[] pos = {8};
    if (!expect(s, pos, " Triggered by PID ")) {
      return null;
    }
    Integer tpid = number(s, pos);
    String tcomm = quoted(s, pos);
    if (tpid == null || tcomm == null || !expect(s, pos, ", ")) {
      return null;
    }
    Long cgid = null;
    String cgpath = null;
    if (s.startsWith("CGROUP ", pos[0])) {
      pos[0] += 7;
      Integer id = number(s, pos);
      cgpath = quoted(s, pos);
      if (id == null || cgpath == null || !expect(s, pos, ", ")) {
        return null;
      }
      cgid = (long) id;
    }
    if (!expect(s, pos, "OOM kill of PID ")) {
      return null;
    }
    Integer vpid = number(s, pos);
    String vcomm = quoted(s, pos);
    if (vpid == null || vcomm == null || !expect(s, pos, ", ")) {
      return null;
    }
    int sp = s.indexOf(" pages", pos[0]);
    if (sp < 0) {
      return null;
    }
    Long pages = Scan.toLong(s.substring(pos[0], sp));
    if (pages == null) {
      return null;
    }
    int la = s.indexOf("loadavg: ", sp);
    String loadavg = la < 0 ? null : s.substring(la + 9);
    return new OomKillToolLine(source, n, time, tpid, tcomm, cgid, cgpath, vpid, vcomm, pages, loadavg);
  }

  private static boolean expect(String s, int[] pos, String lit) {
    if (s.startsWith(lit, pos[0])) {
      pos[0] += lit.length();
      return true;
    }
    return false;
  }

  private static Integer number(String s, int[] pos) {
    int e = Scan.digitsEnd(s, pos[0]);
    Integer v = e == pos[0] ? null : Scan.toInt(s.substring(pos[0], e));
    pos[0] = e;
    return v;
  }

  /** {@code  ("text")} → text; the closing is the first {@code ")} followed by {@code ,} or end. */
  private static String quoted(String s, int[] pos) {
    if (!expect(s, pos, " (\"")) {
      return null;
    }
    int close = s.indexOf("\")", pos[0]);
    while (close >= 0 && close + 2 < s.length() && s.charAt(close + 2) != ',') {
      close = s.indexOf("\")", close + 1);
    }
    if (close < 0) {
      return null;
    }
    String v = s.substring(pos[0], close);
    pos[0] = close + 2;
    return v;
  }
}
