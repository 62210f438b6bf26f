package dev.oomspec.traces.assemble;

import dev.oomspec.traces.read.LineFacts;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.read.KernelCursor;
import dev.oomspec.traces.read.KernelLine;
import dev.oomspec.traces.read.Text;
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
 * Assembles kernel text lines into OOM events. Streaming: each line is read into its token
 * ({@link ReportGrammar}) on arrival and either taken by an open report or declared unrelated; an event is
 * emitted when it closes (and all earlier-started events have been emitted). Lines are routed by stream
 * (host/boot) and printk caller id, so interleaved reports of different hosts or tasks stay apart. A report
 * whose header was seen is always emitted, with what it lacked in {@code missing}; kill, summary or reaper lines
 * without a header start a header-less event.
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

  private static final Disposition BLANK = Disposition.unrelated("blank kernel line");
  private static final Disposition NOT_OOM = Disposition.unrelated("not part of an OOM report");
  private static final Disposition HELD = Disposition.unrelated("held as a possible OOM report whose header was cut");

  /** Told the input lines (already counted unrelated) that a tentative report turned into event lines. */
  @FunctionalInterface
  public interface Adopter {
    void adopt(List<Long> lines);
  }

  private final String source;
  private final Consumer<OomEvent> sink;
  private final Adopter adopter;
  private final ReportGrammar grammar = new ReportGrammar();
  private final Map<String, Tentative> tentative = new HashMap<>(); // stream → held report
  private final Deque<ReportBuilder> pending = new ArrayDeque<>(); // creation order, not yet emitted
  private final Map<String, Long> suppressed = new HashMap<>(); // stream → callbacks suppressed
  private final Map<ReportBuilder, List<String>> closeNotes = new HashMap<>();
  private long seq;
  /** Per stream with reports in their tail: lines seen and bounds for a cheap "may any tail have aged" test. */
  private final Map<String, TailClock> clocks = new HashMap<>();
  /** The clock of the stream of the last line (most lines are of the same stream as the one before). */
  private String clockStream;
  private TailClock clock;

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
      double k = b.killTimestamp;
      if (!Double.isNaN(k)) {
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

  public OomReportAssembler(String source, Consumer<OomEvent> sink) {
    this(source, sink, lines -> { });
  }

  public OomReportAssembler(String source, Consumer<OomEvent> sink, Adopter adopter) {
    this.source = Objects.requireNonNull(source);
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

  /** Takes one kernel line from a wrapping reader and says what it was. */
  public Disposition accept(KernelLine kl) {
    String raw = kl.text();
    boolean indented = !raw.isEmpty() && (raw.charAt(0) == ' ' || raw.charAt(0) == '\t');
    LineFacts m = new LineFacts(kl.line(), kl.stream(), kl.timestamp() == null ? Double.NaN : kl.timestamp(),
        kl.wallClock() != null, kl.callerId(), kl.continuation(), indented);
    return accept(m, Text.of(raw).strip());
  }

  /** Takes one kernel line's text (whitespace around it removed) and says what it was. */
  public Disposition accept(LineFacts m, Text t) {
    if (t.isEmpty()) {
      return BLANK;
    }
    ageTails(m.stream(), m.timestamp());
    return acceptAged(m, t);
  }

  /**
   * Takes one kernel line read by a wrapping reader's fast path: the lines that make up most of a report
   * ({@link ReportGrammar#quick}: memcg stats, stack frames and stack lines, task rows, Mem-Info lines) taken by
   * the report they belong to without a token, a String or any other object per line; every other line as
   * {@link #accept(LineFacts, Text)} takes it. Either way the same: the quick path is the grammar's own
   * recogniser of its four most frequent tokens and the builder's own handling of them.
   */
  public Disposition accept(KernelCursor k) {
    if (k.isEmpty()) {
      return BLANK;
    }
    if (tentative.isEmpty()) {
      ReportBuilder b = route(k.stream(), k.callerId());
      if (b != null && b.phase != ReportBuilder.Phase.TAIL
          && (b.memcg.wrappedToken == null || k.hasTimestamp() || k.wallClock() || k.continuation())) {
        Text t = k.window();
        int quick = grammar.quick(t);
        if (quick != ReportGrammar.QUICK_NONE) {
          ageTails(k.stream(), k.timestamp()); // closes tail reports only: b stays the route
          Disposition d = b.quick(quick, t, k.line(), k.timestamp(), k.continuation(), k.indented());
          if (d != null) {
            return d;
          }
          return acceptAged(k.facts(), k.text());
        }
      }
    }
    return accept(k.facts(), k.text());
  }

  /** {@link #accept(LineFacts, Text)} after the line aged the tail reports. */
  private Disposition acceptAged(LineFacts m, Text t) {
    ReportLine tok = grammar.line(t);
    String stream = m.stream();
    if (tok instanceof ReportLine.Header h) {
      tentative.remove(stream);
      ReportBuilder sysrq = route(m);
      if (sysrq != null && sysrq.sysrqOnly()) {
        return sysrq.header(h, m);
      }
      for (ReportBuilder b : open()) {
        if (sameRoute(b, m) && b.phase != ReportBuilder.Phase.TAIL) {
          close(b, "closed by the next report's header (line " + m.line() + ")");
        } else if (sameRoute(b, m) && Objects.equals(b.callerId, m.callerId()) && m.callerId() != null) {
          close(b, "closed by the next report of the same task (line " + m.line() + ")");
        }
      }
      ReportBuilder b = start(m);
      Long n = suppressed.remove(stream);
      if (n != null) {
        b.note(n + " earlier OOM reports suppressed by the ratelimit");
      }
      return b.header(h, m);
    }
    if (tok instanceof ReportLine.Elision e) {
      ReportBuilder b = route(m);
      if (b != null && !b.closed) {
        return b.elided(m);
      }
      Tentative tv = tentative.get(stream);
      if (tv != null) {
        tv.add(m.line());
        tv.b.elided(m);
        return Disposition.unrelated("elision marker '" + e.marker()
            + "' (held with a possible report whose header was cut)");
      }
      return Disposition.unrelated("elision marker '" + e.marker() + "' outside a report");
    }
    if (tok instanceof ReportLine.Reaper r) {
      tentative.remove(stream);
      ReportBuilder b = byKilledPid(stream, r.pid());
      if (b == null) {
        b = start(m);
      }
      return b.reaper(r, m);
    }
    ReportBuilder b = route(m);
    if (b != null && b.scope.summarySeen && tok.rule() == ReportLine.Rule.SUMMARY) {
      close(b, "closed by the next oom-kill summary (line " + m.line() + ")"); // one summary per OOM
      b = null;
    }
    if (b != null) {
      Disposition d = b.offer(tok, t, m);
      if (d != null) {
        if (!tentative.isEmpty()) {
          tentative.remove(stream);
        }
        return d;
      }
    }
    Tentative tv = tentative.isEmpty() ? null : tentative.get(stream);
    if (tv != null) {
      boolean confirms = oomFrame(tok, t) || ReportGrammar.confirmsTentative(tok, t);
      if (confirms || !ReportGrammar.startsHeaderless(tok, t)) {
        Disposition d = tv.b.offer(tok, t, m);
        if (d != null && confirms) {
          tentative.remove(stream);
          confirm(tv);
          return d;
        }
        if (d != null && tv.lines.size() < MAX_TENTATIVE_LINES) {
          tv.add(m.line());
          return Disposition.unrelated("held with a possible OOM report whose header was cut (line "
              + tv.b.firstLine + ")");
        }
      }
      tentative.remove(stream);
    }
    if (ReportGrammar.isSysrqOom(t)) {
      ReportBuilder nb = start(m);
      return nb.sysrq(m);
    }
    if (ReportGrammar.startsHeaderless(tok, t)) {
      ReportBuilder nb = start(m);
      Disposition d = nb.offer(tok, t, m);
      return d != null ? d : Disposition.EVENT;
    }
    ReportBuilder.Phase tp = ReportGrammar.tentativePhase(tok, t);
    if (tp != null) {
      ReportBuilder nb = new ReportBuilder(-1, source, stream, m.callerId(), m, grammar);
      nb.phase = tp;
      Disposition d = nb.offer(tok, t, m);
      if (d != null) {
        Tentative nt = new Tentative(nb);
        nt.add(m.line());
        tentative.put(stream, nt);
        return HELD;
      }
    }
    Long n = ReportGrammar.callbacksSuppressed(t);
    if (n != null) {
      suppressed.merge(stream, n, Long::sum);
      return Disposition.unrelated("ratelimit notice: " + n + " OOM reports suppressed (noted on the next report)");
    }
    return NOT_OOM;
  }

  private static boolean oomFrame(ReportLine tok, Text t) {
    return !(tok instanceof ReportLine.StatLine) && ReportGrammar.isOomFrame(t);
  }

  /** True for an elision marker ({@code ...}) that whoever published a log put in place of left-out lines. */
  public static boolean isElision(String t) {
    return ReportGrammar.isElision(t.strip());
  }

  /**
   * An elision marker on a line of its own, whatever the wrapping (it carries no prefix, so no stream): taken by
   * the newest open report, else held by a tentative one, else unrelated.
   */
  public Disposition elision(long line, String marker) {
    LineFacts m = new LineFacts(line, "", Double.NaN, false, null, false, false);
    Iterator<ReportBuilder> it = pending.descendingIterator();
    while (it.hasNext()) {
      ReportBuilder b = it.next();
      if (!b.closed) {
        return b.elided(m);
      }
    }
    for (Tentative tv : tentative.values()) {
      tv.add(line);
      tv.b.elided(m);
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
    changes++;
    List<ReportBuilder> open = open();
    if (open.size() > MAX_OPEN) {
      close(open.get(0), "closed early: more than " + MAX_OPEN + " reports open at once");
    }
    adopter.adopt(List.copyOf(tv.lines));
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
    int n = 0;
    for (ReportBuilder b : pending) {
      if (!b.closed) {
        n++;
      }
    }
    return n;
  }

  /**
   * Everything that decides what the lines after this point become: the queued reports (open and closed ones
   * waiting for an earlier one) with their contents and tail ages, the held tentative reports, suppressed-report
   * counts. Two assemblers with the same state read the same lines into the same events and dispositions.
   */
  public String state() {
    Fingerprint f = new Fingerprint();
    for (ReportBuilder b : pending) {
      TailClock c = clocks.get(b.stream);
      b.state(f, c == null ? 0 : c.lines);
      f.add("closeNotes", closeNotes.get(b));
    }
    f.add("tentative", tentative.size());
    for (Map.Entry<String, Tentative> e : tentative.entrySet()) {
      f.add("stream", e.getKey()).add("held", e.getValue().lines);
      e.getValue().b.state(f, 0);
    }
    f.add("suppressed", suppressed);
    return f.toString();
  }

  // ---- routing ------------------------------------------------------------------------------------------

  private static boolean sameRoute(ReportBuilder b, LineFacts m) {
    return b.stream.equals(m.stream()) && (b.callerId == null || m.callerId() == null
        || b.callerId.equals(m.callerId()));
  }

  /** The last route found, valid while no report was queued or closed since ({@link #changes}). */
  private ReportBuilder routed;
  private String routedStream;
  private String routedCaller;
  private long routedAt = -1;
  /** Counts the changes to which reports are queued and open. */
  private long changes;

  /** The newest open report of this line's stream and caller. */
  private ReportBuilder route(LineFacts m) {
    return route(m.stream(), m.callerId());
  }

  private ReportBuilder route(String stream, String caller) {
    if (routedAt == changes && stream == routedStream && caller == routedCaller) {
      return routed;
    }
    ReportBuilder b = findRoute(stream, caller);
    routed = b;
    routedStream = stream;
    routedCaller = caller;
    routedAt = changes;
    return b;
  }

  private ReportBuilder findRoute(String stream, String caller) {
    Iterator<ReportBuilder> it = pending.descendingIterator();
    ReportBuilder fallback = null;
    while (it.hasNext()) {
      ReportBuilder b = it.next();
      if (b.closed || !b.stream.equals(stream)) {
        continue;
      }
      if (Objects.equals(b.callerId, caller)) {
        return b;
      }
      if (fallback == null && (b.callerId == null || caller == null)) {
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

  private ReportBuilder start(LineFacts m) {
    ReportBuilder b = new ReportBuilder(seq++, source, m.stream(), m.callerId(), m, grammar);
    b.owner = this;
    pending.addLast(b);
    changes++;
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
  private void ageTails(String stream, double ts) {
    if (clocks.isEmpty()) {
      return;
    }
    TailClock c;
    if (stream == clockStream && clock != null) {
      c = clock;
    } else {
      c = clocks.get(stream);
      if (c == null) {
        return;
      }
      clockStream = stream;
      clock = c;
    }
    c.lines++;
    if (c.lines - c.earliestStart <= TAIL_LINES && !(ts - c.minKillTimestamp > TAIL_SECONDS)) {
      return;
    }
    List<ReportBuilder> aged = null; // closed after the loop: close() may emit and remove from pending
    c.earliestStart = Long.MAX_VALUE;
    c.minKillTimestamp = Double.POSITIVE_INFINITY;
    boolean left = false;
    for (ReportBuilder b : pending) {
      if (b.closed || b.phase != ReportBuilder.Phase.TAIL || !b.stream.equals(stream)) {
        continue;
      }
      long linesSinceKill = c.lines - b.tailStart;
      boolean old = linesSinceKill > TAIL_LINES || ts - b.killTimestamp > TAIL_SECONDS;
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
      clocks.remove(stream);
      clock = null;
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
    changes++;
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
