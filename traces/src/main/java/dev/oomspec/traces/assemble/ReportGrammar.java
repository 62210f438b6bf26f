package dev.oomspec.traces.assemble;

import dev.oomspec.traces.assemble.ReportLine.Rule;
import dev.oomspec.traces.event.TaskRow;
import dev.oomspec.traces.event.UsageLine;
import dev.oomspec.traces.read.Lit;
import dev.oomspec.traces.read.Scan;
import dev.oomspec.traces.read.Text;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The grammar of the lines of a kernel OOM report, by hand: prefix tests and field scanning on the line's bytes
 * ({@link Text}), no regular expressions. The lines are those the kernel prints (Linux mm/oom_kill.c
 * {@code dump_header()} — the header, {@code dump_stack()}, then {@code mem_cgroup_print_oom_context()} /
 * {@code mem_cgroup_print_oom_meminfo()} of mm/memcontrol.c for a memcg OOM or {@code __show_mem()} of
 * mm/show_mem.c otherwise, {@code dump_tasks()} / {@code dump_task()}, {@code dump_oom_summary()} —;
 * {@code oom_kill_process()} / {@code __oom_kill_process()} for the kill lines and {@code oom_reap_task_mm()} for
 * the reaper's; older kernels' shapes where they differ). {@link #line} reads a line into its
 * token: a header, an elision marker or a reaper line first (they are read before any report sees a line), else
 * the first body {@link Rule} it matches ({@link #body}). The predicates at the end answer what the assembler
 * asks of a line no report took (can it start a header-less report, confirm a held one, …).
 *
 * <p>Input is kernel text with surrounding whitespace removed. One instance per assembler: it keeps the names of
 * memcg stats keys it has seen, so that each is one String however often it is printed.
 */
final class ReportGrammar {

  static final Lit INVOKED = Lit.of("invoked oom-killer");
  static final Lit KILLED = Lit.of("Killed process ");

  // ---- the literals the lines are matched against ----
  private static final Lit L_ACTIVE_ANON_COLON = Lit.of("active_anon:");
  private static final Lit L_BRACKET = Lit.of("[");
  private static final Lit L_BRACKET_LT = Lit.of("[<");
  private static final Lit L_CALLBACKS_SUPPRESSED = Lit.of(" callbacks suppressed");
  private static final Lit L_CALL_TRACE = Lit.of("Call Trace");
  private static final Lit L_CLOSE_SCORE = Lit.of(") score ");
  private static final Lit L_CLOSE_TOTAL_VM_COLON = Lit.of(") total-vm:");
  private static final Lit L_COLON = Lit.of(":");
  private static final Lit L_COLON2 = Lit.of(": ");
  private static final Lit L_COMM_COLON = Lit.of(" Comm: ");
  private static final Lit L_COMPACTION_IS_DISABLED = Lit.of("COMPACTION is disabled");
  private static final Lit L_CPUSET_EQ = Lit.of(" cpuset=");
  private static final Lit L_CPU_COLON = Lit.of("CPU: ");
  private static final Lit L_DASH_END_KERNEL_PANIC = Lit.of("---[ end Kernel panic");
  private static final Lit L_DUMP_HEADER_PLUS = Lit.of("dump_header+");
  private static final Lit L_FAILCNT = Lit.of("failcnt ");
  private static final Lit L_FREE_COLON = Lit.of(" free:");
  private static final Lit L_FREE_SWAP = Lit.of("Free swap");
  private static final Lit L_GLOBAL_OOM = Lit.of("global_oom");
  private static final Lit L_HAS_MM_PINNED_BY = Lit.of(" has mm pinned by ");
  private static final Lit L_HUGEPAGES_TOTAL_EQ = Lit.of("hugepages_total=");
  private static final Lit L_IS_ALREADY_EXITING = Lit.of(" is already exiting");
  private static final Lit L_KB = Lit.of("KB");
  private static final Lit L_KB2 = Lit.of("kB");
  private static final Lit L_KERNEL_PANIC_NOT_SYNCING_COLON = Lit.of("Kernel panic - not syncing: ");
  private static final Lit L_KERNEL_PANIC_NOT_SYNCING_OUT_OF_MEMORY = Lit.of("Kernel panic - not syncing: Out of memory");
  private static final Lit L_KILL_PROCESS = Lit.of("Kill process ");
  private static final Lit L_KMEM_USAGE = Lit.of("kmem: usage ");
  private static final Lit L_LIMIT = Lit.of("limit ");
  private static final Lit L_LOWMEM_RESERVE_COLON = Lit.of("lowmem_reserve[]:");
  private static final Lit L_LOW_COLON = Lit.of(" low:");
  private static final Lit L_MANUAL_OOM_EXECUTION = Lit.of("Manual OOM execution");
  private static final Lit L_MEMORY_CGROUP_MIN_PROTECTION = Lit.of("Memory cgroup min protection");
  private static final Lit L_MEMORY_CGROUP_STATS_FOR = Lit.of("Memory cgroup stats for ");
  private static final Lit L_MEMORY_LIMIT_REACHED_OF_CGROUP = Lit.of("Memory limit reached of cgroup ");
  private static final Lit L_MEMORY_SWAP_USAGE = Lit.of("memory+swap: usage ");
  private static final Lit L_MEMORY_USAGE = Lit.of("memory: usage ");
  private static final Lit L_MEMS_ALLOWED_EQ = Lit.of(" mems_allowed=");
  private static final Lit L_MEM_INFO_COLON = Lit.of("Mem-Info:");
  private static final Lit L_MIN_COLON = Lit.of(" min:");
  private static final Lit L_NODE = Lit.of("Node ");
  private static final Lit L_NOT_TAINTED = Lit.of(" Not tainted ");
  private static final Lit L_OOM_BPF_HANDLER_COLON = Lit.of("oom bpf handler: ");
  private static final Lit L_OOM_KILLER = Lit.of("oom killer ");
  private static final Lit L_OOM_KILL_COLON = Lit.of("oom-kill:");
  private static final Lit L_OOM_KILL_PROCESS = Lit.of("oom_kill_process");
  private static final Lit L_OOM_POLICY_EQ = Lit.of("oom_policy=");
  private static final Lit L_OOM_REAPER_REAPED_PROCESS = Lit.of("oom_reaper: reaped process ");
  private static final Lit L_OOM_REAPER_UNABLE_TO_REAP_PID_COLON = Lit.of("oom_reaper: unable to reap pid:");
  private static final Lit L_OOM_REQUEST_IGNORED = Lit.of("OOM request ignored");
  private static final Lit L_OOM_VICTIM = Lit.of("OOM victim ");
  private static final Lit L_OUT_OF_MEMORY = Lit.of("out_of_memory");
  private static final Lit L_OUT_OF_MEMORY_AND_NO_KILLABLE_PROCESSES = Lit.of("Out of memory and no killable processes");
  private static final Lit L_PAGES_CMA_RESERVED = Lit.of(" pages cma reserved");
  private static final Lit L_PAGES_HIGHMEM_MOVABLEONLY = Lit.of(" pages HighMem/MovableOnly");
  private static final Lit L_PAGES_HWPOISONED = Lit.of(" pages hwpoisoned");
  private static final Lit L_PAGES_IN_SWAP_CACHE = Lit.of(" pages in swap cache");
  private static final Lit L_PAGES_RAM = Lit.of(" pages RAM");
  private static final Lit L_PAGES_RESERVED = Lit.of(" pages reserved");
  private static final Lit L_PAREN = Lit.of(" (");
  private static final Lit L_PID_COLON = Lit.of(" PID: ");
  private static final Lit L_PID_COLON_START = Lit.of("Pid: ");
  private static final Lit L_COMMA_COMM_COLON = Lit.of(", comm: ");
  private static final Lit L_PLUS_0X = Lit.of("+0x");
  private static final Lit L_PROCESS = Lit.of(" process ");
  private static final Lit L_Q = Lit.of("? ");
  private static final Lit L_SCORE = Lit.of(" score ");
  private static final Lit L_SLASH_0X = Lit.of("/0x");
  private static final Lit L_STAR_4KB = Lit.of("*4kB");
  private static final Lit L_SWAP_CACHE_STATS_COLON = Lit.of("Swap cache stats:");
  private static final Lit L_SWAP_USAGE = Lit.of("swap: usage ");
  private static final Lit L_SYSRQ_COLON = Lit.of("SysRq : ");
  private static final Lit L_SYSRQ_COLON2 = Lit.of("sysrq: ");
  private static final Lit L_TAINTED_COLON = Lit.of(" Tainted: ");
  private static final Lit L_TASKS_IN = Lit.of("Tasks in ");
  private static final Lit L_TASKS_STATE = Lit.of("Tasks state");
  private static final Lit L_TASKS_STATE_MEMORY_VALUES_IN_PAGES_CLOSE = Lit.of("Tasks state (memory values in pages)");
  private static final Lit L_TASK_IN = Lit.of("Task in ");
  private static final Lit L_TOTAL_PAGECACHE_PAGES = Lit.of(" total pagecache pages");
  private static final Lit L_TOTAL_SWAP = Lit.of("Total swap");
  private static final Lit L_UID = Lit.of(", UID ");
  private static final Lit L_WARNING_STAT_BUFFER_OVERFLOW_PLEASE_REPORT = Lit.of("Warning, stat buffer overflow, please report");

  private static final ReportLine.Compaction COMPACTION = new ReportLine.Compaction();
  private static final ReportLine.MemInfoTitle MEM_INFO = new ReportLine.MemInfoTitle();
  private static final ReportLine.TasksState TASKS_STATE = new ReportLine.TasksState();
  private static final ReportLine.TaskRowLine TASK_ROW = new ReportLine.TaskRowLine();
  private static final ReportLine.Other OTHER = new ReportLine.Other();
  private static final ReportLine.Frame FRAME = new ReportLine.Frame(false);
  private static final ReportLine.Frame DIGIT_FRAME = new ReportLine.Frame(true);

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

  // ---- the quick recogniser ----------------------------------------------------------------------------

  /** {@link #quick}: none of the four tokens below (the line is read by {@link #line}). */
  static final int QUICK_NONE = 0;
  /** {@link #quick}: {@link #line} reads the line as a {@link ReportLine.StatLine} ({@link #statSp}, {@link #statValue}). */
  static final int QUICK_STAT = 1;
  /** {@link #quick}: {@link #line} reads the line as a {@link ReportLine.Frame}. */
  static final int QUICK_FRAME = 2;
  /** {@link #quick}: {@link #line} reads the line as a {@link ReportLine.TaskRowLine}. */
  static final int QUICK_ROW = 3;
  /** {@link #quick}: {@link #line} reads the line as {@link ReportLine.Other}: no rule names it. */
  static final int QUICK_OTHER = 4;

  /**
   * The token {@link #line} makes of the most frequent report lines — a stats line, a stack frame, a task row, a
   * line no rule names — told without making it, or {@link #QUICK_NONE} for any other line (and for some of these
   * when that is quicker to say: a line of at most 5 chars, one with {@code '='}, {@code Kill},
   * {@code OOM victim }, {@code invoked oom-killer} or ending in the stat-overflow warning, one starting with a
   * char some rule's literal starts with). The tests in {@link #line}'s order: stats line, frame, the literals of
   * the header, the elision and reaper tests and of the rules any line may match, then the rules by first char.
   */
  int quick(Text t) {
    int n = t.length();
    if (n == 0) {
      return QUICK_NONE;
    }
    byte c = t.at(0);
    if ((c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_') && isStatLine(t)) {
      return QUICK_STAT;
    }
    if ((c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.' || c == '?')
        && frame(t) != null) {
      return QUICK_FRAME;
    }
    if (n <= 5 || anyLineLiteral(t)) {
      return QUICK_NONE; // an elision marker, a header, or a rule any line may match
    }
    if (c == '[') {
      // TASK_HEADER needs "pid" between the brackets, TASK_ROW digits: a row is never a header
      return looksLikeTaskRow(t) ? QUICK_ROW : QUICK_NONE;
    }
    return firstCharRule(t, c) ? QUICK_NONE : QUICK_OTHER;
  }

  private static final Lit L_KILL = Lit.of("Kill");

  /**
   * True when the line holds a literal that the header test or a rule any line may match needs: {@code '='}
   * (cpuset), {@code Kill} (killed, kill score), {@code OOM victim } (already exiting),
   * {@code invoked oom-killer} (header), or ends with the stat-overflow warning.
   */
  private static boolean anyLineLiteral(Text t) {
    for (int i = t.indexOfAny('=', 'K', 'O', 'i', 0); i >= 0; i = t.indexOfAny('=', 'K', 'O', 'i', i + 1)) {
      byte c = t.at(i);
      if (c == '=' || c == 'K' && t.startsWith(L_KILL, i) || c == 'O' && t.startsWith(L_OOM_VICTIM, i)
          || c == 'i' && t.startsWith(INVOKED, i)) {
        return true;
      }
    }
    return t.endsWith(L_WARNING_STAT_BUFFER_OVERFLOW_PLEASE_REPORT);
  }

  /** True when a rule that only lines starting with {@code c} match may match this line ({@link #mayStartWith}). */
  private static boolean firstCharRule(Text t, byte c) {
    return switch (c) {
      case 'o', 'm', 's', 'k', 'T', 'M', '[', 'O', 'K', '-' -> true;
      case 'C' -> t.startsWith(L_COMPACTION_IS_DISABLED) || t.startsWith(L_CPU_COLON);
      case 'P' -> t.startsWith(L_PID_COLON_START);
      default -> false;
    };
  }

  /** The first body rule at or after {@code from} that the line matches ({@link Rule#OTHER} last). */
  ReportLine body(Text t, int from) {
    byte c = t.at(0);
    for (int i = from; i < RULES.length; i++) {
      Rule rule = RULES[i];
      if (!mayStartWith(rule, c)) {
        continue;
      }
      ReportLine r = match(rule, t);
      if (r != null) {
        return r;
      }
    }
    return OTHER;
  }

  /** False when no line starting with {@code c} can match the rule (its literal starts the line). */
  private static boolean mayStartWith(Rule rule, byte c) {
    return switch (rule) {
      case BPF_POLICY, BPF_HANDLER, SUMMARY -> c == 'o';
      case COMPACTION -> c == 'C';
      case STACK_HEADER -> c == 'C' || c == 'P';
      case USAGE -> c == 'm' || c == 's' || c == 'k';
      case TASK_IN, TASKS_STATE -> c == 'T';
      case LIMIT_REACHED, STATS_TITLE, MEM_INFO, MIN_PROTECTION -> c == 'M';
      case TASK_HEADER, TASK_ROW -> c == '[';
      case OUTCOME -> c == 'O';
      case PANIC -> c == 'K' || c == '-';
      case CPUSET, KILLED, KILL_SCORE, ALREADY_EXITING, STAT_OVERFLOW, OTHER -> true;
    };
  }

  private ReportLine match(Rule rule, Text t) {
    return switch (rule) {
      case BPF_POLICY -> t.startsWith(L_OOM_POLICY_EQ) ? new ReportLine.BpfPolicy(t.sub(11).strip().toString()) : null;
      case BPF_HANDLER -> t.startsWith(L_OOM_BPF_HANDLER_COLON)
          ? new ReportLine.BpfHandlerLine(t.sub(17).strip().toString()) : null;
      case COMPACTION -> t.startsWith(L_COMPACTION_IS_DISABLED) ? COMPACTION : null;
      case STACK_HEADER -> stackHeader(t);
      case CPUSET -> cpuset(t);
      case USAGE -> usage(t);
      case TASK_IN -> taskIn(t);
      case LIMIT_REACHED -> t.startsWith(L_MEMORY_LIMIT_REACHED_OF_CGROUP)
          ? new ReportLine.LimitReached(t.sub(31).strip().toString()) : null;
      case STATS_TITLE -> statsTitle(t);
      case MEM_INFO -> t.contentEquals(L_MEM_INFO_COLON) ? MEM_INFO : null;
      case MIN_PROTECTION -> t.startsWith(L_MEMORY_CGROUP_MIN_PROTECTION)
          ? new ReportLine.MinProtection(t.toString()) : null;
      case TASKS_STATE -> t.startsWith(L_TASKS_STATE) ? TASKS_STATE : null;
      case TASK_HEADER -> knownTaskHeader(t);
      case TASK_ROW -> looksLikeTaskRow(t) ? TASK_ROW : null;
      case SUMMARY -> summary(t);
      case KILLED -> t.contains(KILLED) ? killed(t) : null; // "Killed process " contains " process "
      case KILL_SCORE -> t.contains(L_PROCESS) ? killScore(t) : null;
      case ALREADY_EXITING -> alreadyExiting(t);
      case OUTCOME -> t.startsWith(L_OUT_OF_MEMORY_AND_NO_KILLABLE_PROCESSES) || t.startsWith(L_OOM_REQUEST_IGNORED)
          ? new ReportLine.NoKill(t.toString()) : null;
      case PANIC -> isPanic(t) ? new ReportLine.Panic(t.toString()) : null;
      case STAT_OVERFLOW -> t.endsWith(L_WARNING_STAT_BUFFER_OVERFLOW_PLEASE_REPORT)
          ? new ReportLine.StatOverflow(t.toString()) : null;
      case OTHER -> OTHER;
    };
  }

  static boolean isPanic(Text t) {
    return t.startsWith(L_KERNEL_PANIC_NOT_SYNCING_COLON) || t.startsWith(L_DASH_END_KERNEL_PANIC);
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
    if (rest.startsWith(L_COLON)) {
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

  /** True for {@code CPU: … PID: … Comm: …} and the 2.6.x {@code Pid: N, comm: …} form ({@link #stackHeader}). */
  static boolean isStackHeader(Text t) {
    if (t.startsWith(L_PID_COLON_START)) {
      return stackHeader(t) != null;
    }
    return isCpuStackHeader(t);
  }

  private static boolean isCpuStackHeader(Text t) {
    if (!t.startsWith(L_CPU_COLON)) {
      return false;
    }
    int pidAt = t.indexOf(L_PID_COLON);
    int commAt = t.indexOf(L_COMM_COLON);
    return pidAt >= 0 && commAt >= pidAt;
  }

  /**
   * {@code CPU: 1 [UID: 0 ]PID: 7186 Comm: hog Not tainted 6.18.44 #1 PREEMPT(none)}, or the 2.6.x form
   * {@code Pid: 24113, comm: sshd Not tainted 2.6.32-431.11.2.el6.x86_64 #1} read as
   * {@code CPU: - PID: 24113 Comm: sshd Not tainted …} (no CPU).
   */
  static ReportLine.StackHeader stackHeader(Text t) {
    int cm = t.startsWith(L_PID_COLON_START) ? t.indexOf(L_COMMA_COMM_COLON) : -1;
    if (cm > 0) {
      return stackHeader(Text.of("CPU: - PID: " + t.string(5, cm) + " Comm: " + t.string(cm + 8)));
    }
    if (!isCpuStackHeader(t)) {
      return null;
    }
    int pidAt = t.indexOf(L_PID_COLON);
    int commAt = t.indexOf(L_COMM_COLON);
    Integer pid = firstTokenInt(t, pidAt + 6);
    int c = commAt + 7;
    int not = t.indexOf(L_NOT_TAINTED, c);
    int tainted = t.indexOf(L_TAINTED_COLON, c);
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
    int c = t.indexOf(L_CPUSET_EQ);
    if (c < 0) {
      return null;
    }
    int m = t.indexOf(L_MEMS_ALLOWED_EQ);
    if (m < 0 || t.startsWith(L_OOM_KILL_COLON) || c >= m) {
      return null;
    }
    return new ReportLine.CpusetLine(t.string(c + 8, m), t.sub(m + 14).strip().toString());
  }

  // ---- memcg --------------------------------------------------------------------------------------------

  static boolean isUsageLine(Text t) {
    return t.startsWith(L_MEMORY_USAGE) || t.startsWith(L_MEMORY_SWAP_USAGE)
        || t.startsWith(L_SWAP_USAGE) || t.startsWith(L_KMEM_USAGE);
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
    Long limit = l.startsWith(L_LIMIT) ? Scan.toLongStripUnit(l, 6, l.length()) : null;
    Long failcnt = f.startsWith(L_FAILCNT) ? Scan.toLong(f, 8, f.length()) : null;
    if (usage == null || limit == null || failcnt == null) {
      return null;
    }
    return new UsageLine(usage, limit, failcnt);
  }

  private static final Lit LIMIT_OF = Lit.of(" killed as a result of limit of ");

  static boolean isTaskIn(Text t) {
    return t.startsWith(L_TASK_IN) && t.indexOf(LIMIT_OF) >= 0;
  }

  static ReportLine.TaskIn taskIn(Text t) {
    if (!t.startsWith(L_TASK_IN)) {
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
    return t.startsWith(L_MEMORY_CGROUP_STATS_FOR);
  }

  static ReportLine.StatsTitle statsTitle(Text t) {
    if (!isStatsTitle(t)) {
      return null;
    }
    Text rest = t.sub(24);
    if (rest.endsWith(L_COLON)) {
      return new ReportLine.StatsTitle(rest.string(0, rest.length() - 1), Map.of(), null);
    }
    int sep = rest.indexOf(L_COLON2);
    if (sep < 0) {
      return new ReportLine.StatsTitle(rest.toString(), Map.of(), null);
    }
    Map<String, Long> inline = new LinkedHashMap<>();
    int i = sep + 2;
    while (i <= rest.length()) {
      int sp = rest.indexOf(' ', i);
      int end = sp < 0 ? rest.length() : sp;
      int c = rest.indexOf(':', i, end);
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
      if (last.indexOf(':') > 0 && !last.endsWith(L_KB) && !last.endsWith(L_KB2)) {
        cut = last.toString();
      }
    }
    return new ReportLine.StatsTitle(rest.string(0, sep), Collections.unmodifiableMap(inline), cut);
  }

  /** A 5.3+ stats body line {@code key value} with a key of {@code [a-z0-9_]}: the token, else null. */
  ReportLine.StatLine statLine(Text t) {
    if (!isStatLine(t)) {
      return null;
    }
    return new ReportLine.StatLine(keys.of(t, 0, statSp), statValue, t.isDigit(0));
  }

  /** Where the key of the last line {@link #isStatLine} read ends, and its value. */
  private int statSp;
  private long statValue;

  int statSp() {
    return statSp;
  }

  long statValue() {
    return statValue;
  }

  /** True for a {@code key value} stats line ({@link #statLine}); its key end and value are kept. */
  boolean isStatLine(Text t) {
    int n = t.length();
    int sp = -1;
    for (int i = 0; i < n; i++) {
      byte c = t.at(i);
      if (c == ' ') {
        sp = i;
        break;
      }
      if (!(c >= 'a' && c <= 'z' || c >= '0' && c <= '9' || c == '_')) {
        return false;
      }
    }
    if (sp <= 0 || t.indexOf(' ', sp + 1) >= 0) {
      return false;
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
        return false;
      }
      v = x;
    }
    statSp = sp;
    statValue = v;
    return true;
  }

  // ---- task table ---------------------------------------------------------------------------------------

  /** {@code [  pid  ]   uid  tgid total_vm …} → the column names, or null. */
  static ReportLine.TaskHeader taskHeader(Text t) {
    if (!t.startsWith(L_BRACKET)) {
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

  /** The text of the last task-table header {@link #knownTaskHeader} read, and its token (columns unmodifiable). */
  private String lastHeaderText;
  private ReportLine.TaskHeader lastHeader;
  /** The columns {@link #layout} made a layout of last (by identity), and that layout (null: a name repeats). */
  private List<String> lastLayoutFor;
  private TaskRow.Layout lastLayout;

  /**
   * {@link #taskHeader}, the token of the previous header when the line is the same text: a log's reports print
   * the same header again and again, so its columns are read once and shared (as an unmodifiable list).
   */
  ReportLine.TaskHeader knownTaskHeader(Text t) {
    if (lastHeader != null && t.contentEquals(lastHeaderText)) {
      return lastHeader;
    }
    ReportLine.TaskHeader h = taskHeader(t);
    if (h != null) {
      lastHeaderText = t.toString();
      lastHeader = new ReportLine.TaskHeader(List.copyOf(h.columns()));
      return lastHeader;
    }
    return null;
  }

  /** {@link TaskRow.Layout#of} these columns, the previous one when they are the same list (identity). */
  TaskRow.Layout layout(List<String> columns) {
    if (columns != lastLayoutFor) {
      lastLayoutFor = columns;
      lastLayout = TaskRow.Layout.of(columns);
    }
    return lastLayout;
  }

  private List<String> lastJoinedFor;
  private String lastJoined;

  /** The columns joined by blanks, the previous String when they are the same list (identity). */
  String joined(List<String> columns) {
    if (columns != lastJoinedFor) {
      lastJoinedFor = columns;
      lastJoined = String.join(" ", columns);
    }
    return lastJoined;
  }

  /** True when the line starts like a task row: {@code [ digits]}. */
  static boolean looksLikeTaskRow(Text t) {
    if (!t.startsWith(L_BRACKET)) {
      return false;
    }
    int i = t.skipSpaces(1);
    int d = t.digitsEnd(i);
    return d > i && d < t.length() && t.at(d) == ']';
  }

  // ---- summary ------------------------------------------------------------------------------------------

  static ReportLine.Summary summary(Text t) {
    if (!t.startsWith(L_OOM_KILL_COLON)) {
      return null;
    }
    Map<String, String> out = new LinkedHashMap<>();
    String last = null;
    int i = 9;
    while (i <= t.length()) {
      int comma = t.indexOf(',', i);
      int end = comma < 0 ? t.length() : comma;
      if (end > i) {
        int eq = t.indexOf('=', i, end);
        if (end - i == 10 && t.startsWith(L_GLOBAL_OOM, i)) {
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
    if (rest.startsWith(L_UID, d)) { // 2.6.32: Killed process N, UID U, (name) …
      int e = rest.digitsEnd(d + 6);
      uid = e == d + 6 ? null : Scan.toLong(rest, d + 6, e);
      open = rest.indexOf('(', e);
    } else {
      open = rest.indexOf('(', d);
    }
    if (open < 0) {
      return new ReportLine.UnreadableKill("Killed process line without (name)");
    }
    int tv = rest.indexOf(L_CLOSE_TOTAL_VM_COLON, open);
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
        int c = t.indexOf(':', i, e);
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
    int k = t.indexOf(L_KILL_PROCESS);
    if (k < 0 || !t.contains(L_SCORE)) {
      return null;
    }
    Text rest = t.sub(k + 13);
    int d = rest.digitsEnd(0);
    Integer pid = d == 0 ? null : Scan.toInt(rest, 0, d);
    int open = rest.indexOf('(', d);
    int sc = rest.lastIndexOf(L_CLOSE_SCORE);
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
    if (pid == null || !s.startsWith(L_PAREN, d)) {
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
    if (t.startsWith(L_OOM_REAPER_REAPED_PROCESS)) {
      PidComm pc = pidComm(t.sub(27), "), now ");
      if (pc == null) {
        return null;
      }
      Fields f = Fields.of(t, 27 + pc.after(), REAPER_FIELDS);
      return new ReportLine.Reaper(pc.pid(), pc.comm(), "reaped", f.kb(0), f.kb(1), f.kb(2));
    }
    if (t.startsWith(L_OOM_REAPER_UNABLE_TO_REAP_PID_COLON)) {
      PidComm pc = pidComm(t.sub(31), null);
      if (pc == null) {
        return null;
      }
      return new ReportLine.Reaper(pc.pid(), pc.comm(), "unable", null, null, null);
    }
    return null;
  }

  static ReportLine.AlreadyExiting alreadyExiting(Text t) {
    int k = t.indexOf(L_OOM_VICTIM);
    if (k < 0 || !t.contains(L_IS_ALREADY_EXITING)) {
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
    if (!t.startsWith(L_OOM_KILLER) || !t.contains(L_HAS_MM_PINNED_BY)) {
      return null;
    }
    PidComm pc = pidComm(t.sub(11), ") has mm pinned by ");
    return pc == null ? null : new ReportLine.MmPinned(pc.pid(), pc.comm());
  }

  private static final Lit GROUP_TAIL = Lit.of(" are going to be killed due to memory.oom.group set");

  /** {@code Tasks in PATH are going to be killed due to memory.oom.group set} → PATH. */
  static String oomGroup(Text t) {
    if (t.startsWith(L_TASKS_IN) && t.endsWith(GROUP_TAIL) && t.length() - GROUP_TAIL.length() >= 9) {
      return t.string(9, t.length() - GROUP_TAIL.length());
    }
    return null;
  }

  /** {@code oom_kill_process: N callbacks suppressed} → N. */
  static Long callbacksSuppressed(Text t) {
    int c = t.indexOf(L_COLON2);
    int e = t.length() - 21;
    if (c < 0 || !t.endsWith(L_CALLBACKS_SUPPRESSED) || c + 2 > e || t.sub(0, c).indexOf("oom") < 0) {
      return null;
    }
    return Scan.toLong(t, c + 2, e);
  }

  // ---- stack frames, Mem-Info, sysrq, elisions -----------------------------------------------------------

  /** A bare stack frame ({@link ReportLine.Frame}), or null. */
  static ReportLine.Frame frame(Text t) {
    int n = t.length();
    int i = t.startsWith(L_Q) ? 2 : 0;
    int s = i;
    while (i < n) {
      byte c = t.at(i);
      if (c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_' || c == '.') {
        i++;
      } else {
        break;
      }
    }
    if (i == s || !t.startsWith(L_PLUS_0X, i)) {
      return null;
    }
    i = hexEnd(t, i + 3);
    if (i < 0 || !t.startsWith(L_SLASH_0X, i)) {
      return null;
    }
    if (hexEnd(t, i + 3) != n) {
      return null;
    }
    return t.isDigit(0) ? DIGIT_FRAME : FRAME;
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
    return t.startsWith(L_CALL_TRACE) || t.startsWith(L_BRACKET_LT) || t.contains(L_PLUS_0X) && t.contains(L_SLASH_0X);
  }

  /** A stack frame of the OOM killer itself. */
  static boolean isOomFrame(Text t) {
    return isStackFrame(t)
        && (t.contains(L_OUT_OF_MEMORY) || t.contains(L_OOM_KILL_PROCESS) || t.contains(L_DUMP_HEADER_PLUS));
  }

  /** A line of the global Mem-Info block (show_mem). */
  static boolean isMemInfoLine(Text t) {
    return t.contentEquals(L_MEM_INFO_COLON)
        || t.startsWith(L_ACTIVE_ANON_COLON)
        || t.startsWith(L_NODE) && (t.contains(L_ACTIVE_ANON_COLON) || t.contains(L_HUGEPAGES_TOTAL_EQ)
            || t.contains(L_FREE_COLON))
        || t.contains(L_FREE_COLON) && t.contains(L_MIN_COLON) && t.contains(L_LOW_COLON)
        || t.startsWith(L_LOWMEM_RESERVE_COLON)
        || t.contains(L_STAR_4KB)
        || t.endsWith(L_TOTAL_PAGECACHE_PAGES) || t.endsWith(L_PAGES_IN_SWAP_CACHE)
        || t.startsWith(L_SWAP_CACHE_STATS_COLON) || t.startsWith(L_FREE_SWAP) || t.startsWith(L_TOTAL_SWAP)
        || t.endsWith(L_PAGES_RAM) || t.endsWith(L_PAGES_HIGHMEM_MOVABLEONLY) || t.endsWith(L_PAGES_RESERVED)
        || t.endsWith(L_PAGES_CMA_RESERVED) || t.endsWith(L_PAGES_HWPOISONED);
  }

  /** {@code SysRq : Manual OOM execution} (≤4.x) / {@code sysrq: Manual OOM execution} (5.x+). */
  static boolean isSysrqOom(Text t) {
    return (t.startsWith(L_SYSRQ_COLON) || t.startsWith(L_SYSRQ_COLON2)) && t.endsWith(L_MANUAL_OOM_EXECUTION);
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
        || t.startsWith(L_TASKS_STATE_MEMORY_VALUES_IN_PAGES_CLOSE)
        || taskHeader(t) != null
        || looksLikeTaskRow(t) && TaskRows.readsWithoutHeader(t);
  }

  /** Lines that start a report whose header was not seen. */
  static boolean startsHeaderless(ReportLine tok, Text t) {
    if (tok instanceof ReportLine.StatLine || tok instanceof ReportLine.Frame) {
      return false;
    }
    return t.contains(KILLED) && t.contains(L_PAREN)
        || t.startsWith(L_OOM_KILL_COLON)
        || isUsageLine(t) && usageValues(t, t.indexOf(':') + 8) != null
        || t.startsWith(L_TASKS_STATE_MEMORY_VALUES_IN_PAGES_CLOSE)
        || isTaskIn(t)
        || t.startsWith(L_OUT_OF_MEMORY_AND_NO_KILLABLE_PROCESSES)
        || t.startsWith(L_KERNEL_PANIC_NOT_SYNCING_OUT_OF_MEMORY)
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
    return p.endsWith(L_COLON) ? p.sub(0, p.length() - 1).strip().toString() : p.toString();
  }

  static String abbreviate(String s) {
    return s.length() > 40 ? s.substring(0, 40) + "…" : s;
  }
}
