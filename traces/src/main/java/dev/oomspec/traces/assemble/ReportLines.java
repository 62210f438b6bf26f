package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.TaskRow;
import dev.oomspec.traces.event.UsageLine;
import dev.oomspec.traces.read.Scan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Parsers for the individual lines of a kernel OOM report (kernel-oom.md §13), by hand: prefix tests and
 * field scanning, no regular expressions. Each returns null when the line is not of its kind. Input is the
 * kernel text with surrounding whitespace removed.
 */
final class ReportLines {

  private ReportLines() {}

  static final String INVOKED = "invoked oom-killer";

  // ---- header -------------------------------------------------------------------------------------------

  /** {@code comm invoked oom-killer: gfp_mask=…, [nodemask=…, ] order=N, [oom_adj=N, ]oom_score_adj=N}. */
  record Header(String comm, String gfpMask, String nodemask, Integer order, Integer oomScoreAdj,
      String variant, List<String> problems) {}

  static Header header(String t) {
    int at = t.indexOf(INVOKED);
    if (at < 0) {
      return null;
    }
    String comm = t.substring(0, at).strip();
    String rest = t.substring(at + INVOKED.length());
    List<String> problems = new ArrayList<>();
    if (comm.isEmpty()) {
      problems.add("header without comm");
    }
    String gfp = null;
    String nodemask = null;
    Integer order = null;
    Integer adj = null;
    boolean oomAdj = false;
    if (rest.startsWith(":")) {
      for (String piece : rest.substring(1).split(",")) {
        String p = piece.strip();
        int eq = p.indexOf('=');
        if (eq <= 0) {
          if (nodemask != null && !p.isEmpty() && Scan.isDigit(p.charAt(0))) {
            nodemask = nodemask + "," + p; // bitmap list 0,2
          }
          continue;
        }
        String k = p.substring(0, eq);
        String v = p.substring(eq + 1);
        switch (k) {
          case "gfp_mask" -> gfp = v;
          case "nodemask" -> nodemask = v;
          case "order" -> {
            order = Scan.toInt(v);
            if (order == null) {
              problems.add("unreadable order '" + v + "'");
            }
          }
          case "oom_adj" -> oomAdj = true;
          case "oom_score_adj" -> {
            adj = Scan.toInt(v);
            if (adj == null) {
              problems.add("unreadable oom_score_adj '" + v + "'");
            }
          }
          default -> { }
        }
      }
    }
    if (gfp == null) {
      problems.add("header without gfp_mask (trimmed)");
    }
    String variant = oomAdj ? "oom_adj"
        : nodemask != null ? "nodemask"
        : gfp != null && gfp.indexOf('(') < 0 ? "hex"
        : gfp != null ? "symbolic" : null;
    return new Header(comm, gfp, nodemask, order, adj, variant, problems);
  }

  // ---- stack header -------------------------------------------------------------------------------------

  /** {@code CPU: 1 [UID: 0 ]PID: 7186 Comm: hog Not tainted 6.18.44 #1 PREEMPT(none)}. */
  record StackHeader(Integer cpu, Integer pid, String comm, String taint, String release, String build,
      String preempt) {}

  static StackHeader stackHeader(String t) {
    int cm = t.startsWith("Pid: ") ? t.indexOf(", comm: ") : -1;
    if (cm > 0) { // 2.6.x: "Pid: 24113, comm: sshd Not tainted 2.6.32-431.11.2.el6.x86_64 #1"
      StackHeader h = stackHeader("CPU: - PID: " + t.substring(5, cm) + " Comm: " + t.substring(cm + 8));
      return h == null ? null : new StackHeader(null, h.pid(), h.comm(), h.taint(), h.release(), h.build(), h.preempt());
    }
    if (!t.startsWith("CPU: ")) {
      return null;
    }
    int pidAt = t.indexOf(" PID: ");
    int commAt = t.indexOf(" Comm: ");
    if (pidAt < 0 || commAt < pidAt) {
      return null;
    }
    Integer cpu = Scan.toInt(firstToken(t, 5));
    Integer pid = Scan.toInt(firstToken(t, pidAt + 6));
    int c = commAt + 7;
    int not = t.indexOf(" Not tainted ", c);
    int tainted = t.indexOf(" Tainted: ", c);
    int cut = not >= 0 && (tainted < 0 || not < tainted) ? not : tainted;
    if (cut < 0) {
      return new StackHeader(cpu, pid, t.substring(c).strip(), null, null, null, null);
    }
    String comm = t.substring(c, cut);
    if (comm.startsWith("Kdump: loaded")) {
      comm = comm.substring(13).strip();
    }
    String taint;
    int i;
    if (cut == not) {
      taint = "Not tainted";
      i = not + 13;
    } else {
      // flags are letters and blanks; the release is the first token starting with a digit
      i = tainted + 10;
      int j = i;
      while (j < t.length() && !Scan.isDigit(t.charAt(j))) {
        j++;
      }
      taint = t.substring(tainted + 1, j).strip();
      i = j;
    }
    String[] rest = t.substring(Math.min(i, t.length())).strip().split(" ");
    String release = rest.length > 0 && !rest[0].isEmpty() ? rest[0] : null;
    String build = rest.length > 1 ? rest[1] : null;
    String preempt = null;
    for (int k = 2; k < rest.length; k++) {
      if (rest[k].startsWith("PREEMPT")) {
        preempt = rest[k];
      }
    }
    return new StackHeader(cpu, pid, comm, taint, release, build, preempt);
  }

  // ---- memcg --------------------------------------------------------------------------------------------

  /** {@code memory: usage NkB, limit NkB, failcnt N} and the swap/memory+swap/kmem forms. */
  static UsageLine usage(String t, String counter) {
    String p = counter + ": usage ";
    if (!t.startsWith(p)) {
      return null;
    }
    String[] parts = t.substring(p.length()).split(",");
    if (parts.length < 3) {
      return null;
    }
    Long usage = Scan.toLongStripUnit(parts[0]);
    String l = parts[1].strip();
    String f = parts[2].strip();
    Long limit = l.startsWith("limit ") ? Scan.toLongStripUnit(l.substring(6)) : null;
    Long failcnt = f.startsWith("failcnt ") ? Scan.toLong(f.substring(8)) : null;
    if (usage == null || limit == null || failcnt == null) {
      return null;
    }
    return new UsageLine(usage, limit, failcnt);
  }

  static boolean isUsageLine(String t) {
    return t.startsWith("memory: usage ") || t.startsWith("memory+swap: usage ")
        || t.startsWith("swap: usage ") || t.startsWith("kmem: usage ");
  }

  /** {@code Memory cgroup stats for PATH:[ key:NKB …]}. */
  record StatsTitle(String path, Map<String, Long> inline) {}

  static StatsTitle statsTitle(String t) {
    String p = "Memory cgroup stats for ";
    if (!t.startsWith(p)) {
      return null;
    }
    String rest = t.substring(p.length());
    if (rest.endsWith(":")) {
      return new StatsTitle(rest.substring(0, rest.length() - 1), Map.of());
    }
    int sep = rest.indexOf(": ");
    if (sep < 0) {
      return new StatsTitle(rest, Map.of());
    }
    Map<String, Long> inline = new LinkedHashMap<>();
    for (String tok : rest.substring(sep + 2).split(" ")) {
      int c = tok.indexOf(':');
      if (c > 0) {
        Long v = Scan.toLongStripUnit(tok.substring(c + 1));
        if (v != null) {
          inline.put(tok.substring(0, c), v);
        }
      }
    }
    return new StatsTitle(rest.substring(0, sep), inline);
  }

  /** A 5.3+ stats body line {@code key value}. */
  static Map.Entry<String, Long> statLine(String t) {
    int sp = t.indexOf(' ');
    if (sp <= 0 || t.indexOf(' ', sp + 1) >= 0) {
      return null;
    }
    for (int i = 0; i < sp; i++) {
      char c = t.charAt(i);
      if (!(c >= 'a' && c <= 'z' || Scan.isDigit(c) || c == '_')) {
        return null;
      }
    }
    Long v = plainLong(t, sp + 1);
    if (v == null) {
      v = Scan.toLong(t.substring(sp + 1));
    }
    return v == null ? null : Map.entry(t.substring(0, sp), v);
  }

  /**
   * The value of {@code t[from..]} when it is 1 to 18 ASCII digits, optionally after a '-' (what
   * {@link Scan#toLong} gives for it, without a substring), else null: the caller then asks Scan.toLong.
   */
  private static Long plainLong(String t, int from) {
    int n = t.length();
    int i = from < n && t.charAt(from) == '-' ? from + 1 : from;
    if (i == n || n - i > 18) {
      return null;
    }
    long v = 0;
    for (int j = i; j < n; j++) {
      char c = t.charAt(j);
      if (c < '0' || c > '9') {
        return null;
      }
      v = v * 10 + (c - '0');
    }
    return i == from ? v : -v;
  }

  /** {@code Task in X killed as a result of limit of Y} → [X, Y]. */
  static String[] taskIn(String t) {
    String mid = " killed as a result of limit of ";
    if (!t.startsWith("Task in ")) {
      return null;
    }
    int m = t.indexOf(mid);
    if (m < 0) {
      return null;
    }
    return new String[] {t.substring(8, m), t.substring(m + mid.length())};
  }

  // ---- task table ---------------------------------------------------------------------------------------

  /** {@code [  pid  ]   uid  tgid total_vm …} → column names, or null. */
  static List<String> taskHeader(String t) {
    if (!t.startsWith("[")) {
      return null;
    }
    int close = t.indexOf(']');
    if (close < 0 || !t.substring(1, close).strip().equals("pid")) {
      return null;
    }
    List<String> cols = new ArrayList<>();
    cols.add("pid");
    for (String tok : t.substring(close + 1).strip().split(" ")) {
      if (!tok.isEmpty()) {
        cols.add(tok);
      }
    }
    return cols.size() >= 3 && cols.get(cols.size() - 1).equals("name") ? cols : null;
  }

  /** True when the line starts like a task row: {@code [ digits]}. */
  static boolean looksLikeTaskRow(String t) {
    if (!t.startsWith("[")) {
      return false;
    }
    int i = Scan.skipSpaces(t, 1);
    int d = Scan.digitsEnd(t, i);
    return d > i && d < t.length() && t.charAt(d) == ']';
  }

  /** Known task-table layouts by number of numeric columns after the pid (for rows without a header). */
  static List<String> layoutFor(int numeric) {
    return switch (numeric) {
      case 10 -> List.of("pid", "uid", "tgid", "total_vm", "rss", "rss_anon", "rss_file", "rss_shmem",
          "pgtables_bytes", "swapents", "oom_score_adj", "name");
      case 7 -> List.of("pid", "uid", "tgid", "total_vm", "rss", "pgtables_bytes", "swapents",
          "oom_score_adj", "name");
      case 8 -> List.of("pid", "uid", "tgid", "total_vm", "rss", "nr_ptes", "nr_pmds", "swapents",
          "oom_score_adj", "name");
      default -> null;
    };
  }

  /**
   * A task row against {@code columns}; returns the column map, or a String explaining why not. The name is
   * the rest of the line after the last numeric column and one space.
   */
  static Object taskRow(String t, List<String> columns) {
    return taskRow(t, columns, null);
  }

  /** As {@link #taskRow(String, List)}; {@code layout}, when not null, is the layout of {@code columns}. */
  static Object taskRow(String t, List<String> columns, TaskRow.Layout layout) {
    int close = t.indexOf(']');
    String pid = t.substring(1, close).strip();
    int numeric = columns == null ? -1 : columns.size() - 2;
    int i = close + 1;
    List<String> values = new ArrayList<>();
    while (numeric < 0 || values.size() < numeric) {
      int s = Scan.skipSpaces(t, i);
      int e = s;
      while (e < t.length() && t.charAt(e) != ' ' && t.charAt(e) != '\t') {
        e++;
      }
      if (e == s) {
        break;
      }
      String tok = t.substring(s, e);
      if (!Scan.isInteger(tok)) {
        if (numeric < 0) {
          break;
        }
        return "column " + columns.get(values.size() + 1) + " is not a number: '" + abbreviate(tok) + "'";
      }
      values.add(tok);
      i = e;
      if (numeric < 0 && values.size() > 12) {
        return "too many numeric columns";
      }
    }
    if (columns == null) {
      columns = layoutFor(values.size());
      if (columns == null) {
        return values.size() + " numeric columns match no known task-table layout";
      }
    }
    if (values.size() < columns.size() - 2) {
      return "row has " + values.size() + " of " + (columns.size() - 2) + " numeric columns";
    }
    String name = i < t.length() ? t.substring(i + 1) : "";
    if (name.isEmpty()) {
      return "row without a name";
    }
    if (layout != null) {
      String[] v = new String[columns.size()];
      v[0] = pid;
      for (int k = 0; k < values.size(); k++) {
        v[k + 1] = values.get(k);
      }
      v[v.length - 1] = name;
      return new RowWithLayout(layout.row(v), columns);
    }
    Map<String, String> row = new LinkedHashMap<>();
    row.put(columns.get(0), pid);
    for (int k = 0; k < values.size(); k++) {
      row.put(columns.get(k + 1), values.get(k));
    }
    row.put(columns.get(columns.size() - 1), name);
    return new RowWithLayout(row, columns);
  }

  record RowWithLayout(Map<String, String> row, List<String> columns) {}

  // ---- summary ------------------------------------------------------------------------------------------

  /** {@code oom-kill:constraint=…,nodemask=…,cpuset=…,mems_allowed=…,oom_memcg=…|global_oom,task_memcg=…,task=…,pid=…,uid=…}. */
  static Map<String, String> summary(String t) {
    if (!t.startsWith("oom-kill:")) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    String last = null;
    for (String piece : t.substring(9).split(",")) {
      if (piece.isEmpty()) {
        continue;
      }
      int eq = piece.indexOf('=');
      if (piece.equals("global_oom")) {
        out.put("global_oom", "");
        last = null;
      } else if (eq > 0 && isKey(piece.substring(0, eq))) {
        last = piece.substring(0, eq);
        out.put(last, piece.substring(eq + 1));
      } else if (last != null) {
        out.put(last, out.get(last) + "," + piece);
      }
    }
    return out;
  }

  private static boolean isKey(String k) {
    for (int i = 0; i < k.length(); i++) {
      char c = k.charAt(i);
      if (!(c >= 'a' && c <= 'z' || c == '_')) {
        return false;
      }
    }
    return !k.isEmpty();
  }

  // ---- kill path ----------------------------------------------------------------------------------------

  /** Parsed {@code [msg: ]Killed process N (comm) total-vm:…} (also the 2.6.32 form). */
  record Killed(String message, int pid, String comm, Long uid, Map<String, String> fields) {}

  static final String KILLED = "Killed process ";

  static Object killed(String t) {
    int k = t.indexOf(KILLED);
    if (k < 0) {
      return null;
    }
    String message = prefix(t, k);
    String rest = t.substring(k + KILLED.length());
    int d = Scan.digitsEnd(rest, 0);
    Integer pid = d == 0 ? null : Scan.toInt(rest.substring(0, d));
    if (pid == null) {
      return "Killed process line without a pid";
    }
    Long uid = null;
    int open;
    if (rest.startsWith(", UID ", d)) { // 2.6.32: Killed process N, UID U, (name) …
      int e = Scan.digitsEnd(rest, d + 6);
      uid = Scan.toLong(rest.substring(d + 6, e));
      open = rest.indexOf('(', e);
    } else {
      open = rest.indexOf('(', d);
    }
    if (open < 0) {
      return "Killed process line without (name)";
    }
    int tv = rest.indexOf(") total-vm:", open);
    int close = tv >= 0 ? tv : rest.lastIndexOf(')');
    if (close < open) {
      return "Killed process line without closing parenthesis";
    }
    String comm = rest.substring(open + 1, close);
    Map<String, String> fields = colonFields(rest.substring(close + 1));
    if (fields.containsKey("UID") && uid == null) {
      uid = Scan.toLong(fields.get("UID"));
    }
    return new Killed(message, pid, comm, uid, fields);
  }

  /** {@code key:value} tokens separated by {@code , } or spaces. */
  static Map<String, String> colonFields(String s) {
    Map<String, String> out = new LinkedHashMap<>();
    for (String tok : s.replace(',', ' ').split(" ")) {
      int c = tok.indexOf(':');
      if (c > 0) {
        out.putIfAbsent(tok.substring(0, c), tok.substring(c + 1));
      }
    }
    return out;
  }

  /** {@code [msg: ]Kill process N (comm) score S or sacrifice child}. */
  record KillScore(String message, int pid, String comm, Long score) {}

  static KillScore killScore(String t) {
    int k = t.indexOf("Kill process ");
    if (k < 0 || !t.contains(" score ")) {
      return null;
    }
    String rest = t.substring(k + 13);
    int d = Scan.digitsEnd(rest, 0);
    Integer pid = d == 0 ? null : Scan.toInt(rest.substring(0, d));
    int open = rest.indexOf('(', d);
    int sc = rest.lastIndexOf(") score ");
    if (pid == null || open < 0 || sc < open) {
      return null;
    }
    String after = rest.substring(sc + 8);
    int sp = after.indexOf(' ');
    Long score = Scan.toLong(sp < 0 ? after : after.substring(0, sp));
    return new KillScore(prefix(t, k), pid, rest.substring(open + 1, sc), score);
  }

  /**
   * {@code pid (comm)} at the start of s, the name ending at {@code end} (e.g. {@code ), now }) or, when
   * {@code end} is null, at the last {@code )} → [pid, comm, index after the name's ')'] or null.
   */
  static Object[] pidComm(String s, String end) {
    int d = Scan.digitsEnd(s, 0);
    Integer pid = d == 0 ? null : Scan.toInt(s.substring(0, d));
    if (pid == null || !s.startsWith(" (", d)) {
      return null;
    }
    int close = end == null ? s.lastIndexOf(')') : s.indexOf(end, d + 2);
    if (close < d + 2) {
      return null;
    }
    return new Object[] {pid, s.substring(d + 2, close), close + 1};
  }

  /** {@code oom_reaper: reaped process N (comm), now anon-rss:…} / {@code oom_reaper: unable to reap pid:N (comm)}. */
  record Reaper(int pid, String comm, String outcome, Map<String, String> fields) {}

  static Reaper reaper(String t) {
    if (t.startsWith("oom_reaper: reaped process ")) {
      Object[] pc = pidComm(t.substring(27), "), now ");
      if (pc == null) {
        return null;
      }
      return new Reaper((Integer) pc[0], (String) pc[1], "reaped",
          colonFields(t.substring(27 + (Integer) pc[2])));
    }
    if (t.startsWith("oom_reaper: unable to reap pid:")) {
      Object[] pc = pidComm(t.substring(31), null);
      if (pc == null) {
        return null;
      }
      return new Reaper((Integer) pc[0], (String) pc[1], "unable", Map.of());
    }
    return null;
  }

  /** {@code [msg: ]OOM victim N (comm) is already exiting. Skip killing the task}. */
  static Object[] alreadyExiting(String t) {
    int k = t.indexOf("OOM victim ");
    if (k < 0 || !t.contains(" is already exiting")) {
      return null;
    }
    return pidComm(t.substring(k + 11), ") is already exiting");
  }

  /** {@code oom killer N (comm) has mm pinned by M (comm)}. */
  static Object[] mmPinned(String t) {
    if (!t.startsWith("oom killer ") || !t.contains(" has mm pinned by ")) {
      return null;
    }
    return pidComm(t.substring(11), ") has mm pinned by ");
  }

  /** {@code Tasks in PATH are going to be killed due to memory.oom.group set} → PATH. */
  static String oomGroup(String t) {
    String tail = " are going to be killed due to memory.oom.group set";
    if (t.startsWith("Tasks in ") && t.endsWith(tail)) {
      return t.substring(9, t.length() - tail.length());
    }
    return null;
  }

  /** {@code oom_kill_process: N callbacks suppressed} → N. */
  static Long callbacksSuppressed(String t) {
    int c = t.indexOf(": ");
    if (c < 0 || !t.endsWith(" callbacks suppressed") || !t.substring(0, c).contains("oom")) {
      return null;
    }
    return Scan.toLong(t.substring(c + 2, t.length() - 21));
  }

  // ---- lines of reports whose header was cut, sysrq, elisions --------------------------------------------

  /** A stack frame or trace marker in any architecture's format ({@code fn+0x1/0x2}, {@code [<addr>]}). */
  static boolean isStackFrame(String t) {
    return t.startsWith("Call Trace") || t.startsWith("[<") || t.contains("+0x") && t.contains("/0x");
  }

  /**
   * A bare stack frame: an optional {@code "? "}, a symbol of letters, digits, {@code _} and {@code .}, then
   * {@code +0xHEX/0xHEX} ending the line. Upper-case letters are allowed in the symbol only when they cannot
   * spell a word that any other line test looks for (the symbol has no space, ':', '=', '-' or '[').
   */
  static boolean isPlainFrame(String t) {
    int n = t.length();
    int i = t.startsWith("? ") ? 2 : 0;
    int s = i;
    while (i < n) {
      char c = t.charAt(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
        i++;
      } else {
        break;
      }
    }
    if (i == s || !t.startsWith("+0x", i)) {
      return false;
    }
    i = hexEnd(t, i + 3);
    if (i < 0 || !t.startsWith("/0x", i)) {
      return false;
    }
    return hexEnd(t, i + 3) == n;
  }

  /** Index after one or more hex digits at {@code i}, or -1. */
  private static int hexEnd(String t, int i) {
    int j = i;
    while (j < t.length()) {
      char c = t.charAt(j);
      if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
        j++;
      } else {
        break;
      }
    }
    return j == i ? -1 : j;
  }

  /** A stack frame of the OOM killer itself. */
  static boolean isOomFrame(String t) {
    return isStackFrame(t)
        && (t.contains("out_of_memory") || t.contains("oom_kill_process") || t.contains("dump_header+"));
  }

  /** A line of the global Mem-Info block (show_mem). */
  static boolean isMemInfoLine(String t) {
    return t.equals("Mem-Info:")
        || t.startsWith("active_anon:")
        || t.startsWith("Node ") && (t.contains("active_anon:") || t.contains("hugepages_total=")
            || t.contains(" free:"))
        || t.contains(" free:") && t.contains(" min:") && t.contains(" low:")
        || t.startsWith("lowmem_reserve[]:")
        || t.contains("*4kB")
        || t.endsWith(" total pagecache pages") || t.endsWith(" pages in swap cache")
        || t.startsWith("Swap cache stats:") || t.startsWith("Free swap") || t.startsWith("Total swap")
        || t.endsWith(" pages RAM") || t.endsWith(" pages HighMem/MovableOnly") || t.endsWith(" pages reserved")
        || t.endsWith(" pages cma reserved") || t.endsWith(" pages hwpoisoned");
  }

  /** {@code SysRq : Manual OOM execution} (≤4.x) / {@code sysrq: Manual OOM execution} (5.x+). */
  static boolean isSysrqOom(String t) {
    return (t.startsWith("SysRq : ") || t.startsWith("sysrq: ")) && t.endsWith("Manual OOM execution");
  }

  /** An elision marker left by whoever published the log: {@code ...}, {@code …}, {@code [...]}. */
  static boolean isElision(String t) {
    return t.equals("...") || t.equals("\u2026") || t.equals("[...]") || t.equals("[…]") || t.equals("....");
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  private static String prefix(String t, int k) {
    String p = t.substring(0, k).strip();
    return p.endsWith(":") ? p.substring(0, p.length() - 1).strip() : p;
  }

  private static String firstToken(String t, int i) {
    int e = t.indexOf(' ', i);
    return t.substring(i, e < 0 ? t.length() : e);
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
