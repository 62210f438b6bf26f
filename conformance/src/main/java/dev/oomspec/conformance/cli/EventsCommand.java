package dev.oomspec.conformance.cli;

import dev.oomspec.traces.LineAccounting;
import dev.oomspec.traces.Malformed;
import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.json.EventJson;
import dev.oomspec.traces.read.Readers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oomspec events [--format json|text] [--reader NAME] FILE…|-}: reads OOM events from logs in any
 * supported wrapping and prints one JSON object per event per line (docs/events-format.md); the line
 * accounting of each input goes to stderr. Exit 0 when every input was read, 2 when one could not be opened.
 */
@Command(
    name = "events",
    mixinStandardHelpOptions = true,
    description = {
      "Read OOM events from kernel logs (dmesg, dmesg -T, /dev/kmsg, syslog, journalctl text or JSON,"
          + " console text, ftrace, trace-cmd report, binary trace-cmd trace.dat, bcc/bpftrace oomkill) and print"
          + " them.",
      "stdout: one event per line; stderr: what became of every input line (every record of a trace.dat)."
    })
public final class EventsCommand implements Callable<Integer> {

  enum Format { json, text }

  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "json", description = "json (default) or text")
  Format format;

  @Option(names = "--reader", paramLabel = "NAME",
      description = "force a wrapping reader instead of sniffing: ${COMPLETION-CANDIDATES}",
      completionCandidates = ReaderNames.class)
  String reader;

  @Option(names = "--max-line", defaultValue = "65536", paramLabel = "CHARS",
      description = "longer lines are reported malformed and skipped (default ${DEFAULT-VALUE})")
  int maxLine;

  @Parameters(arity = "1..*", paramLabel = "FILE", description = "log files; - reads stdin")
  List<String> files;

  /** The text readers and the binary trace.dat reader. */
  static List<String> names() {
    List<String> n = new java.util.ArrayList<>(Readers.names());
    n.add(OomLogReader.TRACE_DAT_READER);
    return n;
  }

  /** The reader names for the help text. */
  static final class ReaderNames implements Iterable<String> {
    @Override
    public java.util.Iterator<String> iterator() {
      return names().iterator();
    }
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (reader != null && !names().stream().anyMatch(n -> n.equalsIgnoreCase(reader))) {
      err.println("unknown reader '" + reader + "'; known: " + String.join(", ", names()));
      return 2;
    }
    ReadOptions options = ReadOptions.defaults().withReader(reader).withMaxLineLength(Math.max(16, maxLine));
    // UTF-8 bytes made on the reading threads, written here in input order (a file's events at its end, stdin's
    // as they close)
    Function<OomEvent, byte[]> render = format == Format.json ? EventJson::bytes
        : e -> (text(e) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    PrintWriter stdout = spec.commandLine().getOut();
    int exit = 0;
    long events = 0;
    for (String f : files) {
      long[] count = {0};
      try {
        LineAccounting a;
        if (f.equals("-")) {
          a = OomLogReader.read(System.in, "-", options, e -> {
            count[0]++;
            write(stdout, render.apply(e), true);
          });
        } else {
          a = OomLogReader.read(Path.of(f), f, options, render, b -> {
            count[0]++;
            write(stdout, b, false);
          }); // a trace.dat is read in place
        }
        stdout.flush();
        events += count[0];
        err.println(a.summary() + ", " + count[0] + " events");
        for (Malformed m : a.malformedLines()) {
          err.println("  " + m.file() + ":" + m.line() + ": malformed: " + m.why());
        }
        if (a.malformed() > a.malformedLines().size()) {
          err.println("  … " + (a.malformed() - a.malformedLines().size()) + " more malformed " + a.unit());
        }
      } catch (IOException | RuntimeException e) {
        stdout.flush();
        err.println(f + ": unreadable: " + e.getMessage());
        exit = 2;
      }
    }
    if (files.size() > 1) {
      err.println("total: " + events + " events from " + files.size() + " inputs");
    }
    err.flush();
    return exit;
  }

  private static void write(PrintWriter out, byte[] line, boolean flush) {
    Utf8Out.writeUnchecked(out, line);
    if (flush) {
      out.flush();
    }
  }

  private static String text(OomEvent e) {
    StringBuilder sb = new StringBuilder();
    sb.append(e.source()).append(':').append(e.firstLine()).append('-').append(e.lastLine()).append(' ')
        .append(e.origin());
    if (e.trigger() != null) {
      sb.append(" trigger=").append(e.trigger().comm()).append('/').append(e.trigger().pid());
    }
    if (e.constraint() != null) {
      sb.append(' ').append(e.constraint());
    }
    if (e.memcg() != null && e.memcg().limitKb() != null) {
      sb.append(" memcg ").append(e.memcg().usageKb()).append('/').append(e.memcg().limitKb()).append("kB");
    }
    if (e.victim() != null) {
      sb.append(" victim=").append(e.victim().pid()).append(" (").append(e.victim().comm()).append(')');
    }
    sb.append(" killed=").append(e.killed()).append(" tasks=").append(e.tasks().size());
    if (!e.missing().isEmpty()) {
      sb.append(" missing=").append(e.missing().stream().map(m -> m.what()).toList());
    }
    return sb.toString();
  }
}
