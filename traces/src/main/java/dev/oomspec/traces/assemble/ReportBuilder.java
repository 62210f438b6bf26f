package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.BpfHandler;
import dev.oomspec.traces.event.KillLine;
import dev.oomspec.traces.event.MemcgInfo;
import dev.oomspec.traces.event.Missing;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.ProfileHints;
import dev.oomspec.traces.event.ReaperResult;
import dev.oomspec.traces.event.SourceRange;
import dev.oomspec.traces.event.TaskRow;
import dev.oomspec.traces.event.Trigger;
import dev.oomspec.traces.event.UsageLine;
import dev.oomspec.traces.event.Victim;
import dev.oomspec.traces.read.KernelLine;
import dev.oomspec.traces.read.Scan;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One OOM report being assembled. Holds parsed values only, never input lines. {@link #offer} takes a line
 * when it belongs to this report in its current phase and returns null otherwise.
 */
final class ReportBuilder {

  enum Phase { HEADER, STACK, MEMORY, MEMCG_STATS, TASKS, SUMMARY, KILLING, TAIL }

  /** Cap on task rows kept per event (bounded memory); further rows are counted. */
  static final int MAX_ROWS = 100_000;

  long seq;
  final String source;
  final String stream;
  final String callerId;
  final long firstLine;
  long lastLine;
  Double timestamp;
  Double killTimestamp;
  /** {@link OomReportAssembler.TailClock#lines} of this stream when the report entered its tail. */
  long tailStart;
  /** Set once the report is queued as an event: told when the report enters its tail. */
  OomReportAssembler owner;
  boolean closed;
  Phase phase = Phase.HEADER;

  private boolean headerSeen;
  private boolean sysrqSeen;
  private int linesTaken;
  private final List<Long> elisions = new ArrayList<>();
  /** The last inline memcg stats token when it was cut (no unit): a hard-wrapped line may continue it. */
  private String wrappedStatsToken;
  private String triggerComm;
  private Integer triggerPid;
  private Integer triggerAdj;
  private String gfpMask;
  private Integer order;
  private String nodemask;
  private String constraint;
  private String cpuset;
  private String memsAllowed;
  private String oomMemcg;
  private String taskMemcg;
  private Boolean globalOom;
  private boolean summarySeen;
  private final Map<String, String> summary = new LinkedHashMap<>();
  private UsageLine memory;
  private UsageLine memsw;
  private UsageLine swap;
  private UsageLine kmem;
  private String statsFor;
  private final List<MemcgInfo.PathStats> subtree = new ArrayList<>();
  private final Map<String, Long> stats = new LinkedHashMap<>();
  private String statsUnit;
  private boolean statsClosed;
  private boolean memInfoSeen;
  private final Map<String, Long> globalMemory = new LinkedHashMap<>();
  private List<String> taskColumns;
  private boolean taskColumnsInferred;
  /** The row layout of {@link #rowLayoutFor} (the task columns it was made for), null if names repeat. */
  private TaskRow.Layout rowLayout;
  private List<String> rowLayoutFor;
  private final List<TaskRow> tasks = new ArrayList<>();
  private long droppedRows;
  private final List<KillLine> kills = new ArrayList<>();
  private final Set<Integer> killed = new LinkedHashSet<>();
  private final List<ReaperResult> reaper = new ArrayList<>();
  private BpfHandler bpf;
  private boolean stackSeen;
  private String release;
  private String build;
  private String taint;
  private String hardware;
  private String headerVariant;
  private boolean oomGroup;
  private final List<String> outcome = new ArrayList<>();
  private final List<String> notes = new ArrayList<>();
  private final List<Missing> problems = new ArrayList<>();

  ReportBuilder(long seq, KernelLine first) {
    this.seq = seq;
    this.source = first.source();
    this.stream = first.stream();
    this.callerId = first.callerId();
    this.firstLine = first.line();
    this.lastLine = first.line();
    this.timestamp = first.timestamp();
  }

  void note(String s) {
    notes.add(s);
  }

  boolean hasKilled(int pid) {
    return killed.contains(pid) || kills.stream().anyMatch(k -> k.pid() == pid);
  }

  // ---- sysrq, elisions -----------------------------------------------------------------------------------

  /** Started by {@code SysRq : Manual OOM execution}. */
  Disposition sysrq(KernelLine kl) {
    sysrqSeen = true;
    linesTaken++;
    touch(kl);
    phase = Phase.HEADER;
    return Disposition.EVENT;
  }

  /** True while only the sysrq line was taken (a following header completes this report). */
  boolean sysrqOnly() {
    return sysrqSeen && !headerSeen && linesTaken == 1;
  }

  /** An elision marker ({@code ...}) inside the report. */
  Disposition elided(KernelLine kl) {
    if (elisions.size() < 100) {
      elisions.add(kl.line());
    }
    touch(kl);
    return Disposition.EVENT;
  }

  // ---- the header ---------------------------------------------------------------------------------------

  Disposition header(ReportLines.Header h, KernelLine kl) {
    headerSeen = true;
    triggerComm = h.comm();
    gfpMask = h.gfpMask();
    order = h.order();
    triggerAdj = h.oomScoreAdj();
    nodemask = h.nodemask();
    headerVariant = h.variant();
    touch(kl);
    for (String p : h.problems()) {
      problems.add(new Missing("header field", p + " (line " + kl.line() + ")"));
    }
    phase = Phase.STACK;
    return Disposition.EVENT;
  }

  private void touch(KernelLine kl) {
    lastLine = Math.max(lastLine, kl.line());
    if (timestamp == null) {
      timestamp = kl.timestamp();
    }
  }

  // ---- everything else ----------------------------------------------------------------------------------

  /** Takes the line if it belongs here; null when it does not. */
  Disposition offer(String t, KernelLine kl) {
    String wrapped = wrappedStatsToken;
    wrappedStatsToken = null;
    Disposition d = wrapped != null ? joinWrappedStats(wrapped, t, kl) : null;
    if (d == null) {
      d = offerInner(t, kl);
    }
    if (d != null) {
      touch(kl);
      linesTaken++;
    }
    return d;
  }

  /**
   * The one-line (≤5.2) memcg stats ended in a value without its unit ({@code rss:44}) and this line has no
   * timestamp of its own: the line was hard-wrapped by whoever published it. The cut token is joined with
   * this line's first token ({@code 8KB} → {@code rss:448KB}) and the rest is read as more stats.
   */
  private Disposition joinWrappedStats(String cut, String t, KernelLine kl) {
    if (kl.timestamp() != null || kl.wallClock() != null || kl.continuation() || t.isEmpty()) {
      return null;
    }
    String[] toks = t.split(" ");
    String joined = cut + toks[0];
    int c = joined.indexOf(':');
    Long v = c > 0 ? Scan.toLongStripUnit(joined.substring(c + 1)) : null;
    if (v == null) {
      return null;
    }
    stats.put(joined.substring(0, c), v);
    for (int i = 1; i < toks.length; i++) {
      int k = toks[i].indexOf(':');
      Long x = k > 0 ? Scan.toLongStripUnit(toks[i].substring(k + 1)) : null;
      if (x != null) {
        stats.putIfAbsent(toks[i].substring(0, k), x);
      }
    }
    notes.add("line " + kl.line() + " continues the hard-wrapped memcg stats line before it; joined");
    return Disposition.EVENT;
  }

  private Disposition offerInner(String t, KernelLine kl) {
    if (phase == Phase.TAIL) {
      return tail(t, kl);
    }
    // Fast paths for the two most frequent kinds of report line. Each shape below can match none of the tests
    // that come before generic() (those all need an upper-case letter, a '[', ':', '=', '-' or a second
    // space), so taking it here gives what the whole chain would.
    if (phase == Phase.MEMCG_STATS) {
      Map.Entry<String, Long> e = ReportLines.statLine(t); // key value
      if (e != null) {
        if (!statsClosed) {
          stats.putIfAbsent(e.getKey(), e.getValue());
          statsUnit = "bytes";
        }
        return Disposition.EVENT;
      }
    } else if (phase == Phase.STACK && ReportLines.isPlainFrame(t)) { // [? ]symbol+0x1f/0x30
      return Disposition.EVENT; // stackish: it contains "+0x"
    }
    // BPF handler lines
    if (t.startsWith("oom_policy=") && phase.ordinal() <= Phase.STACK.ordinal()) {
      bpf = new BpfHandler(t.substring(11).strip(), "oom_policy", kl.line());
      return Disposition.EVENT;
    }
    if (t.startsWith("oom bpf handler: ") && phase.ordinal() <= Phase.STACK.ordinal()) {
      bpf = new BpfHandler(t.substring(17).strip(), "oom bpf handler", kl.line());
      return Disposition.EVENT;
    }
    if (t.startsWith("COMPACTION is disabled")) {
      notes.add("COMPACTION is disabled");
      return Disposition.EVENT;
    }
    if (!stackSeen && phase.ordinal() <= Phase.STACK.ordinal()) {
      ReportLines.StackHeader sh = ReportLines.stackHeader(t);
      if (sh != null) {
        stackSeen = true;
        triggerPid = sh.pid();
        release = sh.release();
        build = sh.build();
        taint = sh.taint();
        phase = Phase.STACK;
        return Disposition.EVENT;
      }
    }
    if (phase.ordinal() <= Phase.STACK.ordinal() && t.contains(" cpuset=") && t.contains(" mems_allowed=")
        && !t.startsWith("oom-kill:")) {
      int c = t.indexOf(" cpuset=");
      int m = t.indexOf(" mems_allowed=");
      if (c < m) {
        cpuset = t.substring(c + 8, m);
        memsAllowed = t.substring(m + 14).strip();
        return Disposition.EVENT;
      }
    }
    if (ReportLines.isUsageLine(t)) {
      return usage(t);
    }
    String[] taskIn = ReportLines.taskIn(t);
    if (taskIn != null) {
      taskMemcg = taskIn[0];
      oomMemcg = taskIn[1];
      phase = Phase.MEMORY;
      return Disposition.EVENT;
    }
    if (t.startsWith("Memory limit reached of cgroup ")) {
      oomMemcg = t.substring(31).strip();
      phase = Phase.MEMORY;
      return Disposition.EVENT;
    }
    ReportLines.StatsTitle st = ReportLines.statsTitle(t);
    if (st != null) {
      if (statsFor == null) {
        statsFor = st.path();
        stats.putAll(st.inline());
        statsUnit = st.inline().isEmpty() ? null : "kB";
        String last = t.substring(t.lastIndexOf(' ') + 1);
        if (!st.inline().isEmpty() && kl.timestamp() != null && last.indexOf(':') > 0
            && !last.endsWith("KB") && !last.endsWith("kB")) {
          wrappedStatsToken = last;
        }
      } else {
        statsClosed = true;
        if (!st.inline().isEmpty() && subtree.size() < 256) {
          subtree.add(new MemcgInfo.PathStats(st.path(), st.inline())); // v1: a cgroup below statsFor
        }
      }
      phase = st.inline().isEmpty() ? Phase.MEMCG_STATS : Phase.MEMORY;
      return Disposition.EVENT;
    }
    if (t.equals("Mem-Info:")) {
      memInfoSeen = true;
      phase = Phase.MEMORY;
      return Disposition.EVENT;
    }
    if (t.startsWith("Memory cgroup min protection")) {
      notes.add(t);
      return Disposition.EVENT;
    }
    if (t.startsWith("Tasks state")) {
      phase = Phase.TASKS;
      return Disposition.EVENT;
    }
    List<String> cols = ReportLines.taskHeader(t);
    if (cols != null) {
      taskColumns = cols;
      taskColumnsInferred = false;
      phase = Phase.TASKS;
      return Disposition.EVENT;
    }
    if (ReportLines.looksLikeTaskRow(t) && phase.ordinal() <= Phase.TASKS.ordinal()) {
      phase = Phase.TASKS;
      return row(t, kl);
    }
    Map<String, String> sum = ReportLines.summary(t);
    if (sum != null) {
      summary(sum);
      phase = Phase.SUMMARY;
      return Disposition.EVENT;
    }
    Disposition k = killPath(t, kl);
    if (k != null) {
      return k;
    }
    if (t.startsWith("Out of memory and no killable processes")
        || t.startsWith("OOM request ignored")) {
      outcome.add(t);
      enterTail(kl);
      return Disposition.EVENT;
    }
    if (t.startsWith("Kernel panic - not syncing: ") || t.startsWith("---[ end Kernel panic")) {
      outcome.add(t);
      enterTail(kl);
      return Disposition.EVENT;
    }
    if (t.endsWith("Warning, stat buffer overflow, please report")) {
      notes.add(t);
      return Disposition.EVENT;
    }
    return generic(t, kl);
  }

  private Disposition usage(String t) {
    String counter = t.substring(0, t.indexOf(':'));
    UsageLine u = ReportLines.usage(t, counter);
    phase = Phase.MEMORY;
    if (u == null) {
      problems.add(new Missing("memcg " + counter + " line", "unreadable: " + ReportLines.abbreviate(t)));
      return Disposition.malformed("unreadable memcg " + counter + " line");
    }
    switch (counter) {
      case "memory" -> memory = u;
      case "memory+swap" -> memsw = u;
      case "swap" -> swap = u;
      default -> kmem = u;
    }
    return Disposition.EVENT;
  }

  private Disposition row(String t, KernelLine kl) {
    if (taskColumns != null && rowLayoutFor != taskColumns) {
      rowLayoutFor = taskColumns;
      rowLayout = TaskRow.Layout.of(taskColumns); // null when a column name repeats: rows as plain maps
    }
    Object r = ReportLines.taskRow(t, taskColumns, taskColumns == null ? null : rowLayout);
    if (r instanceof String why) {
      problems.add(new Missing("task row", why + " (line " + kl.line() + ")"));
      return Disposition.malformed("task row: " + why);
    }
    ReportLines.RowWithLayout rl = (ReportLines.RowWithLayout) r;
    if (taskColumns == null) {
      taskColumns = rl.columns();
      taskColumnsInferred = true;
    }
    if (tasks.size() < MAX_ROWS) {
      tasks.add(new TaskRow(kl.line(), rl.row()));
    } else {
      droppedRows++;
    }
    return Disposition.EVENT;
  }

  /** True once an {@code oom-kill:} summary was taken: a second one belongs to the next OOM. */
  boolean hasSummary() {
    return summarySeen;
  }

  private void summary(Map<String, String> s) {
    summarySeen = true;
    summary.putAll(s);
    constraint = s.getOrDefault("constraint", constraint);
    if (s.containsKey("nodemask")) {
      nodemask = s.get("nodemask");
    }
    cpuset = s.getOrDefault("cpuset", cpuset);
    memsAllowed = s.getOrDefault("mems_allowed", memsAllowed);
    oomMemcg = s.getOrDefault("oom_memcg", oomMemcg);
    taskMemcg = s.getOrDefault("task_memcg", taskMemcg);
    if (s.containsKey("global_oom")) {
      globalOom = true;
    } else if (s.containsKey("oom_memcg")) {
      globalOom = false;
    }
  }

  private Disposition killPath(String t, KernelLine kl) {
    // "Killed process " and "Kill process " both contain " process ": one scan rules both out
    boolean process = t.contains(" process ");
    if (process && t.contains(ReportLines.KILLED)) {
      Object k = ReportLines.killed(t);
      if (k instanceof String why) {
        problems.add(new Missing("kill line", why + " (line " + kl.line() + ")"));
        enterTail(kl);
        return Disposition.malformed(why);
      }
      ReportLines.Killed kd = (ReportLines.Killed) k;
      Map<String, String> f = kd.fields();
      Victim sizes = new Victim(kd.pid(), kd.comm(), kd.uid(),
          Scan.toLongStripUnit(f.get("total-vm")), Scan.toLongStripUnit(f.get("anon-rss")),
          Scan.toLongStripUnit(f.get("file-rss")), Scan.toLongStripUnit(f.get("shmem-rss")),
          Scan.toLongStripUnit(f.get("pgtables")), Scan.toInt(f.get("oom_score_adj")), "killed-line");
      kills.add(new KillLine(kl.line(), "killed", kd.message(), kd.pid(), kd.comm(), null, sizes));
      killed.add(kd.pid());
      enterTail(kl);
      return Disposition.EVENT;
    }
    ReportLines.KillScore ks = process ? ReportLines.killScore(t) : null;
    if (ks != null) {
      kills.add(new KillLine(kl.line(), "kill-score", ks.message(), ks.pid(), ks.comm(), ks.score(), null));
      phase = Phase.KILLING;
      return Disposition.EVENT;
    }
    Object[] ex = ReportLines.alreadyExiting(t);
    if (ex != null) {
      int p = t.indexOf("OOM victim ");
      String msg = t.substring(0, p).strip();
      kills.add(new KillLine(kl.line(), "already-exiting", msg.endsWith(":") ? msg.substring(0, msg.length() - 1) : msg,
          (Integer) ex[0], (String) ex[1], null, null));
      enterTail(kl);
      return Disposition.EVENT;
    }
    return null;
  }

  private void enterTail(KernelLine kl) {
    if (phase != Phase.TAIL) {
      phase = Phase.TAIL;
      killTimestamp = kl.timestamp();
      if (owner != null) {
        owner.tailEntered(this);
      }
    }
  }

  private Disposition tail(String t, KernelLine kl) {
    if (t.contains(ReportLines.KILLED)) {
      Object k = ReportLines.killed(t);
      if (k instanceof ReportLines.Killed kd) {
        boolean sacrifice = kills.stream().anyMatch(x -> x.kind().equals("kill-score"))
            && kills.stream().noneMatch(x -> x.kind().equals("killed"));
        if (oomGroup || sacrifice || killed.contains(kd.pid()) || kills.isEmpty()) {
          return killPath(t, kl);
        }
      }
      return null;
    }
    Object[] pin = ReportLines.mmPinned(t);
    if (pin != null) {
      kills.add(new KillLine(kl.line(), "mm-pinned", "", (Integer) pin[0], (String) pin[1], null, null));
      return Disposition.EVENT;
    }
    String group = ReportLines.oomGroup(t);
    if (group != null) {
      oomGroup = true;
      notes.add("memory.oom.group: " + group);
      return Disposition.EVENT;
    }
    if (t.startsWith("Kernel panic - not syncing: ") || t.startsWith("---[ end Kernel panic")) {
      outcome.add(t);
      return Disposition.EVENT;
    }
    if (!stackSeen && outcome.stream().anyMatch(o -> o.startsWith("Kernel panic"))) {
      ReportLines.StackHeader sh = ReportLines.stackHeader(t); // panic()'s own dump_stack
      if (sh != null) {
        stackSeen = true;
        triggerPid = sh.pid();
        release = sh.release();
        build = sh.build();
        taint = sh.taint();
        notes.add("stack header from the panic's dump_stack (line " + kl.line() + ")");
        return Disposition.EVENT;
      }
    }
    return null;
  }

  /** Reaper line routed here by pid. */
  Disposition reaper(ReportLines.Reaper r, KernelLine kl) {
    reaper.add(new ReaperResult(kl.line(), r.pid(), r.comm(), r.outcome(),
        Scan.toLongStripUnit(r.fields().get("anon-rss")), Scan.toLongStripUnit(r.fields().get("file-rss")),
        Scan.toLongStripUnit(r.fields().get("shmem-rss"))));
    touch(kl);
    if (phase != Phase.TAIL) {
      enterTail(kl);
    }
    return Disposition.EVENT;
  }

  /** Lines taken only by phase: stack frames, Mem-Info numbers, memcg stats. */
  private Disposition generic(String t, KernelLine kl) {
    switch (phase) {
      case STACK -> {
        if (stackish(t, kl)) {
          if (t.startsWith("Hardware name: ")) {
            hardware = t.substring(15).strip();
          }
          return Disposition.EVENT;
        }
        return null;
      }
      case MEMCG_STATS -> {
        Map.Entry<String, Long> e = ReportLines.statLine(t);
        if (e != null) {
          if (!statsClosed) {
            stats.putIfAbsent(e.getKey(), e.getValue());
            statsUnit = "bytes";
          }
          return Disposition.EVENT;
        }
        return memInfoLine(t) ? Disposition.EVENT : null;
      }
      case MEMORY -> {
        return memInfoLine(t) ? Disposition.EVENT : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean stackish(String t, KernelLine kl) {
    String raw = kl.text();
    if (kl.continuation() || raw.startsWith(" ") || raw.startsWith("\t")) {
      return true;
    }
    if (t.startsWith("Call ") || t.startsWith("<") || t.startsWith("[<") || t.startsWith("? ")
        || t.contains("+0x") || t.startsWith("Stack :") || t.startsWith("Backtrace")
        || t.startsWith("Exception stack") || t.startsWith("Modules linked in") || t.startsWith("Tainted: ")) {
      return true;
    }
    int c = t.indexOf(':');
    if (c > 0 && c <= 16) {
      for (int i = 0; i < c; i++) {
        char ch = t.charAt(i);
        if (!(Character.isLetterOrDigit(ch) || ch == ' ' || ch == '_')) {
          return false;
        }
      }
      return true;
    }
    return false;
  }

  private boolean memInfoLine(String t) {
    if (t.isEmpty()) {
      return false;
    }
    boolean accept = t.indexOf(':') > 0 || t.indexOf('=') > 0 || Scan.isDigit(t.charAt(0))
        || t.startsWith("Name ") || t.contains("*4kB") || t.contains("kB ");
    if (!accept) {
      return false;
    }
    if (!t.startsWith("Node ") && !t.startsWith("lowmem_reserve")) {
      for (String tok : t.split(" ")) {
        int c = tok.indexOf(':');
        if (c > 0 && c < tok.length() - 1) {
          Long v = Scan.toLong(tok.substring(c + 1));
          if (v != null) {
            globalMemory.putIfAbsent(tok.substring(0, c), v);
          }
        }
      }
    }
    if (t.startsWith("Free swap")) {
      putKb("free_swap_kb", t);
    } else if (t.startsWith("Total swap")) {
      putKb("total_swap_kb", t);
    } else if (Scan.isDigit(t.charAt(0))) {
      int sp = t.indexOf(' ');
      Long v = sp < 0 ? null : Scan.toLong(t.substring(0, sp));
      if (v != null) {
        String what = t.substring(sp + 1).replace(' ', '_').replace('/', '_');
        globalMemory.putIfAbsent(what, v);
      }
    } else if (t.startsWith("Node ") && t.contains("hugepages_total=")) {
      hugepages(t);
    }
    return true;
  }

  /** {@code Node N hugepages_total=T hugepages_free=F … hugepages_size=SkB}: summed over nodes, per page size. */
  private void hugepages(String t) {
    Long total = null;
    Long free = null;
    String size = null;
    for (String tok : t.split(" ")) {
      if (tok.startsWith("hugepages_total=")) {
        total = Scan.toLong(tok.substring(16));
      } else if (tok.startsWith("hugepages_free=")) {
        free = Scan.toLong(tok.substring(15));
      } else if (tok.startsWith("hugepages_size=")) {
        size = tok.substring(15);
      }
    }
    if (total != null && size != null) {
      globalMemory.merge("hugepages_total_" + size, total, Long::sum);
      if (free != null) {
        globalMemory.merge("hugepages_free_" + size, free, Long::sum);
      }
    }
  }

  private void putKb(String key, String t) {
    int eq = t.indexOf('=');
    Long v = eq < 0 ? null : Scan.toLongStripUnit(t.substring(eq + 1));
    if (v != null) {
      globalMemory.put(key, v);
    }
  }

  // ---- result -------------------------------------------------------------------------------------------

  OomEvent toEvent(List<String> closeReasons) {
    List<Missing> missing = new ArrayList<>();
    boolean memcgKind = memory != null || "CONSTRAINT_MEMCG".equals(constraint) || Boolean.FALSE.equals(globalOom)
        || oomMemcg != null;
    if (!headerSeen) {
      missing.add(new Missing("header", "no '… invoked oom-killer' line before this report's lines"
          + (sysrqSeen ? " (sysrq OOM without a report)" : "")));
    }
    if (headerSeen && gfpMask == null) {
      missing.add(new Missing("gfp mask", "header printed without gfp_mask"));
    }
    if (!stackSeen) {
      missing.add(new Missing("stack header", "no 'CPU: … PID: … Comm:' line"));
    }
    if (memcgKind && memory == null) {
      missing.add(new Missing("memcg usage", "memcg OOM without 'memory: usage' line"));
    }
    if (!memcgKind && !memInfoSeen) {
      missing.add(new Missing("memory info", "no 'Mem-Info:' block"));
    }
    if (taskColumns == null && tasks.isEmpty()) {
      missing.add(new Missing("task table", "no task dump (vm.oom_dump_tasks=0, trimmed, or rate-limited)"));
    } else if (taskColumnsInferred) {
      missing.add(new Missing("task table header", "rows without their header; columns inferred from the row width"));
    }
    boolean expectsSummary = "symbolic".equals(headerVariant); // 5.0+ header shape
    if (!summarySeen && expectsSummary) {
      missing.add(new Missing("summary", "no 'oom-kill:' line (printed by 5.0+)"));
    }
    boolean anyKill = kills.stream().anyMatch(k -> !k.kind().equals("mm-pinned"));
    if (!anyKill && outcome.isEmpty()) {
      missing.add(new Missing("kill line", "no 'Killed process' line and no outcome line"));
    }
    if (!elisions.isEmpty()) {
      missing.add(new Missing("elided lines", "'...' at line" + (elisions.size() > 1 ? "s " : " ")
          + String.join(", ", elisions.stream().map(String::valueOf).toList())
          + ": lines left out by whoever published the log"));
    }
    if (droppedRows > 0) {
      notes.add(droppedRows + " task rows beyond " + MAX_ROWS + " not kept");
      missing.add(new Missing("task rows", droppedRows + " rows beyond " + MAX_ROWS + " not kept"));
    }
    missing.addAll(problems);
    for (String r : closeReasons) {
      notes.add(r);
    }
    Victim victim = victim();
    String cgroup = swap != null ? "v2"
        : memsw != null && "bytes".equals(statsUnit) ? "v1"
        : null;
    ProfileHints hints = new ProfileHints(release, build, taint, hardware, cgroup, headerVariant,
        taskColumns == null ? null : String.join(" ", taskColumns), order != null && order == -1 || sysrqSeen);
    MemcgInfo memcg = memory == null && memsw == null && swap == null && kmem == null && statsFor == null
        ? null : new MemcgInfo(memory, memsw, swap, kmem, statsFor, stats, statsUnit, subtree);
    return new OomEvent(
        new SourceRange(source, firstLine, Math.max(firstLine, lastLine)),
        "kernel-report", stream, timestamp,
        headerSeen || triggerPid != null ? new Trigger(triggerComm, triggerPid, triggerAdj) : null,
        gfpMask, order, nodemask, constraint, cpuset, memsAllowed, oomMemcg, taskMemcg, globalOom, memcg,
        globalMemory, taskColumns == null ? List.of() : taskColumns, tasks, victim, kills,
        new ArrayList<>(killed), reaper, bpf, hints, outcome, notes, missing);
  }

  private Victim victim() {
    KillLine first = kills.stream().filter(k -> k.kind().equals("killed")).findFirst().orElse(null);
    Long sumUid = Scan.toLong(summary.get("uid"));
    if (first != null) {
      Victim v = first.sizes();
      Integer adj = v.oomScoreAdj() != null ? v.oomScoreAdj() : adjFromTable(v.pid());
      return new Victim(v.pid(), v.comm(), v.uid() != null ? v.uid() : sumUid, v.totalVmKb(), v.anonRssKb(),
          v.fileRssKb(), v.shmemRssKb(), v.pgtablesKb(), adj, "killed-line");
    }
    Integer pid = Scan.toInt(summary.get("pid"));
    if (pid != null) {
      return new Victim(pid, summary.get("task"), sumUid, null, null, null, null, null, adjFromTable(pid),
          "summary");
    }
    if (!reaper.isEmpty()) {
      ReaperResult r = reaper.get(0);
      return new Victim(r.pid(), r.comm(), null, null, null, null, null, null, null, "reaper");
    }
    // an old kernel's 'Kill process N (comm) score S or sacrifice child' alone: the process it selected
    KillLine score = kills.stream().filter(k -> k.kind().equals("kill-score")).findFirst().orElse(null);
    if (score != null) {
      return new Victim(score.pid(), score.comm(), null, null, null, null, null, null, adjFromTable(score.pid()),
          "kill-score");
    }
    return null;
  }

  private Integer adjFromTable(int pid) {
    for (TaskRow r : tasks) {
      Long p = r.pid();
      if (p != null && p == pid) {
        return Scan.toInt(r.columns().get("oom_score_adj"));
      }
    }
    return null;
  }
}
