package dev.oomspec.conformance.cli;

import dev.oomspec.conformance.replay.ReplayDetails;
import dev.oomspec.conformance.replay.ReplayViews;
import dev.oomspec.reports.CsvWriter;
import dev.oomspec.reports.EventView;
import dev.oomspec.reports.HtmlReport;
import dev.oomspec.reports.JsonLinesWriter;
import dev.oomspec.reports.NoReportView;
import dev.oomspec.reports.PolicyTally;
import dev.oomspec.reports.PolicyView;
import dev.oomspec.traces.policy.CaptureSidecar;
import dev.oomspec.traces.policy.PolicyLab;
import dev.oomspec.reports.ReplayReport;
import dev.oomspec.reports.VerdictCounts;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.replay.ReplayResult;
import dev.oomspec.traces.replay.Verdict;
import java.io.CharArrayWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where replay results go, per output format. {@link #render} runs on the thread that replayed an event (any
 * thread); {@link #accept} and {@link #skipped} are called in input order (on the pipeline's writer thread or the
 * calling thread, between {@link #startInput} and {@link #endInput} on the calling thread).
 */
abstract class ReplaySink {

  /**
   * What is kept of one replayed event until it is written: its verdict, and either the bytes the format made of
   * it (JSON) or the event and its result.
   */
  record Rendered(Verdict verdict, byte[] bytes, OomEvent event, ReplayResult result, List<PolicyView> policies) {}

  /** The policies to replay each event through ({@code --policy}), or null. */
  private PolicyLab lab;
  /** The capture JSON beside the current input, or null; read by the replaying threads. */
  private volatile CaptureSidecar sidecar;
  /** The fleet summary, counted in input order. */
  PolicyTally tally = new PolicyTally();

  /** @param tally where the fleet summary is counted (the caller prints it) */
  ReplaySink withPolicies(PolicyLab lab, PolicyTally tally) {
    this.lab = lab;
    this.tally = tally;
    return this;
  }

  void startInput(SourceLines lines) {}

  /** Before an input: its source lines, and its capture JSON (null when none or stdin). */
  void startInput(SourceLines lines, CaptureSidecar sidecar) {
    this.sidecar = sidecar;
    startInput(lines);
  }

  /** The policies on one event (on the thread that replayed it); empty without {@code --policy}. */
  List<PolicyView> policies(OomEvent event) {
    return lab == null ? List.of() : ReplayViews.policies(lab.evaluate(event, sidecar));
  }

  /** Made on the thread that replayed the event: what {@link #accept} will need of it. */
  Rendered render(OomEvent event, ReplayResult result) {
    return new Rendered(result.verdict(), null, event, result, policies(event));
  }

  /** One replayed event, in input order. */
  void accept(Rendered r) {
    tally.add(r.policies());
    accept(r.event(), r.result(), r.policies());
  }

  abstract void accept(OomEvent event, ReplayResult result, List<PolicyView> policies);

  void skipped(OomEvent event) {}

  void endInput() {}

  abstract void finish(Map<Verdict, Long> counts, Map<String, Long> skipped, String generatedAt) throws IOException;

  static ReplaySink of(ReplayCommand.Format format, Writer w, int candidates, String version) throws IOException {
    return of(format, w, candidates, version, List.of());
  }

  /** @param policyNames the {@code --policy} names, for the CSV columns */
  static ReplaySink of(ReplayCommand.Format format, Writer w, int candidates, String version, List<String> policyNames)
      throws IOException {
    return switch (format) {
      case json -> new Json(w, candidates);
      case csv -> new Csv(w, candidates, policyNames);
      case html -> new Html(w, candidates, version);
      case text -> new Text(w);
    };
  }

  static void io(IoAction a) {
    try {
      a.run();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  interface IoAction {
    void run() throws IOException;
  }

  /** One object per line, made into UTF-8 bytes on the thread that replayed the event. */
  private static final class Json extends ReplaySink {
    final Writer w;
    final int candidates;
    final ThreadLocal<JsonLine> lines;

    Json(Writer w, int candidates) {
      this.w = w;
      this.candidates = candidates;
      this.lines = ThreadLocal.withInitial(() -> new JsonLine(candidates));
    }

    @Override
    Rendered render(OomEvent event, ReplayResult r) {
      List<PolicyView> p = policies(event);
      return new Rendered(r.verdict(), lines.get().bytes(ReplayViews.view(r, candidates, null).withPolicies(p)), null,
          null, p);
    }

    @Override
    void accept(Rendered r) {
      tally.add(r.policies());
      io(() -> Utf8Out.write(w, r.bytes()));
    }

    @Override
    void accept(OomEvent event, ReplayResult r, List<PolicyView> p) {
      accept(render(event, r));
    }

    @Override
    void finish(Map<Verdict, Long> c, Map<String, Long> s, String at) throws IOException {
      w.flush();
    }
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

  private static final class Csv extends ReplaySink {
    final CsvWriter.EventRows rows;
    final int candidates;

    Csv(Writer w, int candidates, List<String> policyNames) throws IOException {
      this.rows = CsvWriter.eventRows(w, policyNames);
      this.candidates = candidates;
    }

    @Override
    void accept(OomEvent event, ReplayResult r, List<PolicyView> p) {
      io(() -> rows.write(ReplayViews.view(r, candidates, null).withPolicies(p)));
    }

    @Override
    void finish(Map<Verdict, Long> c, Map<String, Long> s, String at) throws IOException {
      rows.flush();
    }
  }

  private static final class Text extends ReplaySink {
    final Writer w;

    Text(Writer w) {
      this.w = w;
    }

    @Override
    void accept(OomEvent event, ReplayResult r, List<PolicyView> p) {
      io(() -> w.write(TextSummary.line(r) + System.lineSeparator()));
      for (PolicyView v : p) {
        io(() -> w.write(TextSummary.policyLine(v) + System.lineSeparator()));
      }
    }

    @Override
    void skipped(OomEvent event) {
      io(() -> w.write(SkippedLine.line(event) + System.lineSeparator()));
    }

    @Override
    void finish(Map<Verdict, Long> c, Map<String, Long> s, String at) throws IOException {
      w.write(TextSummary.totals(c, s) + System.lineSeparator());
      for (PolicyTally.Row row : tally.rows()) {
        w.write(row.sentence() + System.lineSeparator());
      }
      w.flush();
    }
  }

  /**
   * The page: every event in the table; the events that get a full section (the first
   * {@code maxAgreeSections} agree and {@code maxOtherSections} others, as {@link HtmlReport} chooses) get their
   * original lines, read again from the input when it ends.
   */
  private static final class Html extends ReplaySink {
    final Writer w;
    final int candidates;
    final String version;
    final HtmlReport.Options options = HtmlReport.Options.defaults();
    final List<EventView> views = new ArrayList<>();
    final List<NoReportView> unreplayed = new ArrayList<>();
    final List<Object[]> pending = new ArrayList<>(); // {event, result, index in views}
    SourceLines lines = SourceLines.none();
    int agree;
    int other;

    Html(Writer w, int candidates, String version) {
      this.w = w;
      this.candidates = Math.max(candidates, 10);
      this.version = version;
    }

    @Override
    void startInput(SourceLines lines) {
      this.lines = lines;
    }

    @Override
    void accept(OomEvent event, ReplayResult r, List<PolicyView> p) {
      boolean detailed = r.verdict() == Verdict.AGREE ? agree++ < options.maxAgreeSections()
          : other++ < options.maxOtherSections();
      if (detailed) {
        pending.add(new Object[] {event, r, views.size(), p});
        views.add(null); // filled with its lines at the end of the input
      } else {
        views.add(ReplayViews.view(r, candidates, null, event, ReplayViews.victims(p)).withPolicies(p));
      }
    }

    @Override
    void skipped(OomEvent event) {
      unreplayed.add(ReplayDetails.noReport(event));
    }

    @Override
    void endInput() {
      List<long[]> ranges = new ArrayList<>();
      for (Object[] p : pending) {
        ReplayResult r = (ReplayResult) p[1];
        ranges.add(new long[] {Math.max(1, r.input().firstLine()), Math.max(1, r.input().lastLine())});
      }
      List<List<String>> got = lines.lines(ranges);
      for (int i = 0; i < pending.size(); i++) {
        Object[] p = pending.get(i);
        @SuppressWarnings("unchecked")
        List<PolicyView> pol = (List<PolicyView>) p[3];
        views.set((Integer) p[2], ReplayViews.view((ReplayResult) p[1], candidates, got.get(i), (OomEvent) p[0],
            ReplayViews.victims(pol)).withPolicies(pol));
      }
      pending.clear();
    }

    @Override
    void finish(Map<Verdict, Long> c, Map<String, Long> s, String at) throws IOException {
      ReplayReport report = new ReplayReport("oomspec replay", at, VerdictCounts.of(views), views, List.of(),
          version, unreplayed);
      new HtmlReport(options).write(report, w);
    }
  }
}
