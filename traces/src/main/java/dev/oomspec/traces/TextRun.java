package dev.oomspec.traces;

import dev.oomspec.traces.assemble.Disposition;
import dev.oomspec.traces.assemble.FtraceOomAssembler;
import dev.oomspec.traces.assemble.OomReportAssembler;
import dev.oomspec.traces.assemble.ToolEvents;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.read.ByteDecoder;
import dev.oomspec.traces.read.ByteLine;
import dev.oomspec.traces.read.Decoded;
import dev.oomspec.traces.read.FormatSniffer;
import dev.oomspec.traces.read.KernelCursor;
import dev.oomspec.traces.read.KernelLine;
import dev.oomspec.traces.read.LineCleaner;
import dev.oomspec.traces.read.LineDecoder;
import dev.oomspec.traces.read.LogReader;
import dev.oomspec.traces.read.RawLine;
import dev.oomspec.traces.read.Readers;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/**
 * Reads the lines of one text input into events: each line cleaned, decoded by the wrapping reader and given to
 * the report or ftrace assembler, and counted. A line of printable ASCII goes through the reader's fast path
 * ({@link ByteDecoder}) when it has one — its text read in place by the report grammar — and every other line
 * through the reader's {@link LogReader#decode} from its String, so both read a line alike.
 *
 * <p>Events go to a sink that can be switched ({@link #to}): the parallel reader keeps those of a chunk's
 * warm-up lines from being emitted twice.
 */
final class TextRun {

  /** The wrapping reader and indentation chosen for an input from its first lines. */
  record Setup(String readerName, int indent) {

    /** From the first {@link FormatSniffer#SNIFF_LINES} lines ({@code forced}: a reader name, or null). */
    static Setup sniff(List<RawLine> head, String forced) {
      List<String> sample = new ArrayList<>();
      for (RawLine l : head) {
        if (!l.tooLong() && !l.text().isBlank()) {
          sample.add(LineCleaner.clean(l.text()));
        }
      }
      int indent = commonIndent(sample);
      if (forced != null) {
        return new Setup(Readers.byName(forced).name(), indent);
      }
      if (indent > 0) {
        sample.replaceAll(s -> dedent(s, indent));
      }
      return new Setup(FormatSniffer.pick(sample).name(), indent);
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
  }

  final String source;
  private final ReadOptions options;
  final LogReader reader;
  private final int indent;
  private final boolean elisionsApart;
  private final ByteDecoder fast;
  private final LineDecoder lines;
  final OomReportAssembler reports;
  final FtraceOomAssembler ftrace;
  LineCounts counts;
  /** False while a parallel worker reads the lines before its chunk: they are not counted. */
  boolean counting = true;
  private Consumer<OomEvent> target;

  TextRun(String source, ReadOptions options, Setup setup, Consumer<OomEvent> sink) {
    this.source = source;
    this.options = options;
    this.reader = Readers.byName(setup.readerName());
    this.indent = setup.indent();
    this.elisionsApart = !reader.name().equals("journal-json");
    this.fast = options.lineListener() == null ? reader.bytes() : null;
    this.lines = new LineDecoder(options.maxLineLength());
    this.target = sink;
    Consumer<OomEvent> events = e -> target.accept(e);
    this.reports = new OomReportAssembler(source, events, this::adopt);
    this.ftrace = new FtraceOomAssembler(events);
    this.counts = new LineCounts(source);
  }

  /** Events from now on go to {@code sink}. */
  void to(Consumer<OomEvent> sink) {
    target = sink;
  }

  private void adopt(List<Long> adopted) {
    if (counting) {
      counts.adopt(adopted);
    }
  }

  /** One line read as text (the sniffed head, or a line from a Reader). */
  void line(RawLine l) {
    one(l.number(), l, l.tooLong() ? null : prepare(l, false));
  }

  /** One line read as bytes. */
  void line(ByteLine v) {
    long n = v.number();
    if (v.tooLong()) {
      one(n, lines.raw(v), null);
      return;
    }
    if (fast != null && v.printable() && fastDecode(v)) {
      Disposition d = reports.accept(cursor);
      if (counting) {
        counts.count(n, d);
      }
      return;
    }
    RawLine l = lines.raw(v);
    one(n, l, l.tooLong() ? null : prepare(l, v.plain()));
  }

  /**
   * The fast path's reading of a printable line, after what {@link #prepare} does first: no quote prefix (else
   * declined), the indentation removed, not an elision marker (else declined).
   */
  private boolean fastDecode(ByteLine v) {
    byte[] b = v.bytes();
    int from = v.from();
    int to = v.to();
    int q = from;
    while (q < to && b[q] == ' ' && q - from < 4) {
      q++;
    }
    if (q < to && b[q] == '>') {
      return false; // a quote prefix: LineCleaner removes it
    }
    for (int k = 0; k < indent && from < to && b[from] == ' '; k++) {
      from++;
    }
    if (elisionsApart && elisionMarker(b, from, to)) {
      return false;
    }
    return fast.decode(v, from, cursor);
  }

  /** An ASCII elision marker ({@code ...}, {@code ....}, {@code [...]}) with blanks around it. */
  private static boolean elisionMarker(byte[] b, int from, int to) {
    while (from < to && (b[from] == ' ' || b[from] == '\t')) {
      from++;
    }
    while (to > from && (b[to - 1] == ' ' || b[to - 1] == '\t')) {
      to--;
    }
    int n = to - from;
    if (n < 3 || n > 5) {
      return false;
    }
    return OomReportAssembler.isElision(new String(b, from, n, java.nio.charset.StandardCharsets.ISO_8859_1));
  }

  private final ByteLine lineCursor = new ByteLine();
  /** The kernel line the fast path read, reused from line to line. */
  private final KernelCursor cursor = new KernelCursor();

  /**
   * The whole lines of {@code b[from, to)} (the last one may lack its {@code '\n'} at the end of the input),
   * numbered from {@code firstLine}; the number after the last.
   */
  long lines(byte[] b, int from, int to, long firstLine) {
    long n = firstLine;
    int i = from;
    ByteLine v = lineCursor;
    while (i < to) {
      int end = v.scan(b, i, to);
      v.number(n++);
      if (end - i > options.maxLineLength()) {
        long chars = v.printable() ? end - i : lines.chars(b, i, end - i);
        if (chars > options.maxLineLength()) {
          v.tooLong(chars);
        }
      }
      line(v);
      i = end + 1;
    }
    return n;
  }

  /** Ends the input: open reports are closed and emitted. */
  void finish() {
    reports.finish();
    ftrace.finish();
  }

  /** The state that decides how the lines after this point are read (compared by the parallel reader). */
  String state() {
    return reports.state() + "|ftrace:" + ftrace.state() + "|reader:" + reader.carried();
  }

  LineAccounting accounting() {
    return counts.accounting(reader.name(), "lines");
  }

  // ---- the general path --------------------------------------------------------------------------------

  /** An elision marker on a line of its own (handed to the assembler as such). */
  private record Elision(String text) {}

  /** What the reader made of a line's text: decoded, an elision marker, or why the reader failed. */
  private Object prepare(RawLine l, boolean plain) {
    String text = dedent(LineCleaner.clean(l.text(), plain), indent);
    if (elisionsApart && OomReportAssembler.isElision(text)) {
      return new Elision(text);
    }
    try {
      return reader.decode(source, l.number(), text);
    } catch (RuntimeException e) {
      return Disposition.malformed(reader.name() + " reader failed: " + e);
    }
  }

  /** Removes up to {@code indent} leading spaces. */
  static String dedent(String s, int indent) {
    int i = 0;
    while (i < indent && i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    return i == 0 ? s : s.substring(i);
  }

  private void one(long n, RawLine l, Object prepared) {
    Disposition d;
    if (l.tooLong()) {
      d = Disposition.malformed("line of " + l.length() + " chars exceeds the limit of "
          + options.maxLineLength() + "; skipped");
    } else {
      d = assemble(n, prepared);
    }
    if (counting) {
      counts.count(n, d);
    }
    if (options.lineListener() != null) {
      options.lineListener().line(n, l.text(), d);
    }
  }

  private Disposition assemble(long n, Object prepared) {
    if (prepared instanceof Disposition failed) {
      return failed;
    }
    if (prepared instanceof Elision e) {
      return reports.elision(n, e.text());
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
      target.accept(ToolEvents.of(t.kill()));
      return Disposition.EVENT;
    } else if (dec instanceof Decoded.Event ev) {
      target.accept(ev.event());
      return Disposition.EVENT;
    } else if (dec instanceof Decoded.Unrelated u) {
      return Disposition.unrelated(u.why());
    } else {
      return Disposition.malformed(((Decoded.Malformed) dec).why());
    }
  }
}
