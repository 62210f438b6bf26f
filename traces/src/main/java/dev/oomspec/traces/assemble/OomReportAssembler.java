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
 */
public final class OomReportAssembler {

  public static final double TAIL_SECONDS = 30;
  public static final int TAIL_LINES = 2000;
  /** At most this many reports open at once; the oldest is closed when exceeded. */
  public static final int MAX_OPEN = 32;
  /** At most this many events wait (closed or open) for an earlier one before it is closed. */
  public static final int MAX_PENDING = 256;

  private final Consumer<OomEvent> sink;
  private final Deque<ReportBuilder> pending = new ArrayDeque<>(); // creation order, not yet emitted
  private final Map<String, Long> suppressed = new HashMap<>(); // stream → callbacks suppressed
  private final Map<ReportBuilder, List<String>> closeNotes = new HashMap<>();
  private long seq;

  public OomReportAssembler(Consumer<OomEvent> sink) {
    this.sink = Objects.requireNonNull(sink);
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
    ReportLines.Reaper r = ReportLines.reaper(t);
    if (r != null) {
      ReportBuilder b = byKilledPid(kl.stream(), r.pid());
      if (b == null) {
        b = start(kl);
      }
      return b.reaper(r, kl);
    }
    ReportBuilder b = route(kl);
    if (b != null) {
      Disposition d = b.offer(t, kl);
      if (d != null) {
        return d;
      }
    }
    if (startsHeaderless(t)) {
      ReportBuilder nb = start(kl);
      Disposition d = nb.offer(t, kl);
      return d != null ? d : Disposition.EVENT;
    }
    Long n = ReportLines.callbacksSuppressed(t);
    if (n != null) {
      suppressed.merge(kl.stream(), n, Long::sum);
      return Disposition.unrelated("ratelimit notice: " + n + " OOM reports suppressed (noted on the next report)");
    }
    return Disposition.unrelated("not part of an OOM report");
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

  private void ageTails(KernelLine kl) {
    List<ReportBuilder> aged = null; // closed after the loop: close() may emit and remove from pending
    for (ReportBuilder b : pending) {
      if (b.closed || b.phase != ReportBuilder.Phase.TAIL || !b.stream.equals(kl.stream())) {
        continue;
      }
      b.linesSinceKill++;
      boolean old = b.linesSinceKill > TAIL_LINES
          || b.killTimestamp != null && kl.timestamp() != null && kl.timestamp() - b.killTimestamp > TAIL_SECONDS;
      if (old) {
        if (aged == null) {
          aged = new ArrayList<>(2);
        }
        aged.add(b);
      }
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
