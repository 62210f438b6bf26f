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
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
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
    // UTF-8, malformed bytes replaced: as an InputStreamReader with a replacing decoder, without its copies
    return new Run(source, options, sink).run(new BoundedLineReader(b, options.maxLineLength()));
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
    long total = 0;
    long event = 0;
    long unrelated = 0;
    long malformed = 0;
    List<Malformed> listed = new ArrayList<>();
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

  /**
   * One text input. Reading, cleaning and the wrapping reader's decoding of the lines after the sniffed head
   * run on a decode thread ({@link Decoder}) that hands them in batches, in input order, through a bounded
   * queue to the calling thread, which assembles events, counts every line and calls the
   * {@link ReadOptions#lineListener() line listener}, in input order. Inputs no longer than the sniffed head are
   * read on the calling thread alone.
   */
  private static final class Run {
    /** Lines per batch handed from the decode thread; a batch also ends after {@link #BATCH_CHARS} chars. */
    static final int BATCH_LINES = 2048;
    static final int BATCH_CHARS = 256 * 1024;
    /** Batches waiting in the queue (bounded memory whatever the input size). */
    static final int QUEUE_BATCHES = 4;
    /** Ring of the most recent dispositions (lines adopted after they were counted unrelated). */
    static final int RECENT = OomReportAssembler.MAX_TENTATIVE_LINES + 64;

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
    boolean elisionsApart;
    int indent;
    /** Dispositions of the most recent {@link #RECENT} lines, by line number modulo the size. */
    final Disposition.Kind[] recent = new Disposition.Kind[RECENT];
    long newestRecent;

    Run(String source, ReadOptions options, Consumer<OomEvent> sink) {
      this.source = source;
      this.options = options;
      this.sink = sink;
      this.reports = new OomReportAssembler(source, sink, this::adopt);
      this.ftrace = new FtraceOomAssembler(sink);
    }

    /** Lines counted unrelated that a report took after all (its header was cut; see OomReportAssembler). */
    private void adopt(List<Long> lines) {
      for (Long n : lines) {
        if (n > newestRecent || n <= newestRecent - RECENT) {
          continue;
        }
        int i = (int) Math.floorMod(n, (long) RECENT);
        if (recent[i] == Disposition.Kind.UNRELATED) {
          recent[i] = Disposition.Kind.EVENT;
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
      elisionsApart = !reader.name().equals("journal-json");
      if (head.size() < FormatSniffer.SNIFF_LINES) { // the whole input is in the head
        for (RawLine l : head) {
          one(l, prepare(l, false));
        }
      } else {
        pipelined(head, lines);
      }
      reports.finish();
      ftrace.finish();
      return new LineAccounting(source, reader.name(), total, event, unrelated, malformed, listed);
    }

    /** Lines read and decoded on the decode thread, assembled here. */
    private void pipelined(Deque<RawLine> head, BoundedLineReader lines) throws IOException {
      Decoder d = new Decoder(head, lines);
      Thread t = new Thread(d, "oomspec-decode");
      t.setDaemon(true);
      t.start();
      boolean done = false;
      try {
        while (true) {
          Batch b;
          try {
            b = d.queue.take();
          } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("reading interrupted");
          }
          for (int i = 0; i < b.size; i++) {
            one(b.raw[i], b.prepared[i]);
          }
          if (b.failure != null) {
            rethrow(b.failure);
          }
          if (b.last) {
            done = true;
            break;
          }
        }
      } finally {
        if (!done) {
          d.cancelled = true; // the decode thread stops at its next batch
          d.queue.clear();
        }
      }
      try {
        t.join();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }

    private static void rethrow(Throwable x) throws IOException {
      if (x instanceof IOException io) {
        throw io;
      }
      if (x instanceof RuntimeException re) {
        throw re;
      }
      if (x instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException(x);
    }

    /** Lines with what the decode thread made of them; {@code failure} ends the input after them. */
    private static final class Batch {
      final RawLine[] raw = new RawLine[BATCH_LINES];
      final Object[] prepared = new Object[BATCH_LINES];
      int size;
      boolean last;
      Throwable failure;
    }

    /** Reads, cleans and decodes lines in order and queues them in batches. */
    private final class Decoder implements Runnable {
      final BlockingQueue<Batch> queue = new ArrayBlockingQueue<>(QUEUE_BATCHES);
      final Deque<RawLine> head;
      final BoundedLineReader lines;
      volatile boolean cancelled;

      Decoder(Deque<RawLine> head, BoundedLineReader lines) {
        this.head = head;
        this.lines = lines;
      }

      @Override
      public void run() {
        Batch b = new Batch();
        try {
          long chars = 0;
          RawLine l;
          boolean fromHead;
          while ((l = (fromHead = !head.isEmpty()) ? head.removeFirst() : lines.next()) != null) {
            b.raw[b.size] = l;
            b.prepared[b.size] = prepare(l, fromHead ? false : lines.plain());
            b.size++;
            chars += l.text().length();
            if (b.size == BATCH_LINES || chars >= BATCH_CHARS) {
              if (!hand(b)) {
                return;
              }
              b = new Batch();
              chars = 0;
            }
          }
          b.last = true;
        } catch (Throwable x) {
          b.failure = x;
          b.last = true;
        }
        hand(b);
      }

      /** Queues a batch; false when the reading side gave up. */
      private boolean hand(Batch b) {
        try {
          while (!cancelled) {
            if (queue.offer(b, 50, TimeUnit.MILLISECONDS)) {
              return true;
            }
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
        return false;
      }
    }

    /** An elision marker on a line of its own (handed to the assembler as such). */
    private record Elision(String text) {}

    /**
     * The decode-thread part of one line: cleaned and decoded by the wrapping reader. Returns the
     * {@link Decoded}, an {@link Elision}, a malformed {@link Disposition} when the reader failed, or null for a
     * line that is too long.
     */
    private Object prepare(RawLine l, boolean plain) {
      if (l.tooLong()) {
        return null;
      }
      String text = dedent(LineCleaner.clean(l.text(), plain));
      if (elisionsApart && OomReportAssembler.isElision(text)) {
        return new Elision(text);
      }
      try {
        return reader.decode(source, l.number(), text);
      } catch (RuntimeException e) {
        return Disposition.malformed(reader.name() + " reader failed: " + e);
      }
    }

    private void one(RawLine l, Object prepared) {
      total++;
      Disposition d;
      if (l.tooLong()) {
        d = Disposition.malformed("line of " + l.length() + " chars exceeds the limit of "
            + options.maxLineLength() + "; skipped");
      } else {
        d = assemble(l, prepared);
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
      long n = l.number();
      recent[(int) Math.floorMod(n, (long) RECENT)] = d.kind();
      newestRecent = Math.max(newestRecent, n);
      if (options.lineListener() != null) {
        options.lineListener().line(n, l.text(), d);
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

    private Disposition assemble(RawLine l, Object prepared) {
      if (prepared instanceof Disposition failed) {
        return failed;
      }
      if (prepared instanceof Elision e) {
        return reports.elision(l.number(), e.text());
      }
      Decoded dec = (Decoded) prepared;
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
