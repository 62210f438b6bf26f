package dev.oomspec.conformance.cli;

import dev.oomspec.traces.LineAccounting;
import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.input.Compression;
import dev.oomspec.traces.input.Content;
import dev.oomspec.traces.input.OpenedInput;
import dev.oomspec.traces.json.EventJson;
import dev.oomspec.traces.read.Readers;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
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
 * accounting of each input goes to stderr. Exit 0 when every input was read and an event was found; 2 when an
 * input could not be read (missing, binary, damaged compression) or no input holds an OOM event.
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

  @Option(names = "--reader", paramLabel = "NAME", converter = ArgConverters.ReaderName.class,
      description = "force a wrapping reader instead of sniffing: ${COMPLETION-CANDIDATES}",
      completionCandidates = ReaderNames.class)
  String reader;

  @Option(names = "--max-line", defaultValue = "65536", paramLabel = "CHARS", converter = ArgConverters.LineLength.class,
      description = "longer lines are reported malformed and skipped (at least 16; default ${DEFAULT-VALUE})")
  int maxLine;

  @Option(names = {"-q", "--quiet"}, description = "no line accounting on stderr (errors are still printed)")
  boolean quiet;

  @Parameters(arity = "1..*", paramLabel = "FILE",
      description = "log files, plain or gzip/xz/zstd/bzip2 (by content); - reads stdin")
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
    PrintWriter out = spec.commandLine().getOut();
    PrintWriter err = spec.commandLine().getErr();
    ReadOptions options = ReadOptions.defaults().withReader(reader).withMaxLineLength(maxLine);
    // UTF-8 bytes made on the reading threads, written here in input order (a file's events as its chunks are
    // read; stdin's as they close, each flushed)
    Function<OomEvent, byte[]> render = format == Format.json ? EventJson::bytes
        : e -> (text(e) + System.lineSeparator()).getBytes(StandardCharsets.UTF_8);
    String note = Inputs.reorderNote(files);
    if (note != null && !quiet) {
      err.println(note);
    }
    boolean unusable = false;
    long events = 0;
    java.util.concurrent.atomic.AtomicLong bytes = new java.util.concurrent.atomic.AtomicLong();
    for (Inputs.Named n : Inputs.of(files)) {
      Inputs.Opening o = Inputs.open(n, bytes);
      if (o instanceof Inputs.Failed f) {
        err.println("oomspec events: " + f.message());
        unusable = true;
        continue;
      }
      long[] count = {0};
      try (OpenedInput in = ((Inputs.Opened) o).input()) {
        if (in.content() instanceof Content.Empty) {
          if (!quiet) {
            err.println(n.name() + in.compressionNote() + ": empty");
          }
          continue;
        }
        LineAccounting a;
        if (!n.stdin() && in.compression() == Compression.NONE) {
          in.close(); // a plain file is read by path: a large one in chunks, in parallel; a trace.dat in place
          a = OomLogReader.read(n.path(), n.name(), options, render, b -> {
            count[0]++;
            Utf8Out.writeUnchecked(out, b);
          });
        } else {
          a = OomLogReader.read(in.stream(), n.name(), options, e -> {
            count[0]++;
            Utf8Out.writeUnchecked(out, render.apply(e));
            out.flush();
          });
        }
        out.flush();
        events += count[0];
        if (!quiet) {
          err.println(Accounting.summary(a, in.compressionNote()) + ", " + count[0] + " events");
          Accounting.malformed(a, err, LineAccounting.MAX_LISTED);
        }
      } catch (IOException | RuntimeException e) {
        out.flush();
        err.println("oomspec events: " + n.name() + ": unreadable: " + Inputs.oneLine(e));
        unusable = true;
      }
    }
    if (files.size() > 1 && !quiet) {
      err.println("total: " + events + " events from " + files.size() + " inputs");
    }
    if (events == 0) {
      err.println("oomspec events: no OOM event found in any input");
    }
    err.flush();
    return unusable || events == 0 ? 2 : 0;
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
