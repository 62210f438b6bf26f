package dev.oomspec.conformance.cli;

import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.input.Compression;
import dev.oomspec.traces.input.Content;
import dev.oomspec.traces.input.LogInputs;
import dev.oomspec.traces.input.OpenedInput;
import dev.oomspec.traces.replay.ReplayCorpus;
import dev.oomspec.traces.replay.ReplayEngine;
import dev.oomspec.traces.replay.ReplayPipeline;
import dev.oomspec.traces.replay.ReplayResult;
import dev.oomspec.traces.replay.Verdict;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import dev.oomspec.traces.policy.CaptureSidecar;
import dev.oomspec.traces.policy.PolicyCatalog;
import dev.oomspec.traces.policy.PolicyLab;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oomspec replay [--format text|json|csv|html] [--out PATH] [--kernel VERSION] [FILE…|-]}: replays every
 * OOM report of the inputs (the bundled corpus when none is given) through the reference model and says whether
 * the model picks the kernel's victim. Inputs may be compressed (gzip, xz, zstd, bzip2, by content); paths are the
 * caller's. Exit 0 when no event disagrees, 1 when one does, 2 for unusable input (missing, binary, damaged, or no
 * OOM event in any input).
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

  @Option(names = "--out", paramLabel = "PATH", description = "write the output here instead of stdout (relative to the current directory)")
  Path out;

  @Option(names = "--kernel", paramLabel = "VERSION", converter = ArgConverters.Kernel.class,
      description = "replay every event with this kernel version's rules (2.6 to the newest the model knows) instead of the one the report prints")
  String kernel;

  @Option(names = "--reader", paramLabel = "NAME", converter = ArgConverters.ReaderName.class,
      description = "force a wrapping reader instead of sniffing: ${COMPLETION-CANDIDATES}",
      completionCandidates = EventsCommand.ReaderNames.class)
  String reader;

  @Option(names = "--jobs", paramLabel = "N", converter = ArgConverters.Positive.class,
      description = "replay threads, at least 1 (default: the number of CPUs)")
  Integer jobs;

  @Option(names = "--candidates", defaultValue = "5", paramLabel = "N", converter = ArgConverters.Positive.class,
      description = "candidates per event in json/html, at least 1 (default 5)")
  int candidates;

  @Option(names = "--policy", paramLabel = "NAME[=ARG][,…]",
      description = "also replay each event through these BPF OOM policies (docs/policies.md): test-oom, test-oomd,"
          + " largest-rss, largest-cgroup, cgroup-priority=RULES, youngest-first, or a policy of --policy-jar / a class name")
  String policy;

  @Option(names = "--policy-jar", paramLabel = "JAR",
      description = "a jar with your own policies (PolicyProvider in META-INF/services, or OomPolicy classes named in --policy); repeatable")
  List<Path> policyJars = new ArrayList<>();

  @Option(names = "--revision", paramLabel = "v3|post", defaultValue = "v3", converter = ArgConverters.SeriesRevision.class,
      description = "the series revision the policies run on: v3 (default: the last revision posted for review) or post (the author's later tree)")
  dev.oomspec.reference.policy.Revision revision;

  @Option(names = {"-q", "--quiet"}, description = "no line accounting and no progress on stderr (errors are still printed)")
  boolean quiet;

  @Parameters(arity = "0..*", paramLabel = "FILE",
      description = "log files, plain or gzip/xz/zstd/bzip2 (by content); - reads stdin; none: the bundled corpus")
  List<String> files = new ArrayList<>();

  /** One input: a corpus entry or a named file / stdin. */
  private record Input(String name, ReplayCorpus corpus, ReplayCorpus.Entry entry, Inputs.Named named) {}

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    PolicyLab lab = null;
    if (policy != null) {
      try {
        lab = new PolicyLab(PolicyCatalog.load(policyJars).parse(policy), revision);
      } catch (IllegalArgumentException e) {
        throw new CommandLine.ParameterException(spec.commandLine(), e.getMessage());
      }
    } else if (!policyJars.isEmpty()) {
      throw new CommandLine.ParameterException(spec.commandLine(), "--policy-jar without --policy: name the policies to run");
    }
    List<Input> inputs = new ArrayList<>();
    long totalBytes = -1;
    if (files.isEmpty()) {
      ReplayCorpus corpus;
      try {
        corpus = ReplayCorpus.locate(repoRoot());
      } catch (IOException e) {
        err.println("oomspec replay: " + e.getMessage());
        return 2;
      }
      for (ReplayCorpus.Entry e : CorpusSelection.replayed(corpus)) {
        inputs.add(new Input(corpus.displayName(e), corpus, e, null));
      }
    } else {
      String note = Inputs.reorderNote(files);
      if (note != null && !quiet) {
        err.println(note);
      }
      List<Inputs.Named> named = Inputs.of(files);
      totalBytes = Inputs.totalBytes(named);
      for (Inputs.Named n : named) {
        inputs.add(new Input(n.stdin() ? "<stdin>" : n.name(), null, null, n));
      }
    }
    int workers = jobs != null ? jobs : Runtime.getRuntime().availableProcessors();
    Map<Verdict, Long> counts = new EnumMap<>(Verdict.class);
    for (Verdict v : Verdict.values()) {
      counts.put(v, 0L);
    }
    Map<String, Long> skippedByOrigin = new LinkedHashMap<>();
    boolean unusable = false;
    ReplayEngine engine = new ReplayEngine(kernel, format == Format.html);
    Progress progress = Progress.forStderr(err, inputs.size(), totalBytes, quiet);
    dev.oomspec.reports.PolicyTally sinkTally = new dev.oomspec.reports.PolicyTally();
    try (Writer w = open(); ReplayPipeline pipeline = new ReplayPipeline(engine, workers)) {
      ReplaySink sink = ReplaySink.of(format, w, candidates, version(),
          lab == null ? List.of() : lab.policies().stream().map(p -> p.name()).toList()).withPolicies(lab, sinkTally);
      for (Input in : inputs) {
        long countedBefore = progress.bytes().get();
        Inputs.Opening o = in.corpus != null ? corpusInput(in, progress) : Inputs.open(in.named, progress.bytes());
        if (o instanceof Inputs.Failed f) {
          progress.clear();
          err.println("oomspec replay: " + f.message());
          unusable = true;
          progress.input();
          continue;
        }
        Path spooled = null;
        java.util.function.Consumer<ReplayPipeline.Skipped> skip = sk -> {
          skippedByOrigin.merge(SkippedLine.kind(sk.event()), 1L, Long::sum);
          sink.skipped(sk.event());
          progress.event();
        };
        try (OpenedInput opened = ((Inputs.Opened) o).input()) {
          if (opened.content() instanceof Content.Empty) {
            progress.clear();
            if (!quiet) {
              err.println(in.name + opened.compressionNote() + ": empty");
            }
            progress.input();
            continue;
          }
          OpenedInput reading = opened;
          if (format == Format.html && in.named != null && in.named.stdin()) {
            spooled = Files.createTempFile("replay-stdin-", ".log"); // re-read for the original lines
            Files.copy(opened.stream(), spooled, StandardCopyOption.REPLACE_EXISTING);
            reading = LogInputs.open(spooled);
          }
          SourceLines lines = in.corpus != null ? SourceLines.corpus(in.corpus, in.entry)
              : opened.content() instanceof Content.TraceDat ? SourceLines.none()
              : SourceLines.file(spooled != null ? spooled : in.named.path());
          sink.startInput(lines, lab == null ? null : sidecar(in));
          ReadOptions options = ReadOptions.defaults().withReader(reader);
          ReplayPipeline.Summary sum;
          if (spooled == null && in.named != null && !in.named.stdin()
              && opened.compression() == Compression.NONE) {
            // a plain file: read by path (a large one in chunks, in parallel), each event replayed and made into
            // its output on the thread that read it; its bytes counted again as they are read
            opened.close();
            progress.bytes().addAndGet(countedBefore - progress.bytes().get());
            sum = pipeline.run(in.named.path(), in.name, options.withProgress(progress.bytes()::addAndGet),
                sink::render, r -> {
                  counts.merge(r.verdict(), 1L, Long::sum);
                  sink.accept(r);
                  progress.event();
                }, skip);
          } else {
            try (OpenedInput r = reading) {
              sum = pipeline.runWithEvents(r.stream(), in.name, options,
                  (OomEvent ev, ReplayResult res) -> {
                    counts.merge(res.verdict(), 1L, Long::sum);
                    sink.accept(sink.render(ev, res));
                    progress.event();
                  }, skip);
            }
          }
          sink.endInput();
          progress.clear();
          if (!quiet) {
            err.println(Accounting.summary(sum.accounting(), opened.compressionNote()) + ", "
                + sum.replayed() + " replayed" + (sum.skipped() > 0 ? ", " + sum.skipped() + " without a kernel report" : ""));
            Accounting.malformed(sum.accounting(), err, 10);
          }
        } catch (IOException | RuntimeException e) {
          progress.clear();
          err.println("oomspec replay: " + in.name + ": unreadable: " + Inputs.oneLine(e));
          unusable = true;
        } finally {
          if (spooled != null) {
            Files.deleteIfExists(spooled);
          }
        }
        progress.input();
      }
      progress.clear();
      sink.finish(counts, skippedByOrigin, generatedAt());
    } catch (IOException | UncheckedIOException e) {
      progress.clear();
      err.println("oomspec replay: " + (out == null ? "" : out + ": ") + Inputs.oneLine(e));
      return 2;
    }
    long events = counts.values().stream().mapToLong(Long::longValue).sum()
        + skippedByOrigin.values().stream().mapToLong(Long::longValue).sum();
    if (events == 0) {
      err.println("oomspec replay: no OOM event found in any input");
    }
    if (format != Format.text && !skippedByOrigin.isEmpty() && !quiet) {
      err.println(TextSummary.skipped(skippedByOrigin));
    }
    if (format != Format.text && format != Format.html && !quiet && lab != null) {
      for (dev.oomspec.reports.PolicyTally.Row row : sinkTally.rows()) {
        err.println("policies: " + row.sentence());
      }
    }
    err.flush();
    if (unusable || events == 0) {
      return 2;
    }
    return counts.get(Verdict.DISAGREE) > 0 ? 1 : 0;
  }

  /** The capture JSON beside a named file or bundled corpus file (none for stdin or a corpus read from the jar). */
  private static CaptureSidecar sidecar(Input in) {
    if (in.named != null) {
      return in.named.stdin() ? null : CaptureSidecar.beside(in.named.path());
    }
    String where = in.corpus.location();
    return where.startsWith("classpath:") ? null : CaptureSidecar.beside(Path.of(where).resolve(in.entry.file()));
  }

  private Inputs.Opening corpusInput(Input in, Progress progress) {
    try {
      return new Inputs.Opened(LogInputs.open(new CountingInputStream(in.corpus.open(in.entry), progress.bytes())));
    } catch (IOException e) {
      return new Inputs.Failed(in.name + ": " + Inputs.oneLine(e));
    }
  }

  private String version() {
    String[] v = spec.root().version();
    return v.length == 0 ? "oomspec" : v[0];
  }

  private static String generatedAt() {
    return java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'")
        .format(java.time.OffsetDateTime.now(java.time.ZoneOffset.UTC));
  }

  private Path repoRoot() {
    String p = System.getProperty("oomspec.repo.root");
    return p == null ? null : Path.of(p);
  }

  private Writer open() throws IOException {
    if (out == null) {
      return spec.commandLine().getOut(); // the process's stdout is only flushed when closed (Utf8Out.stdout())
    }
    Path parent = out.toAbsolutePath().getParent();
    if (parent != null) {
      Files.createDirectories(parent);
    }
    return Utf8Out.of(Files.newOutputStream(out));
  }
}
