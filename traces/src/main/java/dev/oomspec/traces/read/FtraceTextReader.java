package dev.oomspec.traces.read;

import dev.oomspec.traces.ftrace.FtraceEvent;

/**
 * tracefs {@code trace} and {@code trace_pipe} text: {@code #} header comments, then
 * {@code <comm>-<pid> [<cpu>] <flags> <ts>: <event>: <fields>} with a 4- or 5-character flags column.
 */
public final class FtraceTextReader implements LogReader {

  @Override
  public String name() {
    return "ftrace";
  }

  @Override
  public int sniff(String line) {
    if (line.startsWith("# tracer:") || line.startsWith("#           TASK-PID")) {
      return 3;
    }
    FtraceEvent e = FtraceLineParser.parse(line);
    return e == null ? 0 : e.flags().isEmpty() ? 1 : 2;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return new Decoded.Unrelated("blank line");
    }
    if (t.startsWith("#")) {
      return new Decoded.Unrelated("ftrace header comment");
    }
    if (t.startsWith("CPU:") && t.contains("LOST")) {
      return new Decoded.Malformed("ftrace lost events: " + t);
    }
    FtraceEvent e = FtraceLineParser.parse(line);
    return e == null ? new Decoded.Malformed("not an ftrace event line") : new Decoded.Trace(e, n);
  }
}
