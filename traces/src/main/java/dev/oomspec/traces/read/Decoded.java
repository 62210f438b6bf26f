package dev.oomspec.traces.read;

import dev.oomspec.traces.ftrace.FtraceEvent;
import java.util.List;

/** What a wrapping reader made of one input line. */
public sealed interface Decoded {

  /** Kernel text: one line, or several when the record had embedded newlines or lines were glued. */
  record Kernel(List<KernelLine> lines) implements Decoded {
    public Kernel {
      lines = List.copyOf(lines);
    }
  }

  /** Ftrace events: one, or several when lines were glued together after a lost newline. */
  record Trace(List<FtraceEvent> events, long line) implements Decoded {
    public Trace {
      events = List.copyOf(events);
    }
  }

  /**
   * A line that is a whole event by itself: a Kubernetes OOM tool's table row, a user-space OOM killer's kill
   * line. Such events carry no kernel report and are not replayed.
   */
  record Event(dev.oomspec.traces.event.OomEvent event) implements Decoded {}

  /** One line of a bcc/bpftrace oomkill tool. */
  record Tool(OomKillToolLine kill) implements Decoded {}

  /** A line of the wrapping format that carries no kernel text (banner, comment, other program). */
  record Unrelated(String why) implements Decoded {}

  /** A line the reader could not read. */
  record Malformed(String why) implements Decoded {}

  static Decoded kernel(KernelLine line) {
    return new Kernel(List.of(line));
  }
}
