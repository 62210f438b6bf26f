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
import dev.oomspec.traces.ftrace.FtraceEvent;
import dev.oomspec.traces.tracedat.TraceDatReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Reads one log into OOM events, streaming: the format is sniffed from the first
 * {@link FormatSniffer#SNIFF_LINES} lines (or named in {@link ReadOptions#reader()}), each line is cleaned,
 * decoded by the wrapping reader and fed to the report or ftrace assembler; events go to the sink as they
 * close. Every input line is accounted as event, unrelated or malformed.
 *
 * <p>A binary trace-cmd {@code trace.dat} (recognised by its magic {@code 17 08 44 "tracing"}) is read by
 * {@link TraceDatReader} and its events fed to the ftrace assembler; its accounting counts <em>records</em>
 * (ftrace events) instead of lines.
 *
 * <p>Text whose every line is indented by the same two or more spaces (a log quoted in a mail or a markdown
 * code block) is de-indented by that amount before it is read (the indentation is measured on the sniffed
 * lines).
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
    LineAccounting a = read(file, file.toString(), options, events::add);
    return new ReadResult(events, a);
  }

  /** Reads a file, streaming events to the sink; a {@code trace.dat} is read in place. */
  public static LineAccounting read(Path file, String source, ReadOptions options, Consumer<OomEvent> sink)
      throws IOException {
    if (isTraceDat(file) && forcedReaderAllowsDat(options)) {
      return readTraceDat(file, source, sink);
    }
    try (InputStream in = Files.newInputStream(file)) {
      return read(in, source, options, sink);
    }
  }

  /** The {@code trace.dat} magic: {@code 17 08 44 "tracing"}. */
  public static final byte[] TRACE_DAT_MAGIC = {0x17, 0x08, 0x44, 't', 'r', 'a', 'c', 'i', 'n', 'g'};

  /** Name of the binary reader in {@link LineAccounting#reader()} and for {@code --reader}. */
  public static final String TRACE_DAT_READER = "tracedat";

  /** True when the file starts with the trace.dat magic. */
  public static boolean isTraceDat(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return Arrays.equals(in.readNBytes(TRACE_DAT_MAGIC.length), TRACE_DAT_MAGIC);
    }
  }

  private static boolean forcedReaderAllowsDat(ReadOptions options) {
    return options.reader() == null || options.reader().strip().equalsIgnoreCase(TRACE_DAT_READER);
  }

  /**
   * Reads bytes as UTF-8 (malformed bytes replaced, never an exception); bytes starting with the trace.dat
   * magic are copied to a temporary file and read as a trace.dat.
   */
  public static LineAccounting read(InputStream in, String source, ReadOptions options, Consumer<OomEvent> sink)
      throws IOException {
    BufferedInputStream b = new BufferedInputStream(in);
    b.mark(TRACE_DAT_MAGIC.length);
    byte[] head = b.readNBytes(TRACE_DAT_MAGIC.length);
    b.reset();
    if (Arrays.equals(head, TRACE_DAT_MAGIC) && forcedReaderAllowsDat(options)) {
      Path tmp = Files.createTempFile("tracedat-stdin-", ".dat"); // not oomspec-*: capture cleans that namespace
      try {
        Files.copy(b, tmp, StandardCopyOption.REPLACE_EXISTING);
        return readTraceDat(tmp, source, sink);
      } finally {
        Files.deleteIfExists(tmp);
      }
    }
    if (options.reader() != null && options.reader().strip().equalsIgnoreCase(TRACE_DAT_READER)) {
      return new LineAccounting(source, TRACE_DAT_READER, 1, 0, 0, 1,
          List.of(new Malformed(source, 1, "not a trace.dat: the magic 17 08 44 'tracing' is missing")), "records");
    }
    Reader r = new InputStreamReader(b, StandardCharsets.UTF_8.newDecoder()
        .onMalformedInput(CodingErrorAction.REPLACE)
        .onUnmappableCharacter(CodingErrorAction.REPLACE));
    return read(r, source, options, sink);
  }

  /** Reads text; the reader is not closed. */
  public static LineAccounting read(Reader in, String source, ReadOptions options, Consumer<OomEvent> sink)
      throws IOException {
    return new Run(source, options, sink).run(new BoundedLineReader(in, options.maxLineLength()));
  }

  /**
   * A trace.dat: every record (ftrace event, timestamp order) is one unit of accounting. Metadata that cannot be
   * read makes the whole file one malformed record; a data error mid-file ends reading with one malformed
   * record naming the byte offset (the records read before it keep their dispositions).
   */
  static LineAccounting readTraceDat(Path file, String source, Consumer<OomEvent> sink) throws IOException {
    FtraceOomAssembler ftrace = new FtraceOomAssembler(sink);
    long total = 0;
    long event = 0;
    long unrelated = 0;
    long malformed = 0;
    List<Malformed> listed = new ArrayList<>();
    TraceDatReader r;
    try {
      r = TraceDatReader.open(file);
    } catch (IOException e) {
      if (!Files.isReadable(file)) {
        throw e;
      }
      return new LineAccounting(source, TRACE_DAT_READER, 1, 0, 0, 1,
          List.of(new Malformed(source, 1, "unreadable trace.dat metadata: " + e.getMessage())), "records");
    }
    try (r) {
      while (true) {
        FtraceEvent e;
        try {
          e = r.next();
        } catch (IOException | UncheckedIOException x) {
          total++;
          malformed++;
          listed.add(new Malformed(source, total, "unreadable record, rest of the file not read: " + x.getMessage()));
          break;
        }
        if (e == null) {
          break;
        }
        total++;
        Disposition d = ftrace.accept(source, total, e);
        switch (d.kind()) {
          case EVENT -> event++;
          case UNRELATED -> unrelated++;
          case MALFORMED -> {
            malformed++;
            if (listed.size() < LineAccounting.MAX_LISTED) {
              listed.add(new Malformed(source, total, d.why()));
            }
          }
        }
      }
    }
    ftrace.finish();
    return new LineAccounting(source, TRACE_DAT_READER, total, event, unrelated, malformed, listed, "records");
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
    int indent;
    /** Dispositions of the most recent lines, for lines a report adopts after they were counted unrelated. */
    final Map<Long, Disposition.Kind> recent = new LinkedHashMap<>(512, 0.75f, false) {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Long, Disposition.Kind> e) {
        return size() > OomReportAssembler.MAX_TENTATIVE_LINES + 64;
      }
    };

    Run(String source, ReadOptions options, Consumer<OomEvent> sink) {
      this.source = source;
      this.options = options;
      this.sink = sink;
      this.reports = new OomReportAssembler(sink, this::adopt);
      this.ftrace = new FtraceOomAssembler(sink);
    }

    /** Lines counted unrelated that a report took after all (its header was cut; see OomReportAssembler). */
    private void adopt(List<Long> lines) {
      for (Long n : lines) {
        if (recent.get(n) == Disposition.Kind.UNRELATED) {
          recent.put(n, Disposition.Kind.EVENT);
          unrelated--;
          event++;
        }
      }
    }

    LineAccounting run(BoundedLineReader lines) throws IOException {
      Deque<RawLine> head = new ArrayDeque<>();
      List<String> sample = new ArrayList<>();
      RawLine l0;
      while (head.size() < FormatSniffer.SNIFF_LINES && (l0 = lines.next()) != null) {
        head.add(l0);
        if (!l0.tooLong() && !l0.text().isBlank()) {
          sample.add(LineCleaner.clean(l0.text()));
        }
      }
      indent = commonIndent(sample);
      if (indent > 0) {
        sample.replaceAll(this::dedent);
      }
      if (options.reader() != null) {
        reader = Readers.byName(options.reader());
      } else {
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
      recent.put(l.number(), d.kind());
      if (options.lineListener() != null) {
        options.lineListener().line(l.number(), l.text(), d);
      }
    }

    /** The indentation (spaces) shared by every non-blank sampled line when it is 2 or more, else 0. */
    static int commonIndent(List<String> sample) {
      int min = Integer.MAX_VALUE;
      for (String s : sample) {
        int i = 0;
        while (i < s.length() && s.charAt(i) == ' ') {
          i++;
        }
        if (i == s.length()) {
          continue;
        }
        min = Math.min(min, i);
      }
      return min == Integer.MAX_VALUE || min < 2 ? 0 : min;
    }

    /** Removes up to {@link #indent} leading spaces. */
    String dedent(String s) {
      int i = 0;
      while (i < indent && i < s.length() && s.charAt(i) == ' ') {
        i++;
      }
      return i == 0 ? s : s.substring(i);
    }

    private Disposition decode(RawLine l) {
      String text = dedent(LineCleaner.clean(l.text()));
      if (OomReportAssembler.isElision(text) && !reader.name().equals("journal-json")) {
        return reports.elision(source, l.number(), text);
      }
      Decoded dec;
      try {
        dec = reader.decode(source, l.number(), text);
      } catch (RuntimeException e) {
        return Disposition.malformed(reader.name() + " reader failed: " + e);
      }
      if (dec instanceof Decoded.Kernel k) {
        List<KernelLine> kls = k.lines();
        if (kls.size() == 1) {
          return reports.accept(kls.get(0));
        }
        Disposition d = Disposition.unrelated("no kernel text");
        boolean first = true;
        for (KernelLine kl : kls) {
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
