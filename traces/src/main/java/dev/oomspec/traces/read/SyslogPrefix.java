package dev.oomspec.traces.read;

/**
 * The prefix shared by syslog files and {@code journalctl} short output:
 * {@code [lineno ]Mon DD HH:MM:SS[.frac] host ident[pid]: message} or
 * {@code YYYY-MM-DDTHH:MM:SS[.frac][tz] host ident[pid]: message}. The month token may be in any language;
 * the host may be blank ({@code 00:37:34   kernel:}) or masked ({@code **}).
 *
 * @param wallClock the date/time as printed
 * @param host      the host ("" when blank)
 * @param ident     the program ({@code kernel}, {@code systemd[1]} without the pid)
 * @param message   the text after {@code ident: }
 */
public record SyslogPrefix(String wallClock, String host, String ident, String message) {

  /** Parses the prefix (also the {@link SyslogVariants}: priorities, RFC 5424, no host, glued) or returns null. */
  public static SyslogPrefix parse(String s) {
    SyslogPrefix p = standard(s);
    return p != null ? p : SyslogVariants.parse(s);
  }

  /** The classic prefix only. */
  static SyslogPrefix standard(String s) {
    int i = Scan.skipSpaces(s, 0);
    // optional viewer line number
    int d = Scan.digitsEnd(s, i);
    if (d > i && d < s.length() && s.charAt(d) == ' ' && !(d - i == 4 && d < s.length() && s.charAt(d) == '-')) {
      int j = Scan.skipSpaces(s, d);
      if (j < s.length() && !Scan.isDigit(s.charAt(j))) {
        i = j;
      }
    }
    int timeEnd;
    int clock;
    if (i + 10 <= s.length() && Scan.isDigit(s.charAt(i)) && s.charAt(i + 4) == '-') {
      // ISO 8601
      clock = i + 11;
      if (clock + 8 > s.length() || (s.charAt(i + 10) != 'T' && s.charAt(i + 10) != ' ') || !Scan.isClock(s, clock)) {
        return null;
      }
      timeEnd = s.indexOf(' ', clock + 8);
    } else {
      // month day time: month token, spaces, 1-2 digit day, space(s), clock
      int m = i;
      while (m < s.length() && s.charAt(m) != ' ' && m - i < 8) {
        m++;
      }
      if (m == i || m >= s.length() || s.charAt(m) != ' ') {
        return null;
      }
      int dayStart = Scan.skipSpaces(s, m);
      int dayEnd = Scan.digitsEnd(s, dayStart);
      if (dayEnd == dayStart || dayEnd - dayStart > 2) {
        return null;
      }
      clock = Scan.skipSpaces(s, dayEnd);
      if (!Scan.isClock(s, clock)) {
        return null;
      }
      timeEnd = clock + 8;
      while (timeEnd < s.length() && s.charAt(timeEnd) != ' ') {
        timeEnd++; // .frac
      }
    }
    if (timeEnd < 0 || timeEnd >= s.length()) {
      return null;
    }
    String wall = s.substring(i, timeEnd);
    int h = timeEnd + 1;
    String host;
    if (h < s.length() && s.charAt(h) == ' ') {
      host = "";
      h = Scan.skipSpaces(s, h);
    } else {
      int he = s.indexOf(' ', h);
      if (he < 0) {
        return null;
      }
      host = s.substring(h, he);
      h = he + 1;
    }
    int colon = s.indexOf(": ", h);
    int colonEnd = colon + 2;
    if (colon < 0) {
      if (s.endsWith(":")) {
        colon = s.length() - 1;
        colonEnd = s.length();
      } else {
        return null;
      }
    }
    String ident = s.substring(h, colon);
    if (ident.isEmpty() || ident.indexOf(' ') >= 0 && !ident.endsWith("]")) {
      return null;
    }
    int br = ident.indexOf('[');
    if (br > 0) {
      ident = ident.substring(0, br);
    }
    return new SyslogPrefix(wall, host, ident, s.substring(Math.min(colonEnd, s.length())));
  }
}
