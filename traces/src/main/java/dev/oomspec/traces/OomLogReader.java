package dev.oomspec.traces;

import dev.oomspec.traces.assemble.Disposition;
import dev.oomspec.traces.assemble.FtraceOomAssembler;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.read.BoundedLineReader;
import dev.oomspec.traces.read.ByteLine;
import dev.oomspec.traces.read.FormatSniffer;
import dev.oomspec.traces.read.RawLine;
import dev.oomspec.traces.ftrace.FtraceEvent;
import dev.oomspec.traces.input.Compression;
import dev.oomspec.traces.input.LogInputs;
import dev.oomspec.traces.tracedat.TraceDatReader;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

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

  /**
   * Reads a file, streaming events to the sink (on the calling thread, in input order); a {@code trace.dat} is
   * read in place, a large plain text file in chunks on {@link ReadOptions#threads()} threads.
   */
  public static LineAccounting read(Path file, String source, ReadOptions options, Consumer<OomEvent> sink)
      throws IOException {
    return read(file, source, options, e -> e, sink);
  }

  /**
   * Reads a file as {@link #read(Path, String, ReadOptions, Consumer)} does, and has each event made into what
   * the caller keeps of it ({@code render}, e.g. its JSON) on the thread that read it; the results go to
   * {@code sink} on the calling thread, in input order.
   */
  public static <T> LineAccounting read(Path file, String source, ReadOptions options, Function<OomEvent, T> render,
      Consumer<T> sink) throws IOException {
    Consumer<OomEvent> events = e -> sink.accept(render.apply(e));
    if (isTraceDat(file) && forcedReaderAllowsDat(options)) {
      LineAccounting a = readTraceDat(file, source, events);
      options.read(Files.size(file));
      return a;
    }
    long size = Files.isRegularFile(file) ? Files.size(file) : -1;
    if (options.threads() > 1 && options.lineListener() == null && size >= 2L * options.chunkBytes()
        && !streamOnly(file) && !forcedTraceDat(options)) {
      int workers = (int) Math.min(options.threads(), (size + options.chunkBytes() - 1) / options.chunkBytes());
      return ParallelRead.read(file, size, source, options, setup(file, options), workers, render, sink);
    }
    try (InputStream in = counted(Files.newInputStream(file), options)) {
      return read(in, source, options, events);
    }
  }

  /** {@code in}, its bytes told to {@link ReadOptions#progress} as they are read. */
  static InputStream counted(InputStream in, ReadOptions options) {
    if (options.progress() == null) {
      return in;
    }
    return new java.io.FilterInputStream(in) {
      @Override
      public int read() throws IOException {
        int b = super.read();
        options.read(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] b, int off, int len) throws IOException {
        int n = super.read(b, off, len);
        options.read(n);
        return n;
      }
    };
  }

  /** The wrapping reader and indentation sniffed from the first lines of a file. */
  static TextRun.Setup setup(Path file, ReadOptions options) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return TextRun.Setup.sniff(head(new BoundedLineReader(in, options.maxLineLength())), options.reader());
    }
  }

  /**
   * True when the file is compressed ({@link LogInputs#compressionOf}: gzip, xz, zstd, bzip2, by content) or
   * starts with the trace.dat magic: such a file is read as a stream, never in chunks.
   */
  private static boolean streamOnly(Path file) throws IOException {
    return LogInputs.compressionOf(file) != Compression.NONE || isTraceDat(file);
  }

  private static boolean forcedTraceDat(ReadOptions options) {
    return options.reader() != null && options.reader().strip().equalsIgnoreCase(TRACE_DAT_READER);
  }

  /** The first {@link FormatSniffer#SNIFF_LINES} lines. */
  private static List<RawLine> head(BoundedLineReader lines) throws IOException {
    List<RawLine> head = new ArrayList<>();
    RawLine l;
    while (head.size() < FormatSniffer.SNIFF_LINES && (l = lines.next()) != null) {
      head.add(l);
    }
    return head;
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
   * Reads bytes as UTF-8 (malformed bytes replaced, never an exception), decompressed first when they are gzip,
   * xz, zstd or bzip2 ({@link LogInputs#decompress}); bytes starting with the trace.dat magic are copied to a
   * temporary file and read as a trace.dat.
   */
  public static LineAccounting read(InputStream in, String source, ReadOptions options, Consumer<OomEvent> sink)
      throws IOException {
    BufferedInputStream b = new BufferedInputStream(LogInputs.decompress(in)); // gzip/xz/zstd/bzip2 by magic
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
    // UTF-8, malformed bytes replaced: as an InputStreamReader with a replacing decoder, without its copies
    return readLines(new BoundedLineReader(b, options.maxLineLength()), true, source, options, sink);
  }

  /** Reads text; the reader is not closed. */
  public static LineAccounting read(Reader in, String source, ReadOptions options, Consumer<OomEvent> sink)
      throws IOException {
    return readLines(new BoundedLineReader(in, options.maxLineLength()), false, source, options, sink);
  }

  /**
   * A trace.dat: every record (ftrace event, timestamp order) is one unit of accounting. Metadata that cannot be
   * read makes the whole file one malformed record; a data error mid-file ends reading with one malformed
   * record naming the byte offset (the records read before it keep their dispositions).
   */
  static LineAccounting readTraceDat(Path file, String source, Consumer<OomEvent> sink) throws IOException {
    TraceDatReader r;
    try {
      r = TraceDatReader.open(file);
    } catch (IOException e) {
      if (!Files.isReadable(file)) {
        throw e;
      }
      return unreadableTraceDat(source, e);
    }
    return readTraceDat(r, source, sink);
  }

  /** A whole trace.dat held in memory, read as {@link #readTraceDat(Path, String, Consumer)} reads a file. */
  static LineAccounting readTraceDat(byte[] bytes, String source, Consumer<OomEvent> sink) throws IOException {
    TraceDatReader r;
    try {
      r = TraceDatReader.open(source, bytes);
    } catch (IOException e) {
      return unreadableTraceDat(source, e);
    }
    return readTraceDat(r, source, sink);
  }

  private static LineAccounting unreadableTraceDat(String source, IOException e) {
    return new LineAccounting(source, TRACE_DAT_READER, 1, 0, 0, 1,
        List.of(new Malformed(source, 1, "unreadable trace.dat metadata: " + e.getMessage())), "records");
  }

  private static LineAccounting readTraceDat(TraceDatReader r, String source, Consumer<OomEvent> sink)
      throws IOException {
    FtraceOomAssembler ftrace = new FtraceOomAssembler(sink);
    LineCounts counts = new LineCounts(source);
    long record = 0;
    try (r) {
      while (true) {
        FtraceEvent e;
        try {
          e = r.next();
        } catch (IOException | UncheckedIOException x) {
          counts.count(++record,
              Disposition.malformed("unreadable record, rest of the file not read: " + x.getMessage()), true);
          break;
        }
        if (e == null) {
          break;
        }
        record++;
        counts.count(record, ftrace.accept(source, record, e));
      }
    }
    ftrace.finish();
    return counts.accounting(TRACE_DAT_READER, "records");
  }

  /**
   * One text input read line after line on the calling thread: the first {@link FormatSniffer#SNIFF_LINES}
   * lines choose the wrapping reader ({@link TextRun.Setup}), then every line is read in order.
   */
  private static LineAccounting readLines(BoundedLineReader lines, boolean bytes, String source,
      ReadOptions options, Consumer<OomEvent> sink) throws IOException {
    List<RawLine> head = head(lines);
    RawLine l;
    TextRun run = new TextRun(source, options, TextRun.Setup.sniff(head, options.reader()), sink);
    for (RawLine h : head) {
      run.line(h);
    }
    if (bytes) {
      ByteLine v = new ByteLine();
      while (lines.next(v)) {
        run.line(v);
      }
    } else {
      while ((l = lines.next()) != null) {
        run.line(l);
      }
    }
    run.finish();
    return run.accounting();
  }
}
