package dev.oomspec.traces.read;

import dev.oomspec.traces.ftrace.FtraceEvent;
import java.util.List;

/**
 * {@code trace-cmd report} text (default and {@code -R} raw): a {@code cpus=N} / {@code version = N} preamble,
 * then {@code <comm>-<pid> [<cpu>] <ts>: <event>: <fields>} (flags only with {@code -l}). Event names are
 * padded after their colon; raw mode prints {@code total_vm=75160} instead of {@code total-vm=75160kB}.
 */
public final class TraceCmdReportReader implements LogReader {

  @Override
  public String name() {
    return "trace-cmd";
  }

  @Override
  public int sniff(String line) {
    if (line.startsWith("cpus=") || line.startsWith("version = ")) {
      return 3;
    }
    FtraceEvent e = FtraceLineParser.parse(line);
    return e == null ? 0 : e.flags().isEmpty() ? 2 : 1;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    String t = line.strip();
    if (t.isEmpty()) {
      return new Decoded.Unrelated("blank line");
    }
    if (t.startsWith("cpus=") || t.startsWith("version = ") || (t.startsWith("CPU ") && t.endsWith(" is empty"))
        || t.startsWith("#")) {
      List<FtraceEvent> glued = FtraceLineParser.afterPrefix(line);
      if (glued.isEmpty() && FtraceLineParser.hasEventColumn(line)) {
        return new Decoded.Malformed("unreadable event glued to a header line");
      }
      return glued.isEmpty() ? new Decoded.Unrelated("trace-cmd preamble") : new Decoded.Trace(glued, n);
    }
    List<FtraceEvent> es = FtraceLineParser.parseAll(line);
    return es.isEmpty() ? new Decoded.Malformed("not a trace-cmd report event line") : new Decoded.Trace(es, n);
  }
}
