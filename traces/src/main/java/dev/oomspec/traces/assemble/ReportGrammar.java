package dev.oomspec.traces.assemble;

import dev.oomspec.traces.assemble.ReportLine.Rule;
import dev.oomspec.traces.event.UsageLine;
import dev.oomspec.traces.read.Scan;
import dev.oomspec.traces.read.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grammar of the lines of a kernel OOM report (kernel-oom.md §13), by hand: prefix tests and field
 * scanning on the line's bytes ({@link Text}), no regular expressions. {@link #line} reads a line into its
 * token: a header, an elision marker or a reaper line first (they are read before any report sees a line), else
 * the first body {@link Rule} it matches ({@link #body}). The predicates at the end answer what the assembler
 * asks of a line no report took (can it start a header-less report, confirm a held one, …).
 *
 * <p>Input is kernel text with surrounding whitespace removed. One instance per assembler: it keeps the names of
 * memcg stats keys it has seen, so that each is one String however often it is printed.
 */
final class ReportGrammar {

  static final String INVOKED = "invoked oom-killer";
  static final String KILLED = "Killed process ";

  private static final ReportLine.Compaction COMPACTION = new ReportLine.Compaction();
  private static final ReportLine.MemInfoTitle MEM_INFO = new ReportLine.MemInfoTitle();
  private static final ReportLine.TasksState TASKS_STATE = new ReportLine.TasksState();
  private static final ReportLine.TaskRowLine TASK_ROW = new ReportLine.TaskRowLine();
  private static final ReportLine.Other OTHER = new ReportLine.Other();
  private static final ReportLine.Frame FRAME = new ReportLine.Frame(false, false);
  private static final ReportLine.Frame OOM_FRAME = new ReportLine.Frame(true, false);

  private static final Rule[] RULES = Rule.values();

  private final Names keys = new Names();

  /** The names cache of this grammar (memcg stats and Mem-Info keys). */
  Names names() {
    return keys;
  }

  /** The token of a (stripped, non-empty) line. */
  ReportLine line(Text t) {
    byte c = t.at(0);
    // the two most frequent shapes first: each matches no rule and no other test (see the records)
    if (c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') {
      ReportLine.StatLine s = statLine(t);
      if (s != null) {
        return s;
      }
    }
    if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '?') {
      ReportLine.Frame f = frame(t);
      if (f != null) {
        return f;
      }
    }
    if (t.contains(INVOKED)) {
      return header(t);
    }
    if (isElision(t)) {
      return new ReportLine.Elision(t.toString());
    }
    if (c == 'o') {
      ReportLine.Reaper r = reaper(t);
      if (r != null) {
        return r;
      }
    }
    return body(t, 0);
  }

  /** The first body rule at or after {@code from} that the line matches ({@link Rule#OTHER} last). */
  ReportLine body(Text t, int from) {
    for (int i = from; i < RULES.length; i++) {
      ReportLine r = match(RULES[i], t);
      if (r != null) {
        return r;
      }
    }
    return OTHER;
  }

  private ReportLine match(Rule rule, Text t) {
    return switch (rule) {
      case BPF_POLICY -> t.startsWith("oom_policy=") ? new ReportLine.BpfPolicy(t.sub(11).strip().toString()) : null;
      case BPF_HANDLER -> t.startsWith("oom bpf handler: ")
          ? new ReportLine.BpfHandlerLine(t.sub(17).strip().toString()) : null;
      case COMPACTION -> t.startsWith("COMPACTION is disabled") ? COMPACTION : null;
      case STACK_HEADER -> stackHeader(t);
      case CPUSET -> cpuset(t);
      case USAGE -> usage(t);
      case TASK_IN -> taskIn(t);
      case LIMIT_REACHED -> t.startsWith("Memory limit reached of cgroup ")
          ? new ReportLine.LimitReached(t.sub(31).strip().toString()) : null;
      case STATS_TITLE -> statsTitle(t);
      case MEM_INFO -> t.contentEquals("Mem-Info:") ? MEM_INFO : null;
      case MIN_PROTECTION -> t.startsWith("Memory cgroup min protection")
          ? new ReportLine.MinProtection(t.toString()) : null;
      case TASKS_STATE -> t.startsWith("Tasks state") ? TASKS_STATE : null;
      case TASK_HEADER -> taskHeader(t);
      case TASK_ROW -> looksLikeTaskRow(t) ? TASK_ROW : null;
      case SUMMARY -> summary(t);
      case KILLED -> t.contains(KILLED) ? killed(t) : null; // "Killed process " contains " process "
      case KILL_SCORE -> t.contains(" process ") ? killScore(t) : null;
      case ALREADY_EXITING -> alreadyExiting(t);
      case OUTCOME -> t.startsWith("Out of memory and no killable processes") || t.startsWith("OOM request ignored")
          ? new ReportLine.NoKill(t.toString()) : null;
      case PANIC -> isPanic(t) ? new ReportLine.Panic(t.toString()) : null;
      case STAT_OVERFLOW -> t.endsWith("Warning, stat buffer overflow, please report")
          ? new ReportLine.StatOverflow(t.toString()) : null;
      case OTHER -> OTHER;
    };
  }

  static boolean isPanic(Text t) {
    return t.startsWith("Kernel panic - not syncing: ") || t.startsWith("---[ end Kernel panic");
  }

  // ---- header -------------------------------------------------------------------------------------------

  static ReportLine.Header header(Text t) {
    int at = t.indexOf(INVOKED);
    String comm = t.sub(0, at).strip().toString();
    Text rest = t.sub(at + INVOKED.length());
    List<String> problems = new ArrayList<>(2);
    if (comm.isEmpty()) {
      problems.add("header without comm");
    }
    String gfp = null;
    String nodemask = null;
    Integer order = null;
    Integer adj = null;
    boolean oomAdj = false;
    if (rest.startsWith(":")) {
      int i = 1;
      while (i <= rest.length()) {
        int comma = rest.indexOf(',', i);
        int end = comma < 0 ? rest.length() : comma;
        Text p = rest.sub(i, end).strip();
        i = end + 1;
        int eq = p.indexOf('=');
        if (eq <= 0) {
          if (nodemask != null && !p.isEmpty() && p.isDigit(0)) {
            nodemask = nodemask + "," + p; // bitmap list 0,2
          }
          continue;
        }
        Text v = p.sub(eq + 1);
        if (key(p, eq, "gfp_mask")) {
          gfp = v.toString();
        } else if (key(p, eq, "nodemask")) {
          nodemask = v.toString();
        } else if (key(p, eq, "order")) {
          order = Scan.toInt(v, 0, v.length());
          if (order == null) {
            problems.add("unreadable order '" + v + "'");
          }
        } else if (key(p, eq, "oom_adj")) {
          oomAdj = true;
        } else if (key(p, eq, "oom_score_adj")) {
          adj = Scan.toInt(v, 0, v.length());
          if (adj == null) {
            problems.add("unreadable oom_score_adj '" + v + "'");
          }
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
    return new ReportLine.Header(comm, gfp, nodemask, order, adj, variant, problems);
  }

  /** True when {@code p[0, eq)} is {@code k}. */
  private static boolean key(Text p, int eq, String k) {
    return eq == k.length() && p.startsWith(k);
  }

  // ---- stack header -------------------------------------------------------------------------------------

  /** True for {@code CPU: … PID: … Comm: …}. */
  static boolean isStackHeader(Text t) {
    if (!t.startsWith("CPU: ")) {
      return false;
    }
    int pidAt = t.indexOf(" PID: ");
    int commAt = t.indexOf(" Comm: ");
    return pidAt >= 0 && commAt >= pidAt;
  }

  static ReportLine.StackHeader stackHeader(Text t) {
    if (!isStackHeader(t)) {
      return null;
    }
    int pidAt = t.indexOf(" PID: ");
    int commAt = t.indexOf(" Comm: ");
    Integer pid = firstTokenInt(t, pidAt + 6);
    int c = commAt + 7;
    int not = t.indexOf(" Not tainted ", c);
    int tainted = t.indexOf(" Tainted: ", c);
    int cut = not >= 0 && (tainted < 0 || not < tainted) ? not : tainted;
    if (cut < 0) {
      return new ReportLine.StackHeader(pid, null, null, null);
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
      while (j < t.length() && !t.isDigit(j)) {
        j++;
      }
      taint = t.sub(tainted + 1, j).strip().toString();
      i = j;
    }
    Text rest = t.sub(Math.min(i, t.length())).strip();
    // String.split(" "): the first token, and the second (possibly empty when two spaces follow the first)
    int sp = rest.indexOf(' ');
    String release = rest.isEmpty() ? null : sp < 0 ? rest.toString() : rest.string(0, sp);
    String build = null;
    if (sp >= 0) {
      int sp2 = rest.indexOf(' ', sp + 1);
      build = rest.string(sp + 1, sp2 < 0 ? rest.length() : sp2);
    }
    if (release != null && release.isEmpty()) {
      release = null; // a first token can only be empty when the rest is
    }
    return new ReportLine.StackHeader(pid, taint, release, build);
  }

  private static Integer firstTokenInt(Text t, int i) {
    int e = t.indexOf(' ', i);
    return Scan.toInt(t, i, e < 0 ? t.length() : e);
  }

  // ---- ≤4.20 cpuset line --------------------------------------------------------------------------------

  private static ReportLine.CpusetLine cpuset(Text t) {
    int c = t.indexOf(" cpuset=");
    if (c < 0) {
      return null;
    }
    int m = t.indexOf(" mems_allowed=");
    if (m < 0 || t.startsWith("oom-kill:") || c >= m) {
      return null;
    }
    return new ReportLine.CpusetLine(t.string(c + 8, m), t.sub(m + 14).strip().toString());
  }

  // ---- memcg --------------------------------------------------------------------------------------------

  static boolean isUsageLine(Text t) {
    return t.startsWith("memory: usage ") || t.startsWith("memory+swap: usage ")
        || t.startsWith("swap: usage ") || t.startsWith("kmem: usage ");
  }

  static ReportLine.Usage usage(Text t) {
    if (!isUsageLine(t)) {
      return null;
    }
    int colon = t.indexOf(':');
    String counter = t.string(0, colon);
    UsageLine u = usageValues(t, colon + 8);
    return new ReportLine.Usage(counter, u, u == null ? abbreviate(t.toString()) : null);
  }

  /**
   * {@code usage NkB, limit NkB, failcnt N} after {@code from}: three comma-separated parts (as String.split,
   * trailing empty parts do not count), else null.
   */
  static UsageLine usageValues(Text t, int from) {
    int[] starts = new int[3];
    int[] ends = new int[3];
    int parts = 0;
    int i = from;
    int lastNonEmpty = -1;
    int count = 0;
    while (true) {
      int comma = t.indexOf(',', i);
      int end = comma < 0 ? t.length() : comma;
      if (count < 3) {
        starts[count] = i;
        ends[count] = end;
      }
      if (end > i) {
        lastNonEmpty = count;
      }
      count++;
      if (comma < 0) {
        break;
      }
      i = comma + 1;
    }
    parts = lastNonEmpty + 1; // String.split drops trailing empty strings
    if (parts < 3) {
      return null;
    }
    Long usage = Scan.toLongStripUnit(t, starts[0], ends[0]);
    Text l = t.sub(starts[1], ends[1]).strip();
    Text f = t.sub(starts[2], ends[2]).strip();
    Long limit = l.startsWith("limit ") ? Scan.toLongStripUnit(l, 6, l.length()) : null;
    Long failcnt = f.startsWith("failcnt ") ? Scan.toLong(f, 8, f.length()) : null;
    if (usage == null || limit == null || failcnt == null) {
      return null;
    }
    return new UsageLine(usage, limit, failcnt);
  }

  private static final String LIMIT_OF = " killed as a result of limit of ";

  static boolean isTaskIn(Text t) {
    return t.startsWith("Task in ") && t.indexOf(LIMIT_OF) >= 0;
  }

  static ReportLine.TaskIn taskIn(Text t) {
    if (!t.startsWith("Task in ")) {
      return null;
    }
    int m = t.indexOf(LIMIT_OF);
    if (m < 0) {
      return null;
    }
    // "Task in killed as a result …": the task's memcg is empty (read as the text between them, none)
    return new ReportLine.TaskIn(m >= 8 ? t.string(8, m) : "", t.string(m + LIMIT_OF.length()));
  }

  static boolean isStatsTitle(Text t) {
    return t.startsWith("Memory cgroup stats for ");
  }

  static ReportLine.StatsTitle statsTitle(Text t) {
    if (!isStatsTitle(t)) {
      return null;
    }
    Text rest = t.sub(24);
    if (rest.endsWith(":")) {
      return new ReportLine.StatsTitle(rest.string(0, rest.length() - 1), Map.of(), null);
    }
    int sep = rest.indexOf(": ");
    if (sep < 0) {
      return new ReportLine.StatsTitle(rest.toString(), Map.of(), null);
    }
    Map<String, Long> inline = new LinkedHashMap<>();
    int i = sep + 2;
    while (i <= rest.length()) {
      int sp = rest.indexOf(' ', i);
      int end = sp < 0 ? rest.length() : sp;
      int c = rest.indexOf(':', i);
      if (c > i && c < end) {
        Long v = Scan.toLongStripUnit(rest, c + 1, end);
        if (v != null) {
          inline.put(rest.string(i, c), v);
        }
      }
      i = end + 1;
    }
    String cut = null;
    if (!inline.isEmpty()) {
      int lastSp = t.lastIndexOf(' ');
      Text last = t.sub(lastSp + 1);
      if (last.indexOf(':') > 0 && !last.endsWith("KB") && !last.endsWith("kB")) {
        cut = last.toString();
      }
    }
    return new ReportLine.StatsTitle(rest.string(0, sep), Collections.unmodifiableMap(inline), cut);
  }

  /** A 5.3+ stats body line {@code key value} with a key of {@code [a-z0-9_]}: the token, else null. */
  ReportLine.StatLine statLine(Text t) {
    int n = t.length();
    int sp = -1;
    for (int i = 0; i < n; i++) {
      byte c = t.at(i);
      if (c == ' ') {
        sp = i;
        break;
      }
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return null;
      }
    }
    if (sp <= 0 || t.indexOf(' ', sp + 1) >= 0) {
      return null;
    }
    long v;
    int i = sp + 1;
    boolean neg = i < n && t.at(i) == '-';
    int d = neg ? i + 1 : i;
    if (d < n && n - d <= 18 && t.digitsEnd(d) == n) { // 1 to 18 digits: no overflow possible
      long x = 0;
      for (int k = d; k < n; k++) {
        x = x * 10 + (t.at(k) - '0');
      }
      v = neg ? -x : x;
    } else {
      Long x = Scan.toLong(t, sp + 1, n);
      if (x == null) {
        return null;
      }
      v = x;
    }
    return new ReportLine.StatLine(keys.of(t, 0, sp), v, t.isDigit(0));
  }

  // ---- task table ---------------------------------------------------------------------------------------

  /** {@code [  pid  ]   uid  tgid total_vm …} → the column names, or null. */
  static ReportLine.TaskHeader taskHeader(Text t) {
    if (!t.startsWith("[")) {
      return null;
    }
    int close = t.indexOf(']');
    if (close < 0 || !t.sub(1, close).strip().contentEquals("pid")) {
      return null;
    }
    List<String> cols = new ArrayList<>();
    cols.add("pid");
    Text rest = t.sub(close + 1).strip();
    int i = 0;
    while (i <= rest.length()) {
      int sp = rest.indexOf(' ', i);
      int end = sp < 0 ? rest.length() : sp;
      if (end > i) {
        cols.add(rest.string(i, end));
      }
      i = end + 1;
    }
    return cols.size() >= 3 && cols.get(cols.size() - 1).equals("name") ? new ReportLine.TaskHeader(cols) : null;
  }

  /** True when the line starts like a task row: {@code [ digits]}. */
  static boolean looksLikeTaskRow(Text t) {
    if (!t.startsWith("[")) {
      return false;
    }
    int i = t.skipSpaces(1);
    int d = t.digitsEnd(i);
    return d > i && d < t.length() && t.at(d) == ']';
  }

  // ---- summary ------------------------------------------------------------------------------------------

  static ReportLine.Summary summary(Text t) {
    if (!t.startsWith("oom-kill:")) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    String last = null;
    int i = 9;
    while (i <= t.length()) {
      int comma = t.indexOf(',', i);
      int end = comma < 0 ? t.length() : comma;
      if (end > i) {
        int eq = t.indexOf('=', i);
        if (end - i == 10 && t.startsWith("global_oom", i)) {
          out.put("global_oom", "");
          last = null;
        } else if (eq > i && eq < end && isKey(t, i, eq)) {
          last = t.string(i, eq);
          out.put(last, t.string(eq + 1, end));
        } else if (last != null) {
          out.put(last, out.get(last) + "," + t.string(i, end));
        }
      }
      i = end + 1;
    }
    return new ReportLine.Summary(out);
  }

  private static boolean isKey(Text t, int a, int e) {
    for (int i = a; i < e; i++) {
      byte c = t.at(i);
      if (!(c >= 'a' && c <= 'z' || c == '_')) {
        return false;
      }
    }
    return e > a;
  }

  // ---- kill path ----------------------------------------------------------------------------------------

  /** {@code [msg: ]Killed process N (comm) total-vm:…} (also the 2.6.32 form), or why it cannot be read. */
  static ReportLine killed(Text t) {
    int k = t.indexOf(KILLED);
    String message = prefix(t, k);
    Text rest = t.sub(k + KILLED.length());
    int d = rest.digitsEnd(0);
    Integer pid = d == 0 ? null : Scan.toInt(rest, 0, d);
    if (pid == null) {
      return new ReportLine.UnreadableKill("Killed process line without a pid");
    }
    Long uid = null;
    int open;
    if (rest.startsWith(", UID ", d)) { // 2.6.32: Killed process N, UID U, (name) …
      int e = rest.digitsEnd(d + 6);
      uid = e == d + 6 ? null : Scan.toLong(rest, d + 6, e);
      open = rest.indexOf('(', e);
    } else {
      open = rest.indexOf('(', d);
    }
    if (open < 0) {
      return new ReportLine.UnreadableKill("Killed process line without (name)");
    }
    int tv = rest.indexOf(") total-vm:", open);
    int close = tv >= 0 ? tv : rest.lastIndexOf(')');
    if (close < open) {
      return new ReportLine.UnreadableKill("Killed process line without closing parenthesis");
    }
    String comm = rest.string(open + 1, close);
    Fields f = Fields.of(rest, close + 1, KILL_FIELDS);
    if (uid == null && f.has(UID)) {
      uid = f.toLong(UID);
    }
    return new ReportLine.Killed(message, pid, comm, uid, f.kb(TOTAL_VM), f.kb(ANON_RSS), f.kb(FILE_RSS),
        f.kb(SHMEM_RSS), f.kb(PGTABLES), f.toInt(ADJ));
  }

  private static final String[] KILL_FIELDS =
      {"total-vm", "anon-rss", "file-rss", "shmem-rss", "pgtables", "oom_score_adj", "UID"};
  private static final int TOTAL_VM = 0;
  private static final int ANON_RSS = 1;
  private static final int FILE_RSS = 2;
  private static final int SHMEM_RSS = 3;
  private static final int PGTABLES = 4;
  private static final int ADJ = 5;
  private static final int UID = 6;

  /**
   * The {@code key:value} tokens (separated by {@code ,} or spaces) of {@code t} from {@code from}, the first
   * value of each wanted key.
   */
  private static final class Fields {
    final Text t;
    final int[] at;
    final int[] end;

    private Fields(Text t, int n) {
      this.t = t;
      this.at = new int[n];
      this.end = new int[n];
      java.util.Arrays.fill(at, -1);
    }

    static Fields of(Text t, int from, String[] wanted) {
      Fields f = new Fields(t, wanted.length);
      int i = from;
      int n = t.length();
      while (i <= n) {
        int e = i;
        while (e < n && t.at(e) != ' ' && t.at(e) != ',') {
          e++;
        }
        int c = t.indexOf(':', i);
        if (c > i && c < e) {
          for (int k = 0; k < wanted.length; k++) {
            if (f.at[k] < 0 && c - i == wanted[k].length() && t.startsWith(wanted[k], i)) {
              f.at[k] = c + 1;
              f.end[k] = e;
            }
          }
        }
        i = e + 1;
      }
      return f;
    }

    boolean has(int k) {
      return at[k] >= 0;
    }

    Long kb(int k) {
      return at[k] < 0 ? null : Scan.toLongStripUnit(t, at[k], end[k]);
    }

    Long toLong(int k) {
      return at[k] < 0 ? null : Scan.toLong(t, at[k], end[k]);
    }

    Integer toInt(int k) {
      return at[k] < 0 ? null : Scan.toInt(t, at[k], end[k]);
    }
  }

  /** {@code [msg: ]Kill process N (comm) score S or sacrifice child}. */
  static ReportLine.KillScore killScore(Text t) {
    int k = t.indexOf("Kill process ");
    if (k < 0 || !t.contains(" score ")) {
      return null;
    }
    Text rest = t.sub(k + 13);
    int d = rest.digitsEnd(0);
    Integer pid = d == 0 ? null : Scan.toInt(rest, 0, d);
    int open = rest.indexOf('(', d);
    int sc = rest.lastIndexOf(") score ");
    if (pid == null || open < 0 || sc < open) {
      return null;
    }
    int a = sc + 8;
    int sp = rest.indexOf(' ', a);
    Long score = Scan.toLong(rest, a, sp < 0 ? rest.length() : sp);
    return new ReportLine.KillScore(prefix(t, k), pid, rest.string(open + 1, sc), score);
  }

  /** {@code pid (comm)} at the start of {@code s}, the name ending where {@code end} starts (null: at the last ')'). */
  private record PidComm(int pid, String comm, int after) {}

  private static PidComm pidComm(Text s, String end) {
    int d = s.digitsEnd(0);
    Integer pid = d == 0 ? null : Scan.toInt(s, 0, d);
    if (pid == null || !s.startsWith(" (", d)) {
      return null;
    }
    int close = end == null ? s.lastIndexOf(')') : s.indexOf(end, d + 2);
    if (close < d + 2) {
      return null;
    }
    return new PidComm(pid, s.string(d + 2, close), close + 1);
  }

  private static final String[] REAPER_FIELDS = {"anon-rss", "file-rss", "shmem-rss"};

  static ReportLine.Reaper reaper(Text t) {
    if (t.startsWith("oom_reaper: reaped process ")) {
      PidComm pc = pidComm(t.sub(27), "), now ");
      if (pc == null) {
        return null;
      }
      Fields f = Fields.of(t, 27 + pc.after(), REAPER_FIELDS);
      return new ReportLine.Reaper(pc.pid(), pc.comm(), "reaped", f.kb(0), f.kb(1), f.kb(2));
    }
    if (t.startsWith("oom_reaper: unable to reap pid:")) {
      PidComm pc = pidComm(t.sub(31), null);
      if (pc == null) {
        return null;
      }
      return new ReportLine.Reaper(pc.pid(), pc.comm(), "unable", null, null, null);
    }
    return null;
  }

  static ReportLine.AlreadyExiting alreadyExiting(Text t) {
    int k = t.indexOf("OOM victim ");
    if (k < 0 || !t.contains(" is already exiting")) {
      return null;
    }
    PidComm pc = pidComm(t.sub(k + 11), ") is already exiting");
    if (pc == null) {
      return null;
    }
    String msg = t.sub(0, k).strip().toString();
    return new ReportLine.AlreadyExiting(msg.endsWith(":") ? msg.substring(0, msg.length() - 1) : msg,
        pc.pid(), pc.comm());
  }

  /** {@code oom killer N (comm) has mm pinned by M (comm)} → the first task. */
  static ReportLine.MmPinned mmPinned(Text t) {
    if (!t.startsWith("oom killer ") || !t.contains(" has mm pinned by ")) {
      return null;
    }
    PidComm pc = pidComm(t.sub(11), ") has mm pinned by ");
    return pc == null ? null : new ReportLine.MmPinned(pc.pid(), pc.comm());
  }

  private static final String GROUP_TAIL = " are going to be killed due to memory.oom.group set";

  /** {@code Tasks in PATH are going to be killed due to memory.oom.group set} → PATH. */
  static String oomGroup(Text t) {
    if (t.startsWith("Tasks in ") && t.endsWith(GROUP_TAIL) && t.length() - GROUP_TAIL.length() >= 9) {
      return t.string(9, t.length() - GROUP_TAIL.length());
    }
    return null;
  }

  /** {@code oom_kill_process: N callbacks suppressed} → N. */
  static Long callbacksSuppressed(Text t) {
    int c = t.indexOf(": ");
    int e = t.length() - 21;
    if (c < 0 || !t.endsWith(" callbacks suppressed") || c + 2 > e || t.sub(0, c).indexOf("oom") < 0) {
      return null;
    }
    return Scan.toLong(t, c + 2, e);
  }

  // ---- stack frames, Mem-Info, sysrq, elisions -----------------------------------------------------------

  /** A bare stack frame ({@link ReportLine.Frame}), or null. */
  static ReportLine.Frame frame(Text t) {
    int n = t.length();
    int i = t.startsWith("? ") ? 2 : 0;
    int s = i;
    while (i < n) {
      byte c = t.at(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
        i++;
      } else {
        break;
      }
    }
    if (i == s || !t.startsWith("+0x", i)) {
      return null;
    }
    i = hexEnd(t, i + 3);
    if (i < 0 || !t.startsWith("/0x", i)) {
      return null;
    }
    if (hexEnd(t, i + 3) != n) {
      return null;
    }
    boolean oom = t.contains("out_of_memory") || t.contains("oom_kill_process") || t.contains("dump_header+");
    boolean digit = t.isDigit(0);
    return digit ? new ReportLine.Frame(oom, true) : oom ? OOM_FRAME : FRAME;
  }

  private static int hexEnd(Text t, int i) {
    int j = i;
    while (j < t.length()) {
      byte c = t.at(j);
      if (c >= '0' && c <= '9' || c >= 'a' && c <= 'f' || c >= 'A' && c <= 'F') {
        j++;
      } else {
        break;
      }
    }
    return j == i ? -1 : j;
  }

  /** A stack frame or trace marker in any architecture's format ({@code fn+0x1/0x2}, {@code [<addr>]}). */
  static boolean isStackFrame(Text t) {
    return t.startsWith("Call Trace") || t.startsWith("[<") || t.contains("+0x") && t.contains("/0x");
  }

  /** A stack frame of the OOM killer itself. */
  static boolean isOomFrame(Text t) {
    return isStackFrame(t)
        && (t.contains("out_of_memory") || t.contains("oom_kill_process") || t.contains("dump_header+"));
  }

  /** A line of the global Mem-Info block (show_mem). */
  static boolean isMemInfoLine(Text t) {
    return t.contentEquals("Mem-Info:")
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
  static boolean isSysrqOom(Text t) {
    return (t.startsWith("SysRq : ") || t.startsWith("sysrq: ")) && t.endsWith("Manual OOM execution");
  }

  /** An elision marker left by whoever published the log: {@code ...}, {@code …}, {@code [...]}. */
  static boolean isElision(Text t) {
    return t.length() <= 5 && isElision(t.toString());
  }

  static boolean isElision(String t) {
    return t.equals("...") || t.equals("\u2026") || t.equals("[...]") || t.equals("[…]") || t.equals("....");
  }

  // ---- what the assembler asks of a line no open report took ---------------------------------------------

  /** Lines that turn a held run of stack/Mem-Info lines into a report (what follows them in dump_header). */
  static boolean confirmsTentative(ReportLine tok, Text t) {
    if (tok instanceof ReportLine.StatLine || tok instanceof ReportLine.Frame) {
      return false;
    }
    return isUsageLine(t)
        || isTaskIn(t)
        || isStatsTitle(t)
        || t.startsWith("Tasks state (memory values in pages)")
        || taskHeader(t) != null
        || looksLikeTaskRow(t) && TaskRows.readsWithoutHeader(t);
  }

  /** Lines that start a report whose header was not seen. */
  static boolean startsHeaderless(ReportLine tok, Text t) {
    if (tok instanceof ReportLine.StatLine || tok instanceof ReportLine.Frame) {
      return false;
    }
    return t.contains(KILLED) && t.contains(" (")
        || t.startsWith("oom-kill:")
        || isUsageLine(t) && usageValues(t, t.indexOf(':') + 8) != null
        || t.startsWith("Tasks state (memory values in pages)")
        || isTaskIn(t)
        || t.startsWith("Out of memory and no killable processes")
        || t.startsWith("Kernel panic - not syncing: Out of memory")
        || isStatsTitle(t)
        || taskHeader(t) != null
        || looksLikeTaskRow(t) && TaskRows.readsWithoutHeader(t)
        || killScore(t) != null;
  }

  /** The phase a held (header-less) report starts in for this line, or null when the line cannot start one. */
  static ReportBuilder.Phase tentativePhase(ReportLine tok, Text t) {
    if (tok instanceof ReportLine.Frame) {
      return ReportBuilder.Phase.STACK;
    }
    if (tok instanceof ReportLine.StatLine) {
      return null;
    }
    if (isStackHeader(t) || isStackFrame(t)) {
      return ReportBuilder.Phase.STACK;
    }
    if (isMemInfoLine(t)) {
      return ReportBuilder.Phase.MEMORY;
    }
    return null;
  }

  // ---- helpers ------------------------------------------------------------------------------------------

  /** The message before a kill line's {@code Killed process}/{@code Kill process}, without its ':'. */
  private static String prefix(Text t, int k) {
    Text p = t.sub(0, k).strip();
    return p.endsWith(":") ? p.sub(0, p.length() - 1).strip().toString() : p.toString();
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
