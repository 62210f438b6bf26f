package dev.oomspec.conformance.cli;

import dev.oomspec.conformance.replay.ReplayViews;
import dev.oomspec.reports.CsvWriter;
import dev.oomspec.reports.EventView;
import dev.oomspec.reports.HtmlReport;
import dev.oomspec.reports.JsonLinesWriter;
import dev.oomspec.reports.ReplayReport;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.replay.ReplayCorpus;
import dev.oomspec.traces.replay.ReplayEngine;
import dev.oomspec.traces.replay.ReplayPipeline;
import dev.oomspec.traces.replay.ReplayResult;
import dev.oomspec.traces.replay.Verdict;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oomspec replay [--format text|json|csv|html] [--out PATH] [--kernel VERSION] [FILE…|-]}: replays every
 * OOM report of the inputs (the bundled corpus when none is given) through the reference model and says whether
 * the model picks the kernel's victim. Exit 0 when no event disagrees, 1 when one does, 2 for unusable input or
 * arguments.
 */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    description = {
      "Replay recorded OOM reports through the reference model: agree, disagree (with both sides' top"
          + " candidates) or undecidable (with the reason).",
      "With no FILE, replays the bundled corpus of real reports (traces/corpus/INDEX.tsv)."
    })
public final class ReplayCommand implements Callable<Integer> {

  enum Format { text, json, csv, html }

  @Spec CommandSpec spec;

  @Option(names = "--format", defaultValue = "text", description = "text (default), json (one object per event), csv, html")
  Format format;

  @Option(names = "--out", paramLabel = "PATH", description = "write the output here instead of stdout")
  Path out;

  @Option(names = "--kernel", paramLabel = "VERSION",
      description = "replay every event with this kernel version's rules instead of the one the report prints")
  String kernel;

  @Option(names = "--reader", paramLabel = "NAME", description = "force a wrapping reader instead of sniffing")
  String reader;

  @Option(names = "--jobs", paramLabel = "N", description = "replay threads (default: the number of CPUs)")
  Integer jobs;

  @Option(names = "--candidates", defaultValue = "5", paramLabel = "N", description = "candidates per event in json/html (default 5)")
  int candidates;

  @Parameters(arity = "0..*", paramLabel = "FILE", description = "log files; - reads stdin; none: the bundled corpus")
  List<String> files = new ArrayList<>();

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    if (kernel != null) {
      try {
        dev.oomspec.reference.profile.KernelVersion.parse(kernel);
      } catch (IllegalArgumentException e) {
        err.println("--kernel: " + e.getMessage());
        return 2;
      }
    }
    if (candidates < 1) {
      err.println("--candidates must be at least 1");
      return 2;
    }
    List<Input> inputs = new ArrayList<>();
    ReplayCorpus corpus = null;
    try {
      if (files.isEmpty()) {
        corpus = ReplayCorpus.locate(repoRoot());
        for (ReplayCorpus.Entry e : corpus.entries()) inputs.add(new Input(corpus.displayName(e), corpus, e, null));
      } else {
        for (String f : files) inputs.add(new Input(f.equals("-") ? "<stdin>" : f, null, null, f.equals("-") ? null : Path.of(f)));
      }
    } catch (IOException e) {
      err.println("oomspec replay: " + e.getMessage());
      return 2;
    }
    int workers = jobs != null ? Math.max(1, jobs) : Runtime.getRuntime().availableProcessors();
    Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) counts.put(v, 0L);
    long[] skipped = {0};
    boolean unusable = false;
    ReplayEngine engine = new ReplayEngine(kernel, format == Format.html);
    try (Writer w = open(); ReplayPipeline pipeline = new ReplayPipeline(engine, workers)) {
      Sink sink = sink(w);
      Progress progress = Progress.forTerminal(err, inputs.size());
      for (Input in : inputs) {
        try {
          ReadOptions options = ReadOptions.defaults().withReader(reader);
          ReplayPipeline.Summary sum;
          Consumer<Rendered> results = r -> {
            counts.merge(r.verdict(), 1L, Long::sum);
            sink.accept(r, in);
            progress.event();
          };
          if (in.path() != null) { // a file: replayed (and its JSON made) on the threads that read it
            sum = pipeline.run(in.path(), in.name, options, sink::rendered, results, sk -> skipped[0]++);
          } else {
            try (InputStream s = in.open()) {
              sum = pipeline.run(s, in.name, options, r -> results.accept(sink.rendered(r)), sk -> skipped[0]++);
            }
          }
          if (format != Format.text || inputs.size() > 1) {
            // the accounting of each input, like `oomspec events`
            err.println(sum.accounting().summary());
          }
        } catch (NoSuchFileException e) {
          err.println("oomspec replay: " + e.getFile() + ": no such file");
          unusable = true;
        } catch (IOException e) {
          err.println("oomspec replay: " + in.name + ": " + e.getMessage());
          unusable = true;
        }
        progress.input();
      }
      progress.done();
      sink.finish(counts, skipped[0]);
    } catch (IOException | UncheckedIOException e) {
      err.println("oomspec replay: " + e.getMessage());
      return 2;
    }
    err.flush();
    if (unusable) return 2;
    return counts.get(Verdict.DISAGREE) > 0 ? 1 : 0;
  }

  private Path repoRoot() {
    String p = System.getProperty("oomspec.repo.root");
    return p == null ? null : Path.of(p);
  }

  private Writer open() throws IOException {
    if (out == null) {
      return Utf8Out.stdout(); // never closed, only flushed
    }
    if (out.getParent() != null) Files.createDirectories(out.getParent());
    return Utf8Out.of(Files.newOutputStream(out));
  }

  /** One input: a corpus entry or a file / stdin. */
  private record Input(String name, ReplayCorpus corpus, ReplayCorpus.Entry entry, Path path) {
    InputStream open() throws IOException {
      if (corpus != null) return corpus.open(entry);
      if (path == null) return System.in;
      return Files.newInputStream(path);
    }

    List<String> lines(long first, long last) {
      return corpus == null ? List.of() : corpus.lines(entry, first, last);
    }
  }

  /**
   * What is kept of a replay until it is written in input order: its verdict, and either the bytes the output
   * format made of it on the thread that replayed it (JSON) or the result itself.
   */
  private record Rendered(Verdict verdict, byte[] bytes, ReplayResult result) {}

  private interface Sink {
    /** Runs on the thread that replayed the event: the result, or only its bytes when the format made them. */
    default Rendered rendered(ReplayResult r) {
      byte[] b = render(r);
      return new Rendered(r.verdict(), b, b == null ? r : null);
    }

    /** The bytes of one event in the output, made on the thread that replayed it; null: made in accept(). */
    default byte[] render(ReplayResult r) {
      return null;
    }

    /** Runs on the command's thread, in input order. */
    void accept(Rendered r, Input in);

    void finish(Map<Verdict, Long> counts, long skipped) throws IOException;
  }

  private Sink sink(Writer w) throws IOException {
    return switch (format) {
      case json -> {
        ThreadLocal<JsonLine> lines = ThreadLocal.withInitial(() -> new JsonLine(candidates));
        yield new Sink() {
          public byte[] render(ReplayResult r) {
            return lines.get().bytes(ReplayViews.view(r, candidates, null));
          }

          public void accept(Rendered r, Input in) {
            io(() -> Utf8Out.write(w, r.bytes()));
          }

          public void finish(Map<Verdict, Long> c, long s) throws IOException {
            w.flush();
          }
        };
      }
      case csv -> {
        CsvWriter.EventRows rows = CsvWriter.eventRows(w);
        yield new Sink() {
          public void accept(Rendered r, Input in) {
            io(() -> rows.write(ReplayViews.view(r.result(), candidates, null)));
          }

          public void finish(Map<Verdict, Long> c, long s) throws IOException {
            rows.flush();
          }
        };
      }
      case html -> {
        List<EventView> views = new ArrayList<>();
        yield new Sink() {
          public void accept(Rendered rr, Input in) {
            ReplayResult r = rr.result();
            views.add(ReplayViews.view(r, Math.max(candidates, 10), in.lines(r.input().firstLine(), r.input().lastLine())));
          }

          public void finish(Map<Verdict, Long> c, long s) throws IOException {
            new HtmlReport().write(ReplayReport.of("oomspec replay", "", views), w);
          }
        };
      }
      case text -> new Sink() {
        public void accept(Rendered r, Input in) {
          io(() -> w.write(TextSummary.line(r.result()) + System.lineSeparator()));
        }

        public void finish(Map<Verdict, Long> c, long s) throws IOException {
          w.write(TextSummary.totals(c, s) + System.lineSeparator());
          w.flush();
        }
      };
    };
  }

  /** One thread's JSON-lines writer (the reports module's, one format) made into UTF-8 bytes per event. */
  private static final class JsonLine {
    private final CharArrayWriter chars = new CharArrayWriter(1024);
    private final JsonLinesWriter writer;

    JsonLine(int candidates) {
      try {
        writer = new JsonLinesWriter(chars, candidates);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    byte[] bytes(EventView v) {
      chars.reset();
      io(() -> {
        writer.write(v);
        writer.flush();
      });
      return chars.toString().getBytes(StandardCharsets.UTF_8);
    }
  }

  private interface IoAction {
    void run() throws IOException;
  }

  private static void io(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
