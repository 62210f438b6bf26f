package dev.oomspec.traces;

import dev.oomspec.traces.assemble.Disposition;
import dev.oomspec.traces.assemble.FtraceOomAssembler;
import dev.oomspec.traces.assemble.OomReportAssembler;
import dev.oomspec.traces.assemble.ToolEvents;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.read.BoundedLineReader;
import dev.oomspec.traces.read.Decoded;
import dev.oomspec.traces.read.FormatSniffer;
import dev.oomspec.traces.read.KernelLine;
import dev.oomspec.traces.read.LineCleaner;
import dev.oomspec.traces.read.LogReader;
import dev.oomspec.traces.read.RawLine;
import dev.oomspec.traces.read.Readers;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads one log into OOM events, streaming: the format is sniffed from the first
 * {@link FormatSniffer#SNIFF_LINES} lines (or named in {@link ReadOptions#reader()}), each line is cleaned,
 * decoded by the wrapping reader and fed to the report or ftrace assembler; events go to the sink as they
 * close. Every input line is accounted as event, unrelated or malformed.
 *
 * <pre>{@code
 * ReadResult r = OomLogReader.read(Path.of("kern.log"));          // small inputs
 * LineAccounting a = OomLogReader.read(reader, "kern.log", ReadOptions.defaults(), events::add);
 * }</pre>
 */
public final class OomLogReader {

  private OomLogReader() {}

  /** Reads a file and collects its events. */
  public static ReadResult read(Path file) throws IOException {
    return read(file, ReadOptions.defaults());
  }

  public static ReadResult read(Path file, ReadOptions options) throws IOException {
    List<OomEvent> events = new ArrayList<>();
    try (InputStream in = Files.newInputStream(file)) {
      LineAccounting a = read(in, file.toString(), options, events::add);
      return new ReadResult(events, a);
    }
  }

  /** Reads bytes as UTF-8 (malformed bytes replaced, never an exception). */
  public static LineAccounting read(InputStream in, String source, ReadOptions options, Consumer<OomEvent> sink)
      throws IOException {
    Reader r = new InputStreamReader(in, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    return read(r, source, options, sink);
  }

  /** Reads text; the reader is not closed. */
  public static LineAccounting read(Reader in, String source, ReadOptions options, Consumer<OomEvent> sink)
      throws IOException {
    return new Run(source, options, sink).run(new BoundedLineReader(in, options.maxLineLength()));
  }

  private static final class Run {
    final String source;
    final ReadOptions options;
    final OomReportAssembler reports;
    final FtraceOomAssembler ftrace;
    final Consumer<OomEvent> sink;
    long total;
    long event;
    long unrelated;
    long malformed;
    final List<Malformed> listed = new ArrayList<>();
    LogReader reader;

    Run(String source, ReadOptions options, Consumer<OomEvent> sink) {
      this.source = source;
      this.options = options;
      this.sink = sink;
      this.reports = new OomReportAssembler(sink);
      this.ftrace = new FtraceOomAssembler(sink);
    }

    LineAccounting run(BoundedLineReader lines) throws IOException {
      Deque<RawLine> head = new ArrayDeque<>();
      if (options.reader() != null) {
        reader = Readers.byName(options.reader());
      } else {
        List<String> sample = new ArrayList<>();
        RawLine l;
        while (head.size() < FormatSniffer.SNIFF_LINES && (l = lines.next()) != null) {
          head.add(l);
          if (!l.tooLong() && !l.text().isBlank()) {
            sample.add(LineCleaner.clean(l.text()));
          }
        }
        reader = FormatSniffer.pick(sample);
      }
      RawLine l;
      while ((l = head.isEmpty() ? lines.next() : head.removeFirst()) != null) {
        one(l);
      }
      reports.finish();
      ftrace.finish();
      return new LineAccounting(source, reader.name(), total, event, unrelated, malformed, listed);
    }

    private void one(RawLine l) {
      total++;
      Disposition d;
      if (l.tooLong()) {
        d = Disposition.malformed("line of " + l.length() + " chars exceeds the limit of "
            + options.maxLineLength() + "; skipped");
      } else {
        d = decode(l);
      }
      switch (d.kind()) {
        case EVENT -> event++;
        case UNRELATED -> unrelated++;
        case MALFORMED -> {
          malformed++;
          if (listed.size() < LineAccounting.MAX_LISTED) {
            listed.add(new Malformed(source, l.number(), d.why()));
          }
        }
      }
      if (options.lineListener() != null) {
        options.lineListener().line(l.number(), l.text(), d);
      }
    }

    private Disposition decode(RawLine l) {
      String text = LineCleaner.clean(l.text());
      Decoded dec;
      try {
        dec = reader.decode(source, l.number(), text);
      } catch (RuntimeException e) {
        return Disposition.malformed(reader.name() + " reader failed: " + e);
      }
      if (dec instanceof Decoded.Kernel k) {
        Disposition d = Disposition.unrelated("no kernel text");
        boolean first = true;
        for (KernelLine kl : k.lines()) {
          Disposition one = reports.accept(kl);
          d = first ? one : d.max(one);
          first = false;
        }
        return d;
      } else if (dec instanceof Decoded.Trace t) {
        Disposition d = Disposition.unrelated("no event");
        boolean first = true;
        for (var e : t.events()) {
          Disposition one = ftrace.accept(source, t.line(), e);
          d = first ? one : d.max(one);
          first = false;
        }
        return d;
      } else if (dec instanceof Decoded.Tool t) {
        sink.accept(ToolEvents.of(t.kill()));
        return Disposition.EVENT;
      } else if (dec instanceof Decoded.Unrelated u) {
        return Disposition.unrelated(u.why());
      } else {
        return Disposition.malformed(((Decoded.Malformed) dec).why());
      }
    }
  }
}
