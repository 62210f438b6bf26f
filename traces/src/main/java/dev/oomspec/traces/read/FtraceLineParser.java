package dev.oomspec.traces.read;

import dev.oomspec.traces.ftrace.FtraceEvent;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parses one ftrace text event line, as printed by tracefs {@code trace}/{@code trace_pipe} and by
 * {@code trace-cmd report}: {@code <comm>-<pid> [(<tgid>)] [<cpu>] [<flags>] <secs>.<frac>: <event>: <fields>}.
 * The flags column (4 or 5 chars) is optional; comm may contain spaces, brackets and colons.
 */
public final class FtraceLineParser {

  private FtraceLineParser() {}

  /** The event, or null when the line is not an ftrace event line. */
  public static FtraceEvent parse(String line) {
    int cpuOpen = findCpu(line);
    if (cpuOpen < 0) {
      return null;
    }
    String task = line.substring(0, cpuOpen).strip();
    if (task.endsWith(")")) {
      int p = task.lastIndexOf('(');
      if (p < 0) {
        return null;
      }
      task = task.substring(0, p).strip();
    }
    int dash = task.lastIndexOf('-');
    if (dash < 0) {
      return null;
    }
    Integer pid = Scan.toInt(task.substring(dash + 1));
    if (pid == null) {
      return null;
    }
    String comm = task.substring(0, dash);
    int cpuClose = line.indexOf(']', cpuOpen);
    int cpu = Scan.toInt(line.substring(cpuOpen + 1, cpuClose).strip());
    int i = Scan.skipSpaces(line, cpuClose + 1);
    String flags = "";
    int tok = tokenEnd(line, i);
    if (tok > i && line.charAt(tok - 1) != ':') {
      int len = tok - i;
      if (len < 4 || len > 6) {
        return null;
      }
      flags = line.substring(i, tok);
      i = Scan.skipSpaces(line, tok);
      tok = tokenEnd(line, i);
    }
    // timestamp "secs.frac:"
    if (tok <= i + 1 || line.charAt(tok - 1) != ':') {
      return null;
    }
    String ts = line.substring(i, tok - 1);
    int dot = ts.indexOf('.');
    if (dot <= 0 || Scan.digitsEnd(ts, 0) != dot || Scan.digitsEnd(ts, dot + 1) != ts.length()) {
      return null;
    }
    String frac = ts.substring(dot + 1);
    if (frac.isEmpty() || frac.length() > 9 || dot > 12) {
      return null;
    }
    long ns = Long.parseLong(ts.substring(0, dot)) * 1_000_000_000L
        + Long.parseLong(frac) * pow10(9 - frac.length());
    i = Scan.skipSpaces(line, tok);
    int ev = tokenEnd(line, i);
    if (ev <= i + 1 || line.charAt(ev - 1) != ':') {
      return null;
    }
    String event = line.substring(i, ev - 1);
    String system = "";
    int colon = event.indexOf(':');
    if (colon > 0) {
      system = event.substring(0, colon);
      event = event.substring(colon + 1);
    }
    if (!identifier(event) || !(system.isEmpty() || identifier(system))) {
      return null;
    }
    Map<String, String> fields = fields(line.substring(Math.min(line.length(), ev)).strip());
    return new FtraceEvent(comm, pid, cpu, flags, ns, system, event, fields);
  }

  /**
   * Parses a line that may hold several events glued together (a lost newline): the line is cut before each
   * later {@code comm-pid [cpu]} column that is followed by a timestamp. Empty when any part is not an event
   * line (the first, or a later one whose columns were damaged: the whole line is then unreadable, never read
   * in part).
   */
  public static List<FtraceEvent> parseAll(String line) {
    List<FtraceEvent> out = new ArrayList<>(1);
    String rest = line;
    while (true) {
      int cut = gluedStart(rest);
      String part = cut < 0 ? rest : rest.substring(0, cut);
      FtraceEvent e = parse(part);
      if (e == null) {
        return List.of(); // not "out": the events after an unreadable part (a mark_victim) would vanish unreported
      }
      // any part, not only the last: a damaged task column (" \t[001]") is no cut, so the event before it
      // swallows it and the parts after it still cut cleanly
      if (stampedEvents(part) > 1 || e.fields().values().stream().anyMatch(FtraceLineParser::hasEventColumn)) {
        return List.of(); // another event's columns were swallowed: unreadable glued line
      }
      out.add(e);
      if (cut < 0) {
        return out;
      }
      rest = rest.substring(cut);
    }
  }

  /**
   * Events glued after a non-event prefix (a {@code #} comment or a preamble line that lost its newline):
   * the events found after the prefix, or empty.
   */
  public static List<FtraceEvent> afterPrefix(String line) {
    int cpu = findCpu(line);
    if (cpu < 0) {
      return List.of();
    }
    int pidEnd = spacesStart(line, cpu - 1);
    int k = digitsStart(line, pidEnd);
    if (k == pidEnd || k == 0 || line.charAt(k - 1) != '-') {
      return List.of();
    }
    k--;
    while (k > 0 && line.charAt(k - 1) != ' ') {
      k--;
    }
    return parseAll(line.substring(k));
  }

  /** How many {@code <secs>.<frac>: <event>:} sequences v holds (more than one: events glued together). */
  static int stampedEvents(String v) {
    int n = 0;
    int i = v.indexOf(": ");
    while (i > 0) {
      int b = i;
      while (b > 0 && (Scan.isDigit(v.charAt(b - 1)) || v.charAt(b - 1) == '.')) {
        b--;
      }
      int dot = v.indexOf('.', b);
      if (b < i && dot > b && dot < i - 1) {
        int s = Scan.skipSpaces(v, i + 2);
        int e = s;
        while (e < v.length() && v.charAt(e) != ' ') {
          e++;
        }
        if (e - s > 1 && v.charAt(e - 1) == ':') {
          n++;
        }
      }
      i = v.indexOf(": ", i + 2);
    }
    return n;
  }

  /** True when s has a {@code -<pid> [<cpu>]} column somewhere, i.e. looks like it holds an event. */
  public static boolean hasEventColumn(String s) {
    return findCpu(s) >= 0;
  }

  /** Start of a second event's task column in s (after the first event's name), or -1. */
  private static int gluedStart(String s) {
    int first = findCpu(s);
    if (first < 0) {
      return -1;
    }
    int i = s.indexOf(" [", first + 1);
    while (i >= 0) {
      if (isCpuColumn(s, i + 1)) {
        int pidEnd = spacesStart(s, i);
        int k = digitsStart(s, pidEnd);
        if (k < pidEnd && k > 0 && s.charAt(k - 1) == '-') {
          k--;
          while (k > 0 && s.charAt(k - 1) != ' ' && s.charAt(k - 1) != '=') {
            k--;
          }
          if (k > 0 && s.charAt(k - 1) == '=') {
            i = s.indexOf(" [", i + 1);
            continue;
          }
          return k;
        }
      }
      i = s.indexOf(" [", i + 1);
    }
    return -1;
  }

  /** {@code key=value} / {@code key:value} fields; tokens without a key join the previous value. */
  public static Map<String, String> fields(String s) {
    Map<String, StringBuilder> acc = new LinkedHashMap<>();
    StringBuilder last = null;
    int i = 0;
    while (i < s.length()) {
      i = Scan.skipSpaces(s, i);
      if (i >= s.length()) {
        break;
      }
      int e = tokenEnd(s, i);
      int k = keyEnd(s, i, e);
      if (k > i && !acc.containsKey(s.substring(i, k))) {
        last = new StringBuilder().append(s, k + 1, e);
        acc.put(s.substring(i, k), last);
      } else if (last != null) {
        last.append(' ').append(s, i, e);
      } else {
        last = new StringBuilder().append(s, i, e);
        acc.put("_", last);
      }
      i = e;
    }
    Map<String, String> out = new LinkedHashMap<>();
    acc.forEach((key, v) -> out.put(key, v.toString()));
    return out;
  }

  private static int keyEnd(String s, int from, int to) {
    for (int j = from; j < to && j < from + 64; j++) {
      char c = s.charAt(j);
      if (c == '=' || c == ':') {
        return j;
      }
      if (!(Character.isLetterOrDigit(c) || c == '_' || c == '-' || c == '(' || c == ')')) {
        return -1;
      }
    }
    return -1;
  }

  private static boolean identifier(String s) {
    if (s.isEmpty() || Scan.isDigit(s.charAt(0))) {
      return false;
    }
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || Scan.isDigit(c) || c == '_')) {
        return false;
      }
    }
    return true;
  }

  private static int tokenEnd(String s, int i) {
    while (i < s.length() && s.charAt(i) != ' ' && s.charAt(i) != '\t') {
      i++;
    }
    return i;
  }

  private static long pow10(int n) {
    long r = 1;
    for (int k = 0; k < n; k++) {
      r *= 10;
    }
    return r;
  }

  /** Index of the {@code [} of the CPU column ({@code [001]}), preceded by a space, or -1. */
  private static int findCpu(String s) {
    int i = s.indexOf(" [");
    while (i >= 0) {
      if (isCpuColumn(s, i + 1)) {
        // left of it must end in -<pid> or (<tgid>)
        int k = spacesStart(s, i);
        if (k > 0 && (Scan.isDigit(s.charAt(k - 1)) || s.charAt(k - 1) == ')')) {
          return i + 1;
        }
      }
      i = s.indexOf(" [", i + 1);
    }
    return -1;
  }

  /** Whether s has a CPU column ({@code [001]}: one to four digits in brackets) at {@code open}. */
  private static boolean isCpuColumn(String s, int open) {
    int d = Scan.digitsEnd(s, open + 1);
    return d > open + 1 && d - open <= 5 && d < s.length() && s.charAt(d) == ']';
  }

  /** Start of the run of spaces that ends at {@code end} (exclusive). */
  private static int spacesStart(String s, int end) {
    int k = end;
    while (k > 0 && s.charAt(k - 1) == ' ') {
      k--;
    }
    return k;
  }

  /** Start of the run of digits that ends at {@code end} (exclusive); {@code end} when there is none. */
  private static int digitsStart(String s, int end) {
    int k = end;
    while (k > 0 && Scan.isDigit(s.charAt(k - 1))) {
      k--;
    }
    return k;
  }
}
