package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.read.KernelLine;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Assembles kernel text lines into OOM events. Streaming: each line is parsed on arrival and either taken by
 * an open report or declared unrelated; an event is emitted when it closes (and all earlier-started events
 * have been emitted). Lines are routed by stream (host/boot) and printk caller id, so interleaved reports of
 * different hosts or tasks stay apart. A report whose header was seen is always emitted, with what it lacked
 * in {@code missing}; kill, summary or reaper lines without a header start a header-less event.
 *
 * <p>After its kill line a report stays open (tail) for late lines — oom.group kills, the reaper 2 s later,
 * panic — until {@link #TAIL_SECONDS} of kernel time or {@link #TAIL_LINES} lines of its stream pass, a new
 * report of the same task starts, or the input ends.
 *
 * <p><b>Reports whose header was cut</b> (a log excerpt starting mid-report): a stack header ({@code CPU: …}),
 * stack frames or Mem-Info lines seen while no report is open are held as a <em>tentative</em> report (parsed
 * values only, at most {@link #MAX_TENTATIVE_LINES} lines) and counted unrelated. When the run continues into
 * an OOM stack frame ({@code out_of_memory}, {@code oom_kill_process}, {@code dump_header}) or a report body
 * line (memcg usage, {@code Task in …}, memcg stats, {@code Tasks state}, the task table), the tentative report
 * becomes a header-less event and its lines are re-counted as event lines ({@link Adopter}); any other line
 * drops it. {@code SysRq : Manual OOM execution} starts an event that the following header, if any, completes.
 * An elision marker ({@code ...}) inside a report is taken by it and reported in {@code missing}.
 */
public final class OomReportAssembler {

  public static final double TAIL_SECONDS = 30;
  public static final int TAIL_LINES = 2000;
  /** At most this many reports open at once; the oldest is closed when exceeded. */
  public static final int MAX_OPEN = 32;
  /** At most this many events wait (closed or open) for an earlier one before it is closed. */
  public static final int MAX_PENDING = 256;

  /** At most this many lines are held (as parsed values) in a tentative report before it is dropped. */
  public static final int MAX_TENTATIVE_LINES = 256;

  /** Told the input lines (already counted unrelated) that a tentative report turned into event lines. */
  @FunctionalInterface
  public interface Adopter {
    void adopt(List<Long> lines);
  }

  private final Consumer<OomEvent> sink;
  private final Adopter adopter;
  private final Map<String, Tentative> tentative = new HashMap<>(); // stream → held report
  private final Deque<ReportBuilder> pending = new ArrayDeque<>(); // creation order, not yet emitted
  private final Map<String, Long> suppressed = new HashMap<>(); // stream → callbacks suppressed
  private final Map<ReportBuilder, List<String>> closeNotes = new HashMap<>();
  private long seq;
  /** Per stream with reports in their tail: lines seen and bounds for a cheap "may any tail have aged" test. */
  private final Map<String, TailClock> clocks = new HashMap<>();

  /**
   * Lines of one stream since its clock started, and lower bounds over the stream's open tail reports of the
   * clock value when they entered the tail and of their kill timestamps. A tail report has seen
   * {@code lines - tailStart} lines since its kill; the bounds only decide when all of them must be looked at.
   */
  static final class TailClock {
    long lines;
    long earliestStart = Long.MAX_VALUE;
    double minKillTimestamp = Double.POSITIVE_INFINITY;

    void include(ReportBuilder b) {
      earliestStart = Math.min(earliestStart, b.tailStart);
      Double k = b.killTimestamp;
      if (k != null && !k.isNaN()) {
        minKillTimestamp = Math.min(minKillTimestamp, k);
      }
    }
  }

  /** A queued report entered its tail now (after this line's ageing): its line count starts here. */
  void tailEntered(ReportBuilder b) {
    TailClock c = clocks.computeIfAbsent(b.stream, k -> new TailClock());
    b.tailStart = c.lines;
    c.include(b);
  }

  public OomReportAssembler(Consumer<OomEvent> sink) {
    this(sink, lines -> { });
  }

  public OomReportAssembler(Consumer<OomEvent> sink, Adopter adopter) {
    this.sink = Objects.requireNonNull(sink);
    this.adopter = Objects.requireNonNull(adopter);
  }

  private static final class Tentative {
    final ReportBuilder b;
    final List<Long> lines = new ArrayList<>();

    Tentative(ReportBuilder b) {
      this.b = b;
    }

    void add(long line) {
      if (lines.isEmpty() || lines.get(lines.size() - 1) != line) {
        lines.add(line);
      }
    }
  }

  /** Takes one kernel line and says what it was. */
  public Disposition accept(KernelLine kl) {
    String t = kl.text().strip();
    if (t.isEmpty()) {
      return Disposition.unrelated("blank kernel line");
    }
    ageTails(kl);
    if (t.contains(ReportLines.INVOKED)) {
      ReportLines.Header h = ReportLines.header(t);
      if (h != null) {
        tentative.remove(kl.stream());
        ReportBuilder sysrq = route(kl);
        if (sysrq != null && sysrq.sysrqOnly()) {
          return sysrq.header(h, kl);
        }
        for (ReportBuilder b : open()) {
          if (sameRoute(b, kl) && b.phase != ReportBuilder.Phase.TAIL) {
            close(b, "closed by the next report's header (line " + kl.line() + ")");
          } else if (sameRoute(b, kl) && Objects.equals(b.callerId, kl.callerId()) && kl.callerId() != null) {
            close(b, "closed by the next report of the same task (line " + kl.line() + ")");
          }
        }
        ReportBuilder b = start(kl);
        Long n = suppressed.remove(kl.stream());
        if (n != null) {
          b.note(n + " earlier OOM reports suppressed by the ratelimit");
        }
        return b.header(h, kl);
      }
    }
    if (ReportLines.isElision(t)) {
      ReportBuilder b = route(kl);
      if (b != null && !b.closed) {
        return b.elided(kl);
      }
      Tentative tv = tentative.get(kl.stream());
      if (tv != null) {
        tv.add(kl.line());
        tv.b.elided(kl);
        return Disposition.unrelated("elision marker '" + t + "' (held with a possible report whose header was cut)");
      }
      return Disposition.unrelated("elision marker '" + t + "' outside a report");
    }
    ReportLines.Reaper r = ReportLines.reaper(t);
    if (r != null) {
      tentative.remove(kl.stream());
      ReportBuilder b = byKilledPid(kl.stream(), r.pid());
      if (b == null) {
        b = start(kl);
      }
      return b.reaper(r, kl);
    }
    ReportBuilder b = route(kl);
    if (b != null && !b.closed && b.hasSummary() && t.startsWith("oom-kill:")) {
      close(b, "closed by the next oom-kill summary (line " + kl.line() + ")"); // one summary per OOM
      b = null;
    }
    if (b != null) {
      Disposition d = b.offer(t, kl);
      if (d != null) {
        tentative.remove(kl.stream());
        return d;
      }
    }
    Tentative tv = tentative.get(kl.stream());
    if (tv != null) {
      boolean confirms = ReportLines.isOomFrame(t) || confirmsTentative(t);
      if (confirms || !startsHeaderless(t)) {
        Disposition d = tv.b.offer(t, kl);
        if (d != null && confirms) {
          tentative.remove(kl.stream());
          confirm(tv);
          return d;
        }
        if (d != null && tv.lines.size() < MAX_TENTATIVE_LINES) {
          tv.add(kl.line());
          return Disposition.unrelated("held with a possible OOM report whose header was cut (line "
              + tv.b.firstLine + ")");
        }
      }
      tentative.remove(kl.stream());
    }
    if (ReportLines.isSysrqOom(t)) {
      ReportBuilder nb = start(kl);
      return nb.sysrq(kl);
    }
    if (startsHeaderless(t)) {
      ReportBuilder nb = start(kl);
      Disposition d = nb.offer(t, kl);
      return d != null ? d : Disposition.EVENT;
    }
    ReportBuilder.Phase tp = tentativePhase(t);
    if (tp != null) {
      ReportBuilder nb = new ReportBuilder(-1, kl);
      nb.phase = tp;
      Disposition d = nb.offer(t, kl);
      if (d != null) {
        Tentative nt = new Tentative(nb);
        nt.add(kl.line());
        tentative.put(kl.stream(), nt);
        return Disposition.unrelated("held as a possible OOM report whose header was cut");
      }
    }
    Long n = ReportLines.callbacksSuppressed(t);
    if (n != null) {
      suppressed.merge(kl.stream(), n, Long::sum);
      return Disposition.unrelated("ratelimit notice: " + n + " OOM reports suppressed (noted on the next report)");
    }
    return Disposition.unrelated("not part of an OOM report");
  }

  /** True for an elision marker ({@code ...}) that whoever published a log put in place of left-out lines. */
  public static boolean isElision(String t) {
    return ReportLines.isElision(t.strip());
  }

  /**
   * An elision marker on a line of its own, whatever the wrapping (it carries no prefix, so no stream): taken by
   * the newest open report, else held by a tentative one, else unrelated.
   */
  public Disposition elision(String source, long line, String marker) {
    KernelLine kl = KernelLine.plain(source, line, marker.strip());
    Iterator<ReportBuilder> it = pending.descendingIterator();
    while (it.hasNext()) {
      ReportBuilder b = it.next();
      if (!b.closed) {
        return b.elided(kl);
      }
    }
    for (Tentative tv : tentative.values()) {
      tv.add(line);
      tv.b.elided(kl);
      return Disposition.unrelated("elision marker (held with a possible report whose header was cut)");
    }
    return Disposition.unrelated("elision marker '" + marker.strip() + "' outside a report");
  }

  /** A tentative report becomes an event: queued like a new report, its held lines re-counted. */
  private void confirm(Tentative tv) {
    ReportBuilder b = tv.b;
    b.seq = seq++;
    b.owner = this;
    if (b.phase == ReportBuilder.Phase.TAIL) {
      tailEntered(b); // lines held while tentative did not age it
    }
    pending.addLast(b);
    List<ReportBuilder> open = open();
    if (open.size() > MAX_OPEN) {
      close(open.get(0), "closed early: more than " + MAX_OPEN + " reports open at once");
    }
    adopter.adopt(List.copyOf(tv.lines));
  }

  /** Lines that turn a held run of stack/Mem-Info lines into a report (what follows them in dump_header). */
  private static boolean confirmsTentative(String t) {
    return ReportLines.isUsageLine(t)
        || ReportLines.taskIn(t) != null
        || ReportLines.statsTitle(t) != null
        || t.startsWith("Tasks state (memory values in pages)")
        || ReportLines.taskHeader(t) != null
        || ReportLines.looksLikeTaskRow(t) && ReportLines.taskRow(t, null) instanceof ReportLines.RowWithLayout;
  }

  /** The phase a tentative report starts in for this line, or null when the line cannot start one. */
  private static ReportBuilder.Phase tentativePhase(String t) {
    if (ReportLines.stackHeader(t) != null || ReportLines.isStackFrame(t)) {
      return ReportBuilder.Phase.STACK;
    }
    if (ReportLines.isMemInfoLine(t)) {
      return ReportBuilder.Phase.MEMORY;
    }
    return null;
  }

  /** Closes every open report and emits all events. */
  public void finish() {
    for (ReportBuilder b : open()) {
      close(b, null);
    }
    drain();
  }

  /** Number of reports currently open. */
  public int openCount() {
    return (int) pending.stream().filter(b -> !b.closed).count();
  }

  // ---- routing ------------------------------------------------------------------------------------------

  private static boolean startsHeaderless(String t) {
    return t.contains(ReportLines.KILLED) && t.contains(" (")
        || t.startsWith("oom-kill:")
        || ReportLines.isUsageLine(t) && ReportLines.usage(t, t.substring(0, t.indexOf(':'))) != null
        || t.startsWith("Tasks state (memory values in pages)")
        || ReportLines.taskIn(t) != null
        || t.startsWith("Out of memory and no killable processes")
        || t.startsWith("Kernel panic - not syncing: Out of memory")
        || ReportLines.statsTitle(t) != null
        || ReportLines.taskHeader(t) != null
        || ReportLines.looksLikeTaskRow(t) && ReportLines.taskRow(t, null) instanceof ReportLines.RowWithLayout
        || ReportLines.killScore(t) != null;
  }

  private static boolean sameRoute(ReportBuilder b, KernelLine kl) {
    return b.stream.equals(kl.stream()) && (b.callerId == null || kl.callerId() == null
        || b.callerId.equals(kl.callerId()));
  }

  /** The newest open report of this line's stream and caller. */
  private ReportBuilder route(KernelLine kl) {
    Iterator<ReportBuilder> it = pending.descendingIterator();
    ReportBuilder fallback = null;
    while (it.hasNext()) {
      ReportBuilder b = it.next();
      if (b.closed || !b.stream.equals(kl.stream())) {
        continue;
      }
      if (Objects.equals(b.callerId, kl.callerId())) {
        return b;
      }
      if (fallback == null && (b.callerId == null || kl.callerId() == null)) {
        fallback = b;
      }
    }
    return fallback;
  }

  private ReportBuilder byKilledPid(String stream, int pid) {
    Iterator<ReportBuilder> it = pending.descendingIterator();
    while (it.hasNext()) {
      ReportBuilder b = it.next();
      if (!b.closed && b.stream.equals(stream) && b.hasKilled(pid)) {
        return b;
      }
    }
    return null;
  }

  private ReportBuilder start(KernelLine kl) {
    ReportBuilder b = new ReportBuilder(seq++, kl);
    b.owner = this;
    pending.addLast(b);
    List<ReportBuilder> open = open();
    if (open.size() > MAX_OPEN) {
      close(open.get(0), "closed early: more than " + MAX_OPEN + " reports open at once");
    }
    if (pending.size() > MAX_PENDING && !pending.peekFirst().closed) {
      close(pending.peekFirst(), "closed early: " + MAX_PENDING + " later events were waiting behind it");
    }
    return b;
  }

  private List<ReportBuilder> open() {
    List<ReportBuilder> out = new ArrayList<>();
    for (ReportBuilder b : pending) {
      if (!b.closed) {
        out.add(b);
      }
    }
    return out;
  }

  /**
   * Counts this line for the open tail reports of its stream and closes those that have seen more than
   * {@link #TAIL_LINES} lines or {@link #TAIL_SECONDS} of kernel time since their kill. The reports are only
   * looked at when the clock's bounds say one of them may have aged.
   */
  private void ageTails(KernelLine kl) {
    if (clocks.isEmpty()) {
      return;
    }
    TailClock c = clocks.get(kl.stream());
    if (c == null) {
      return;
    }
    c.lines++;
    Double ts = kl.timestamp();
    if (c.lines - c.earliestStart <= TAIL_LINES && (ts == null || !(ts - c.minKillTimestamp > TAIL_SECONDS))) {
      return;
    }
    List<ReportBuilder> aged = null; // closed after the loop: close() may emit and remove from pending
    c.earliestStart = Long.MAX_VALUE;
    c.minKillTimestamp = Double.POSITIVE_INFINITY;
    boolean left = false;
    for (ReportBuilder b : pending) {
      if (b.closed || b.phase != ReportBuilder.Phase.TAIL || !b.stream.equals(kl.stream())) {
        continue;
      }
      long linesSinceKill = c.lines - b.tailStart;
      boolean old = linesSinceKill > TAIL_LINES
          || b.killTimestamp != null && ts != null && ts - b.killTimestamp > TAIL_SECONDS;
      if (old) {
        if (aged == null) {
          aged = new ArrayList<>(2);
        }
        aged.add(b);
      } else {
        c.include(b);
        left = true;
      }
    }
    if (!left) {
      clocks.remove(kl.stream());
    }
    if (aged != null) {
      for (ReportBuilder b : aged) {
        close(b, null);
      }
    }
  }

  private void close(ReportBuilder b, String why) {
    if (b.closed) {
      return;
    }
    b.closed = true;
    if (why != null && b.phase != ReportBuilder.Phase.TAIL) {
      closeNotes.computeIfAbsent(b, k -> new ArrayList<>()).add(why);
    }
    drain();
  }

  private void drain() {
    while (!pending.isEmpty() && pending.peekFirst().closed) {
      ReportBuilder b = pending.removeFirst();
      sink.accept(b.toEvent(closeNotes.getOrDefault(b, List.of())));
      closeNotes.remove(b);
    }
  }
}
