package dev.oomspec.traces.read;

import dev.oomspec.traces.ftrace.FtraceEvent;
import java.util.List;

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
    if (e == null) {
      // an event line with one column damaged still votes ftrace: read as ftrace it is reported malformed,
      // read as console text it would be unrelated (a mark_victim gone without a report)
      return FtraceLineParser.hasEventColumn(line) || FtraceLineParser.stampedEvents(line) > 0 ? 1 : 0;
    }
    return e.flags().isEmpty() ? 1 : 2;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return new Decoded.Unrelated("blank line");
    }
    if (t.startsWith("#")) {
      List<FtraceEvent> glued = FtraceLineParser.afterPrefix(line);
      if (glued.isEmpty() && FtraceLineParser.hasEventColumn(line)) {
        return new Decoded.Malformed("unreadable event glued to a header line");
      }
      return glued.isEmpty() ? new Decoded.Unrelated("ftrace header comment") : new Decoded.Trace(glued, n);
    }
    if (t.startsWith("CPU:") && t.contains("LOST")) {
      return new Decoded.Malformed("ftrace lost events: " + t);
    }
    List<FtraceEvent> es = FtraceLineParser.parseAll(line);
    return es.isEmpty() ? new Decoded.Malformed("not an ftrace event line") : new Decoded.Trace(es, n);
  }
}
