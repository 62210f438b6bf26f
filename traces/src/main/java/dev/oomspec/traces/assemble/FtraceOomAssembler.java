package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.Missing;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.event.ReaperResult;
import dev.oomspec.traces.event.SourceRange;
import dev.oomspec.traces.event.Trigger;
import dev.oomspec.traces.event.Victim;
import dev.oomspec.traces.ftrace.FtraceEvent;
import dev.oomspec.traces.read.Scan;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * Turns {@code oom:} ftrace events into OOM events: one per {@code mark_victim} (4.13–6.8 {@code pid=} only;
 * 6.9+ with comm, sizes, uid, pgtables and adj, in the printed {@code total-vm=…kB} and the raw
 * {@code total_vm=…} spellings). Later {@code wake_reaper}/{@code start_task_reaping}/{@code finish_task_reaping}
 * /{@code skip_task_reaping} for the victim's pid become reaper results. Other events are unrelated.
 * The task column of {@code mark_victim} is the task that ran the OOM killer, so it becomes the trigger.
 */
public final class FtraceOomAssembler {

  /** Victims kept open for reaper events. */
  public static final int MAX_OPEN = 64;

  private final Consumer<OomEvent> sink;
  private final Deque<Open> open = new ArrayDeque<>();

  private static final class Open {
    final String source;
    final long first;
    long last;
    final FtraceEvent mark;
    final Victim victim;
    final List<ReaperResult> reaper = new ArrayList<>();

    Open(String source, long line, FtraceEvent mark, Victim victim) {
      this.source = source;
      this.first = line;
      this.last = line;
      this.mark = mark;
      this.victim = victim;
    }
  }

  public FtraceOomAssembler(Consumer<OomEvent> sink) {
    this.sink = Objects.requireNonNull(sink);
  }

  public Disposition accept(String source, long line, FtraceEvent e) {
    switch (e.event()) {
      case "mark_victim" -> {
        Integer pid = Scan.toInt(e.fields().get("pid"));
        if (pid == null) {
          return Disposition.malformed("mark_victim without a readable pid");
        }
        Map<String, String> f = e.fields();
        Victim v = new Victim(pid, f.get("comm"), Scan.toLong(f.get("uid")),
            kb(f, "total-vm", "total_vm"), kb(f, "anon-rss", "anon_rss"), kb(f, "file-rss", "file_rss"),
            kb(f, "shmem-rss", "shmem_rss"), kb(f, "pgtables", "pgtables"), Scan.toInt(f.get("oom_score_adj")),
            "mark_victim");
        open.addLast(new Open(source, line, e, v));
        if (open.size() > MAX_OPEN) {
          emit(open.removeFirst());
        }
        return Disposition.EVENT;
      }
      case "wake_reaper", "start_task_reaping", "finish_task_reaping", "skip_task_reaping" -> {
        Integer pid = Scan.toInt(e.fields().get("pid"));
        Iterator<Open> it = open.descendingIterator();
        while (pid != null && it.hasNext()) {
          Open o = it.next();
          if (o.victim.pid() == pid) {
            o.reaper.add(new ReaperResult(line, pid, o.victim.comm(), e.event(), null, null, null));
            o.last = line;
            return Disposition.EVENT;
          }
        }
        return Disposition.unrelated("reaper tracepoint for a pid without mark_victim");
      }
      default -> {
        return Disposition.unrelated("ftrace event " + e.event() + " is not part of an OOM kill");
      }
    }
  }

  /** The victims kept open for reaper events, as text (compared by the parallel reader). */
  public String state() {
    Fingerprint f = new Fingerprint();
    for (Open o : open) {
      f.add("source", o.source).add("first", o.first).add("last", o.last).add("mark", o.mark)
          .add("victim", o.victim).add("reaper", o.reaper);
    }
    return f.toString();
  }

  public void finish() {
    while (!open.isEmpty()) {
      emit(open.removeFirst());
    }
  }

  private void emit(Open o) {
    FtraceEvent m = o.mark;
    List<Missing> missing = new ArrayList<>();
    missing.add(new Missing("kernel report",
        "ftrace carries the victim only: no header, memory info, task table or summary"));
    if (o.victim.comm() == null) {
      missing.add(new Missing("victim sizes", "mark_victim with pid only (kernel before 6.9)"));
    }
    List<String> notes = new ArrayList<>();
    notes.add("mark_victim at " + m.timestampNs() / 1e9 + " s on cpu " + m.cpu()
        + (m.flags().isEmpty() ? "" : " flags " + m.flags()));
    sink.accept(new OomEvent(new SourceRange(o.source, o.first, o.last), "ftrace", "", m.timestampNs() / 1e9,
        new Trigger(m.comm(), m.pid(), null), null, null, null, null, null, null, null, null, null, null,
        Map.of(), List.of(), List.of(), o.victim, List.of(), List.of(o.victim.pid()), o.reaper, null, null,
        List.of(), notes, missing));
  }

  /** A size field in kB from either spelling; {@code 75160kB} and raw {@code 75160} both read as 75160. */
  private static Long kb(Map<String, String> f, String printed, String raw) {
    String v = f.get(printed);
    if (v == null) {
      v = f.get(raw);
    }
    return Scan.toLongStripUnit(v);
  }
}
