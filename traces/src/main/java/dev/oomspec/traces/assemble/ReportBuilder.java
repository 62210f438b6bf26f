package dev.oomspec.traces.assemble;

import dev.oomspec.traces.read.LineFacts;
import dev.oomspec.traces.event.BpfHandler;
import dev.oomspec.traces.event.HandedOver;
import dev.oomspec.traces.event.KillLine;
import dev.oomspec.traces.event.MemcgInfo;
import dev.oomspec.traces.event.Missing;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.ProfileHints;
import dev.oomspec.traces.event.ReaperResult;
import dev.oomspec.traces.event.SourceRange;
import dev.oomspec.traces.event.TaskRow;
import dev.oomspec.traces.event.Trigger;
import dev.oomspec.traces.event.Victim;
import dev.oomspec.traces.read.Lit;
import dev.oomspec.traces.read.Scan;
import dev.oomspec.traces.read.Text;
import java.util.ArrayList;
import java.util.List;

/**
 * One OOM report being assembled: where it is in the report ({@link Phase}) and one small builder per section
 * of it. {@link #offer} takes a line when it belongs to the report in its current phase and returns null
 * otherwise. Holds parsed values only, never input lines.
 */
final class ReportBuilder {

  enum Phase { HEADER, STACK, MEMORY, MEMCG_STATS, TASKS, SUMMARY, KILLING, TAIL }

  /** A rule's line that the current phase does not take: the grammar's next rule is tried. */
  private static final Disposition NEXT = Disposition.unrelated("next rule");

  // ---- the literals the lines are matched against ----
  private static final Lit L_BACKTRACE = Lit.of("Backtrace");
  private static final Lit L_BRACKET_LT = Lit.of("[<");
  private static final Lit L_CALL = Lit.of("Call ");
  private static final Lit L_EXCEPTION_STACK = Lit.of("Exception stack");
  private static final Lit L_HARDWARE_NAME_COLON = Lit.of("Hardware name: ");
  private static final Lit L_LT = Lit.of("<");
  private static final Lit L_MODULES_LINKED_IN = Lit.of("Modules linked in");
  private static final Lit L_PLUS_0X = Lit.of("+0x");
  private static final Lit L_Q = Lit.of("? ");
  private static final Lit L_STACK_COLON = Lit.of("Stack :");
  private static final Lit L_TAINTED_COLON = Lit.of("Tainted: ");

  long seq;
  final String source;
  final String stream;
  final String callerId;
  final long firstLine;
  long lastLine;
  double timestamp;
  double killTimestamp = Double.NaN;
  /** {@link OomReportAssembler.TailClock#lines} of this stream when the report entered its tail. */
  long tailStart;
  /** Set once the report is queued as an event: told when the report enters its tail. */
  OomReportAssembler owner;
  boolean closed;
  Phase phase = Phase.HEADER;
  private int linesTaken;

  private final ReportGrammar grammar;
  final HeaderSection header = new HeaderSection();
  final StackSection stack = new StackSection();
  final ScopeSection scope = new ScopeSection();
  final MemcgSection memcg = new MemcgSection();
  final MemInfoSection memInfo = new MemInfoSection();
  final TaskRows tasks = new TaskRows();
  final KillSection kill = new KillSection();
  final Findings findings = new Findings();

  ReportBuilder(long seq, String source, String stream, String callerId, LineFacts first, ReportGrammar grammar) {
    this.seq = seq;
    this.source = source;
    this.stream = stream;
    this.callerId = callerId;
    this.firstLine = first.line();
    this.lastLine = first.line();
    this.timestamp = first.timestamp();
    this.grammar = grammar;
  }

  void note(String s) {
    findings.note(s);
  }

  boolean hasKilled(int pid) {
    return kill.hasKilled(pid);
  }

  // ---- sysrq, elisions, header, reaper: lines the assembler routes here itself --------------------------

  /** Started by {@code SysRq : Manual OOM execution}. */
  Disposition sysrq(LineFacts m) {
    header.sysrq = true;
    linesTaken++;
    touch(m);
    phase = Phase.HEADER;
    return Disposition.EVENT;
  }

  /** True while only the sysrq line was taken (a following header completes this report). */
  boolean sysrqOnly() {
    return header.sysrq && !header.seen && linesTaken == 1;
  }

  /** An elision marker ({@code ...}) inside the report. */
  Disposition elided(LineFacts m) {
    findings.elided(m.line());
    touch(m);
    return Disposition.EVENT;
  }

  Disposition header(ReportLine.Header h, LineFacts m) {
    header.take(h, scope, findings, m.line());
    touch(m);
    phase = Phase.STACK;
    return Disposition.EVENT;
  }

  /** Reaper line routed here by pid. */
  Disposition reaper(ReportLine.Reaper r, LineFacts m) {
    kill.reaper(r, m.line());
    touch(m);
    if (phase != Phase.TAIL) {
      enterTail(m);
    }
    return Disposition.EVENT;
  }

  private void touch(LineFacts m) {
    touch(m.line(), m.timestamp());
  }

  private void touch(long line, double ts) {
    lastLine = Math.max(lastLine, line);
    if (Double.isNaN(timestamp)) {
      timestamp = ts;
    }
  }

  /**
   * A line {@link ReportGrammar#quick} read as one of the grammar's four most frequent tokens (a stats line, a
   * stack frame, a task row, a line no rule names), taken as {@link #offer} takes that token in this phase: the
   * same methods, without the token. Null when the report does not take it (nothing changed then).
   * The caller has checked that no hard-wrapped stats line can be continued by this line.
   */
  Disposition quick(int kind, Text t, long line, double ts, boolean continuation, boolean indented) {
    Disposition d = switch (kind) {
      case ReportGrammar.QUICK_STAT -> stat(null, t, grammar.statSp(), grammar.statValue(), continuation, indented);
      case ReportGrammar.QUICK_FRAME -> frame(t.isDigit(0));
      case ReportGrammar.QUICK_ROW -> phase.ordinal() > Phase.TASKS.ordinal() ? null : taskRow(t, line);
      default -> generic(t, continuation, indented);
    };
    if (d != null) {
      memcg.wrappedToken = null;
      touch(line, ts);
      linesTaken++;
    }
    return d;
  }

  // ---- everything else ----------------------------------------------------------------------------------

  /** Takes the line if it belongs here; null when it does not. */
  Disposition offer(ReportLine tok, Text t, LineFacts m) {
    String wrapped = memcg.wrappedToken;
    memcg.wrappedToken = null;
    Disposition d = null;
    if (wrapped != null && memcg.joinWrapped(wrapped, t, m)) {
      findings.note("line " + m.line() + " continues the hard-wrapped memcg stats line before it; joined");
      d = Disposition.EVENT;
    }
    if (d == null) {
      d = phase == Phase.TAIL ? tail(t, m) : offerBody(tok, t, m);
    }
    if (d != null) {
      touch(m);
      linesTaken++;
    }
    return d;
  }

  /** The line's rule, or the next one its phase lets take it. */
  private Disposition offerBody(ReportLine tok, Text t, LineFacts m) {
    while (true) {
      Disposition d = take(tok, t, m);
      if (d != NEXT) {
        return d;
      }
      tok = grammar.body(t, tok.rule().ordinal() + 1);
    }
  }

  private boolean upToStack() {
    return phase.ordinal() <= Phase.STACK.ordinal();
  }

  private Disposition take(ReportLine tok, Text t, LineFacts m) {
    long line = m.line();
    if (tok instanceof ReportLine.StatLine s) {
      return stat(s.key(), t, -1, s.value(), m.continuation(), m.indented());
    }
    if (tok instanceof ReportLine.Frame f) {
      return frame(f.digitFirst());
    }
    switch (tok.rule()) {
      case BPF_POLICY -> {
        if (!upToStack()) {
          return NEXT;
        }
        stack.bpf = new BpfHandler(((ReportLine.BpfPolicy) tok).name(), "oom_policy", line);
        return Disposition.EVENT;
      }
      case BPF_HANDLER -> {
        if (!upToStack()) {
          return NEXT;
        }
        stack.bpf = new BpfHandler(((ReportLine.BpfHandlerLine) tok).name(), "oom bpf handler", line);
        return Disposition.EVENT;
      }
      case COMPACTION -> {
        findings.note("COMPACTION is disabled");
        return Disposition.EVENT;
      }
      case STACK_HEADER -> {
        if (stack.seen || !upToStack()) {
          return NEXT;
        }
        stack.take((ReportLine.StackHeader) tok);
        phase = Phase.STACK;
        return Disposition.EVENT;
      }
      case CPUSET -> {
        if (!upToStack()) {
          return NEXT;
        }
        ReportLine.CpusetLine c = (ReportLine.CpusetLine) tok;
        scope.cpuset = c.cpuset();
        scope.memsAllowed = c.memsAllowed();
        return Disposition.EVENT;
      }
      case USAGE -> {
        ReportLine.Usage u = (ReportLine.Usage) tok;
        phase = Phase.MEMORY;
        if (!memcg.usage(u)) {
          findings.problem("memcg " + u.counter() + " line", "unreadable: " + u.abbreviated());
          return Disposition.malformed("unreadable memcg " + u.counter() + " line");
        }
        return Disposition.EVENT;
      }
      case TASK_IN -> {
        ReportLine.TaskIn ti = (ReportLine.TaskIn) tok;
        scope.taskMemcg = ti.taskMemcg();
        scope.oomMemcg = ti.oomMemcg();
        phase = Phase.MEMORY;
        return Disposition.EVENT;
      }
      case LIMIT_REACHED -> {
        scope.oomMemcg = ((ReportLine.LimitReached) tok).path();
        phase = Phase.MEMORY;
        return Disposition.EVENT;
      }
      case STATS_TITLE -> {
        ReportLine.StatsTitle st = (ReportLine.StatsTitle) tok;
        memcg.title(st, m.hasTimestamp());
        phase = st.inline().isEmpty() ? Phase.MEMCG_STATS : Phase.MEMORY;
        return Disposition.EVENT;
      }
      case MEM_INFO -> {
        memInfo.seen = true;
        phase = Phase.MEMORY;
        return Disposition.EVENT;
      }
      case MIN_PROTECTION -> {
        findings.note(((ReportLine.MinProtection) tok).text());
        return Disposition.EVENT;
      }
      case TASKS_STATE -> {
        phase = Phase.TASKS;
        return Disposition.EVENT;
      }
      case TASK_HEADER -> {
        tasks.header(((ReportLine.TaskHeader) tok).columns());
        phase = Phase.TASKS;
        return Disposition.EVENT;
      }
      case TASK_ROW -> {
        if (phase.ordinal() > Phase.TASKS.ordinal()) {
          return NEXT;
        }
        return taskRow(t, line);
      }
      case SUMMARY -> {
        scope.summary(((ReportLine.Summary) tok).fields());
        phase = Phase.SUMMARY;
        return Disposition.EVENT;
      }
      case KILLED -> {
        return killedLine(tok, m);
      }
      case KILL_SCORE -> {
        kill.killScore((ReportLine.KillScore) tok, line);
        phase = Phase.KILLING;
        return Disposition.EVENT;
      }
      case ALREADY_EXITING -> {
        kill.alreadyExiting((ReportLine.AlreadyExiting) tok, line);
        enterTail(m);
        return Disposition.EVENT;
      }
      case OUTCOME -> {
        kill.outcome.add(((ReportLine.NoKill) tok).text());
        enterTail(m);
        return Disposition.EVENT;
      }
      case PANIC -> {
        kill.outcome.add(((ReportLine.Panic) tok).text());
        enterTail(m);
        return Disposition.EVENT;
      }
      case STAT_OVERFLOW -> {
        findings.note(((ReportLine.StatOverflow) tok).text());
        return Disposition.EVENT;
      }
      default -> {
        return generic(t, m.continuation(), m.indented());
      }
    }
  }

  /**
   * A stats line ({@code key value}, {@link ReportLine.StatLine}) in this phase: {@code key} the token's, or null
   * to make it from the line's first {@code keyEnd} chars.
   */
  private Disposition stat(String key, Text t, int keyEnd, long value, boolean continuation, boolean indented) {
    return switch (phase) {
      case MEMCG_STATS -> {
        memcg.stat(key != null ? key : grammar.names().of(t, 0, keyEnd), value);
        yield Disposition.EVENT;
      }
      case STACK -> continuation || indented ? Disposition.EVENT : null; // no other stack shape
      case MEMORY -> t.isDigit(0) && memInfo.line(t, grammar.names()) ? Disposition.EVENT : null;
      default -> null;
    };
  }

  /** A bare stack frame ({@link ReportLine.Frame}) in this phase. */
  private Disposition frame(boolean digitFirst) {
    return switch (phase) {
      case STACK -> Disposition.EVENT;
      case MEMCG_STATS, MEMORY -> digitFirst ? Disposition.EVENT : null; // Mem-Info's number-first form
      default -> null;
    };
  }

  /** A task row, in a phase up to the task table's. */
  private Disposition taskRow(Text t, long line) {
    phase = Phase.TASKS;
    String why = tasks.row(t, line, grammar);
    if (why != null) {
      findings.problem("task row", why + " (line " + line + ")");
      return Disposition.malformed("task row: " + why);
    }
    return Disposition.EVENT;
  }

  private Disposition killedLine(ReportLine tok, LineFacts m) {
    if (tok instanceof ReportLine.UnreadableKill u) {
      findings.problem("kill line", u.why() + " (line " + m.line() + ")");
      enterTail(m);
      return Disposition.malformed(u.why());
    }
    kill.killed((ReportLine.Killed) tok, m.line());
    enterTail(m);
    return Disposition.EVENT;
  }

  private void enterTail(LineFacts m) {
    if (phase != Phase.TAIL) {
      phase = Phase.TAIL;
      killTimestamp = m.timestamp();
      if (owner != null) {
        owner.tailEntered(this);
      }
    }
  }

  /** After the kill: late kills (oom.group, a sacrificed child), mm pinned, oom.group, panic. */
  private Disposition tail(Text t, LineFacts m) {
    if (t.contains(ReportGrammar.KILLED)) {
      ReportLine k = ReportGrammar.killed(t);
      if (k instanceof ReportLine.Killed kd && kill.takesLateKill(kd.pid())) {
        return killedLine(k, m);
      }
      return null;
    }
    ReportLine.MmPinned pin = ReportGrammar.mmPinned(t);
    if (pin != null) {
      kill.mmPinned(pin, m.line());
      return Disposition.EVENT;
    }
    String group = ReportGrammar.oomGroup(t);
    if (group != null) {
      kill.oomGroup = true;
      findings.note("memory.oom.group: " + group);
      return Disposition.EVENT;
    }
    if (ReportGrammar.isPanic(t)) {
      kill.outcome.add(t.toString());
      return Disposition.EVENT;
    }
    if (!stack.seen && kill.panicked()) {
      ReportLine.StackHeader sh = ReportGrammar.stackHeader(t); // panic()'s own dump_stack
      if (sh != null) {
        stack.take(sh);
        findings.note("stack header from the panic's dump_stack (line " + m.line() + ")");
        return Disposition.EVENT;
      }
    }
    return null;
  }

  /** Lines no rule names, taken by the phase: stack lines, Mem-Info numbers. */
  private Disposition generic(Text t, boolean continuation, boolean indented) {
    switch (phase) {
      case STACK -> {
        if (stackish(t, continuation, indented)) {
          if (t.startsWith(L_HARDWARE_NAME_COLON)) {
            stack.hardware = t.sub(15).strip().toString();
          }
          return Disposition.EVENT;
        }
        return null;
      }
      case MEMCG_STATS, MEMORY -> {
        return memInfo.line(t, grammar.names()) ? Disposition.EVENT : null;
      }
      default -> {
        return null;
      }
    }
  }

  private static boolean stackish(Text t, boolean continuation, boolean indented) {
    if (continuation || indented) {
      return true;
    }
    if (t.startsWith(L_CALL) || t.startsWith(L_LT) || t.startsWith(L_BRACKET_LT) || t.startsWith(L_Q)
        || t.startsWith(L_STACK_COLON) || t.startsWith(L_BACKTRACE) || t.startsWith(L_EXCEPTION_STACK)
        || t.startsWith(L_MODULES_LINKED_IN) || t.startsWith(L_TAINTED_COLON)) {
      return true;
    }
    // a register dump or a "Code:" line: a label of letters, digits, blanks and '_' before the line's first ':'
    // within 16 chars; tested before the scan of the whole line for "+0x" (either makes it a stack line)
    int n = Math.min(t.length(), 17);
    for (int i = 0; i < n; i++) {
      char ch = t.charAt(i);
      if (ch == ':') {
        if (i > 0) {
          return true;
        }
        break;
      }
      if (!(Character.isLetterOrDigit(ch) || ch == ' ' || ch == '_')) {
        break;
      }
    }
    return t.contains(L_PLUS_0X);
  }


  // ---- state, result ------------------------------------------------------------------------------------

  /** Everything that decides what this report takes and becomes (not its place in the assembler's queue). */
  void state(Fingerprint s, long clockLines) {
    s.add("source", source).add("stream", stream).add("caller", callerId).add("first", firstLine)
        .add("last", lastLine).add("ts", timestamp).add("killTs", killTimestamp)
        .add("tailAge", phase == Phase.TAIL && owner != null ? clockLines - tailStart : -1L)
        .add("closed", closed).add("phase", phase).add("taken", linesTaken).add("queued", owner != null);
    header.state(s);
    stack.state(s);
    scope.state(s);
    memcg.state(s);
    memInfo.state(s);
    s.add("columns", tasks.columns).add("inferred", tasks.inferred).add("rows", tasks.rows.size())
        .add("dropped", tasks.dropped);
    for (TaskRow r : tasks.rows) {
      s.add("row", r.line()).add("cols", r.columns());
    }
    kill.state(s);
    findings.state(s);
  }

  OomEvent toEvent(List<String> closeReasons) {
    List<Missing> missing = new ArrayList<>();
    List<String> notes = findings.notes;
    boolean memcgKind = memcg.memory != null || "CONSTRAINT_MEMCG".equals(scope.constraint)
        || Boolean.FALSE.equals(scope.globalOom) || scope.oomMemcg != null;
    if (!header.seen) {
      missing.add(new Missing("header", "no '… invoked oom-killer' line before this report's lines"
          + (header.sysrq ? " (sysrq OOM without a report)" : "")));
    }
    if (header.seen && header.gfpMask == null) {
      missing.add(new Missing("gfp mask", "header printed without gfp_mask"));
    }
    if (!stack.seen) {
      missing.add(new Missing("stack header", "no 'CPU: … PID: … Comm:' line"));
    }
    if (memcgKind && memcg.memory == null) {
      missing.add(new Missing("memcg usage", "memcg OOM without 'memory: usage' line"));
    }
    if (!memcgKind && !memInfo.seen) {
      missing.add(new Missing("memory info", "no 'Mem-Info:' block"));
    }
    if (tasks.columns == null && tasks.rows.isEmpty()) {
      missing.add(new Missing("task table", "no task dump (vm.oom_dump_tasks=0, trimmed, or rate-limited)"));
    } else if (tasks.inferred) {
      missing.add(new Missing("task table header", "rows without their header; columns inferred from the row width"));
    }
    boolean expectsSummary = "symbolic".equals(header.variant); // 5.0+ header shape
    if (!scope.summarySeen && expectsSummary) {
      missing.add(new Missing("summary", "no 'oom-kill:' line (printed by 5.0+)"));
    }
    if (!kill.anyKill() && kill.outcome.isEmpty()) {
      missing.add(new Missing("kill line", "no 'Killed process' line and no outcome line"));
    }
    List<Long> elisions = findings.elisions;
    if (!elisions.isEmpty()) {
      missing.add(new Missing("elided lines", "'...' at line" + (elisions.size() > 1 ? "s " : " ")
          + String.join(", ", elisions.stream().map(String::valueOf).toList())
          + ": lines left out by whoever published the log"));
    }
    if (tasks.dropped > 0) {
      notes.add(tasks.dropped + " task rows beyond " + TaskRows.MAX_ROWS + " not kept");
      missing.add(new Missing("task rows", tasks.dropped + " rows beyond " + TaskRows.MAX_ROWS + " not kept"));
    }
    missing.addAll(findings.problems);
    notes.addAll(closeReasons);
    String cgroup = memcg.swap != null ? "v2"
        : memcg.memsw != null && "bytes".equals(memcg.statsUnit) ? "v1"
        : null;
    List<String> cols = tasks.columns;
    ProfileHints hints = new ProfileHints(stack.release, stack.build, stack.taint, stack.hardware, cgroup,
        header.variant, cols == null ? null : grammar.joined(cols),
        header.order != null && header.order == -1 || header.sysrq);
    MemcgInfo memcgInfo = memcg.any()
        ? new MemcgInfo(memcg.memory, memcg.memsw, memcg.swap, memcg.kmem, memcg.statsFor,
            HandedOver.of(memcg.stats), memcg.statsUnit, memcg.subtree)
        : null;
    return new OomEvent(
        new SourceRange(source, firstLine, Math.max(firstLine, lastLine)),
        "kernel-report", stream, Double.isNaN(timestamp) ? null : timestamp,
        header.seen || stack.pid != null ? new Trigger(header.comm, stack.pid, header.oomScoreAdj) : null,
        header.gfpMask, header.order, scope.nodemask, scope.constraint, scope.cpuset, scope.memsAllowed,
        scope.oomMemcg, scope.taskMemcg, scope.globalOom, memcgInfo, HandedOver.of(memInfo.numbers),
        cols == null ? List.of() : cols, tasks.rows, victim(), kill.kills, new ArrayList<>(kill.killed),
        kill.reaper, stack.bpf, hints, kill.outcome, notes, missing);
  }

  private Victim victim() {
    KillLine first = null;
    for (KillLine k : kill.kills) {
      if (k.kind().equals("killed")) {
        first = k;
        break;
      }
    }
    Long sumUid = Scan.toLong(scope.summary.get("uid"));
    if (first != null) {
      Victim v = first.sizes();
      Integer adj = v.oomScoreAdj() != null ? v.oomScoreAdj() : adjFromTable(v.pid());
      return new Victim(v.pid(), v.comm(), v.uid() != null ? v.uid() : sumUid, v.totalVmKb(), v.anonRssKb(),
          v.fileRssKb(), v.shmemRssKb(), v.pgtablesKb(), adj, "killed-line");
    }
    Integer pid = Scan.toInt(scope.summary.get("pid"));
    if (pid != null) {
      return new Victim(pid, scope.summary.get("task"), sumUid, null, null, null, null, null, adjFromTable(pid),
          "summary");
    }
    if (!kill.reaper.isEmpty()) {
      ReaperResult r = kill.reaper.get(0);
      return new Victim(r.pid(), r.comm(), null, null, null, null, null, null, null, "reaper");
    }
    for (KillLine k : kill.kills) { // an old kernel's 'Kill process N (comm) score S or sacrifice child' alone
      if (k.kind().equals("kill-score")) {
        return new Victim(k.pid(), k.comm(), null, null, null, null, null, null, adjFromTable(k.pid()),
            "kill-score");
      }
    }
    return null;
  }

  private Integer adjFromTable(int pid) {
    for (TaskRow r : tasks.rows) {
      Long p = r.pid();
      if (p != null && p == pid) {
        return Scan.toInt(r.columns().get("oom_score_adj"));
      }
    }
    return null;
  }
}
