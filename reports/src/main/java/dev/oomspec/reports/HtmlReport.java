package dev.oomspec.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.List;

/**
 * One self-contained HTML file for a {@link ReplayReport}: inline CSS, inline SVG, no scripts and no external address
 * except the caller's {@link Citation}s. The markup is also well-formed XML.
 *
 * <p>Streams to a {@link Writer} (encode it as UTF-8). The event table lists every event; full per-event sections
 * (chart, candidates, original lines) are written for the first {@link Options#maxOtherSections} disagree/undecidable
 * events and the first {@link Options#maxAgreeSections} agree events, in input order, with a note saying how many were
 * omitted.
 */
public final class HtmlReport {

  /**
   * @param chartTopN bars per chart
   * @param maxAgreeSections full sections for at most this many agree events
   * @param maxOtherSections full sections for at most this many disagree or undecidable events
   * @param maxCandidateRows rows in each candidates table
   */
  public record Options(
      int chartTopN, int maxAgreeSections, int maxOtherSections, int maxCandidateRows) {
    public Options {
      if (chartTopN < 1 || maxAgreeSections < 0 || maxOtherSections < 0 || maxCandidateRows < 1) {
        throw new IllegalArgumentException("bad options: " + this);
      }
    }

    public static Options defaults() {
      return new Options(SvgBarChart.DEFAULT_TOP_N, 25, 1000, 50);
    }
  }

  private final Options options;
  private final SvgBarChart chart;

  public HtmlReport() {
    this(Options.defaults());
  }

  public HtmlReport(Options options) {
    this.options = options;
    this.chart = new SvgBarChart(options.chartTopN());
  }

  public void write(ReplayReport report, Writer out) throws IOException {
    boolean[] detailed = chooseSections(report.events());
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n");
    out.write("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n<title>");
    Markup.text(report.title(), out);
    out.write("</title>\n<style>");
    out.write(HtmlStyle.CSS);
    out.write("</style>\n</head>\n<body>\n<header>\n<h1>");
    Markup.text(report.title(), out);
    out.write("</h1>\n");
    writeGenerated(report, out);
    out.write("</header>\n");
    writeSummary(report, out);
    PolicySections.writeSummary(report.events(), out);
    writeEventTable(report.events(), detailed, out);
    writeSections(report.events(), detailed, out);
    writeUnreplayed(report.unreplayed(), out);
    writeCitations(report.citations(), out);
    out.write("</body>\n</html>\n");
    out.flush();
  }

  /** {@code Generated <time> by <version>}, each part only when given. */
  private static void writeGenerated(ReplayReport report, Writer out) throws IOException {
    boolean at = !report.generatedAt().isBlank();
    boolean by = !report.version().isBlank();
    if (!at && !by) {
      return;
    }
    out.write("<p class=\"generated\">Generated");
    if (at) {
      out.write(" ");
      Markup.text(report.generatedAt(), out);
    }
    if (by) {
      out.write(" by ");
      Markup.text(report.version(), out);
    }
    out.write("</p>\n");
  }

  /** Events that were read but carry no kernel report: listed with what they say. */
  private static void writeUnreplayed(List<NoReportView> events, Writer out) throws IOException {
    if (events.isEmpty()) {
      return;
    }
    out.write("<section id=\"unreplayed\">\n<h2>Events without a kernel report (" + events.size()
        + ", not replayed)</h2>\n<p class=\"omitted\">ftrace events, OOM tools' lines and user-space killers'"
        + " kills name a victim but print no task table, so there is nothing to replay.</p>\n"
        + "<table class=\"events\">\n<thead><tr><th>Source</th><th>From</th><th>What it says</th></tr></thead>"
        + "\n<tbody>\n");
    for (NoReportView v : events) {
      out.write("<tr><td class=\"src\">");
      Markup.text(v.location(), out);
      out.write("</td><td>");
      Markup.text(v.origin(), out);
      out.write("</td><td>");
      Markup.text(v.says(), out);
      out.write("</td></tr>\n");
    }
    out.write("</tbody>\n</table>\n</section>\n");
  }

  /** What the reason column shows: the context's note when there is a context (no verdict repeated). */
  private static String shownReason(EventView e) {
    if (e.context() == null) {
      return e.reason();
    }
    return e.context().note() == null ? "" : e.context().note();
  }

  /** Which events get a full section: a pure function of the verdicts and the options. */
  boolean[] chooseSections(List<EventView> events) {
    boolean[] detailed = new boolean[events.size()];
    int agree = 0;
    int other = 0;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).verdict() == Verdict.AGREE) {
        detailed[i] = agree++ < options.maxAgreeSections();
      } else {
        detailed[i] = other++ < options.maxOtherSections();
      }
    }
    return detailed;
  }

  private static void writeSummary(ReplayReport report, Writer out) throws IOException {
    VerdictCounts c = report.counts();
    out.write("<section id=\"summary\">\n<h2>Summary</h2>\n<table class=\"counts\">\n");
    out.write("<thead><tr><th>Verdict</th><th>Events</th></tr></thead>\n<tbody>\n");
    for (Verdict v : Verdict.values()) {
      out.write("<tr><td>" + verdictBadge(v) + "</td><td class=\"num\">" + c.of(v) + "</td></tr>\n");
    }
    out.write("<tr class=\"total\"><td>total</td><td class=\"num\">" + c.total() + "</td></tr>\n");
    out.write("</tbody>\n</table>\n");
    SvgVerdictBar.writeInline(c, out);
    out.write("</section>\n");
  }

  private static void writeEventTable(List<EventView> events, boolean[] detailed, Writer out)
      throws IOException {
    out.write("<section id=\"events\">\n<h2>Events</h2>\n");
    if (events.isEmpty()) {
      out.write("<p class=\"empty\">No events recorded.</p>\n</section>\n");
      return;
    }
    boolean policies = PolicySections.any(events);
    out.write("<table class=\"events\">\n<thead><tr><th>#</th><th>Source</th><th>When</th><th>Scope</th>"
        + "<th>Kernel victim</th><th>Model victim</th><th>Verdict</th><th>Why</th>"
        + (policies ? "<th>Policies</th>" : "") + "</tr></thead>\n<tbody>\n");
    for (int i = 0; i < events.size(); i++) {
      EventView e = events.get(i);
      int n = i + 1;
      out.write("<tr class=\"" + verdictClass(e.verdict()) + "\"><td class=\"num\">");
      if (detailed[i]) {
        out.write("<a href=\"#" + anchor(n) + "\">" + n + "</a>");
      } else {
        out.write(Integer.toString(n));
      }
      out.write("</td><td class=\"src\">");
      Markup.text(e.location(), out);
      out.write("</td><td>");
      Markup.text(e.context() == null || e.context().when() == null ? "" : e.context().when(), out);
      out.write("</td><td>");
      Markup.text(e.context() == null || e.context().scope() == null ? "" : shortScope(e.context().scope()), out);
      out.write("</td><td>");
      Markup.text(e.kernelVictim().label(), out);
      out.write("</td><td>");
      writeModelVictim(e, out);
      out.write("</td><td>" + verdictBadge(e.verdict()) + "</td><td>");
      Markup.text(shownReason(e), out);
      if (policies) {
        out.write("</td><td>");
        PolicySections.writeCell(e, out);
      }
      out.write("</td></tr>\n");
    }
    out.write("</tbody>\n</table>\n</section>\n");
  }

  private void writeSections(List<EventView> events, boolean[] detailed, Writer out)
      throws IOException {
    if (events.isEmpty()) {
      return;
    }
    out.write("<section id=\"details\">\n<h2>Event details</h2>\n");
    int omittedAgree = 0;
    int omittedOther = 0;
    for (int i = 0; i < events.size(); i++) {
      if (detailed[i]) {
        continue;
      }
      if (events.get(i).verdict() == Verdict.AGREE) {
        omittedAgree++;
      } else {
        omittedOther++;
      }
    }
    if (omittedAgree + omittedOther > 0) {
      out.write("<p class=\"omitted\">Sections omitted for " + (omittedAgree + omittedOther)
          + " of " + events.size() + " events: " + omittedAgree
          + " agree (beyond the first " + options.maxAgreeSections() + ") and " + omittedOther
          + " disagree or undecidable (beyond the first " + options.maxOtherSections()
          + "). They are still listed in the event table.</p>\n");
    }
    for (int i = 0; i < events.size(); i++) {
      if (detailed[i]) {
        writeSection(events.get(i), i + 1, out);
      }
    }
    out.write("</section>\n");
  }

  private static String shortScope(EventContext.Scope s) {
    return s.oomMemcg() == null ? s.kind() : s.kind() + " " + s.oomMemcg();
  }

  private void writeSection(EventView e, int n, Writer out) throws IOException {
    out.write("<section class=\"event " + verdictClass(e.verdict()) + "\" id=\"" + anchor(n)
        + "\">\n<h3>#" + n + " " + verdictBadge(e.verdict()) + " <span class=\"src\">");
    Markup.text(e.location(), out);
    out.write("</span></h3>\n");
    ContextFacts.write(e, out);
    out.write("<figure>\n");
    chart.writeInline(e, out);
    out.write("</figure>\n");
    writeCandidateTable(e.candidates(), out);
    PolicySections.writeComparison(e, chart, out);
    writeOriginalLines(e.originalLines(), out);
    out.write("<p class=\"back\"><a href=\"#events\">Back to the event table</a></p>\n</section>\n");
  }

  private void writeCandidateTable(List<CandidateView> candidates, Writer out) throws IOException {
    if (candidates.isEmpty()) {
      out.write("<p class=\"empty\">No candidates recorded.</p>\n");
      return;
    }
    List<CandidateView> ranked = CandidateRanking.ranked(candidates);
    int rows = Math.min(ranked.size(), options.maxCandidateRows());
    boolean parts = ranked.stream().anyMatch(c -> c.breakdown() != null);
    out.write("<table class=\"candidates\">\n<thead><tr><th>Rank</th><th>PID</th><th>comm</th><th>Points</th>"
        + (parts ? CandidateParts.HEADER : "")
        + "<th>oom_score_adj</th><th>Eligible</th><th>Chosen by</th></tr></thead>\n<tbody>\n");
    for (int i = 0; i < rows; i++) {
      CandidateView c = ranked.get(i);
      out.write(c.eligible() ? "<tr>" : "<tr class=\"ineligible\">");
      out.write("<td class=\"num\">" + (i + 1) + "</td><td class=\"num\">" + c.pid() + "</td><td>");
      Markup.text(c.comm(), out);
      out.write("</td><td class=\"num\">" + (c.eligible() ? Long.toString(c.points()) : "—") + "</td>");
      if (parts) {
        CandidateParts.cells(c, out);
      }
      out.write("<td class=\"num\">" + c.oomScoreAdj() + "</td><td>");
      if (c.eligible()) {
        out.write("yes");
      } else {
        out.write("no: ");
        Markup.text(c.ineligibleReason(), out);
      }
      out.write("</td><td>");
      if (c.kernelVictim()) {
        out.write("<span class=\"tag kernel\">kernel</span>");
      }
      if (c.modelVictim()) {
        out.write("<span class=\"tag model\">model</span>");
      }
      out.write("</td></tr>\n");
    }
    out.write("</tbody>\n</table>\n");
    if (ranked.size() > rows) {
      out.write("<p class=\"omitted\">" + (ranked.size() - rows)
          + " lower-ranked candidates not listed.</p>\n");
    }
  }

  private static void writeOriginalLines(List<String> lines, Writer out) throws IOException {
    if (lines.isEmpty()) {
      out.write("<p class=\"empty\">Original lines not recorded.</p>\n");
      return;
    }
    out.write("<details" + (lines.size() <= 120 ? " open=\"open\"" : "") + "><summary>Original log lines (" + lines.size()
        + ")</summary><pre>");
    for (String line : lines) {
      Markup.text(line, out);
      out.write('\n');
    }
    out.write("</pre></details>\n");
  }

  private static void writeCitations(List<Citation> citations, Writer out) throws IOException {
    if (citations.isEmpty()) {
      return;
    }
    out.write("<footer id=\"references\">\n<h2>References</h2>\n<ul>\n");
    for (Citation c : citations) {
      out.write("<li><a href=\"");
      Markup.attr(c.url(), out);
      out.write("\">");
      Markup.text(c.label(), out);
      out.write("</a></li>\n");
    }
    out.write("</ul>\n</footer>\n");
  }

  private static void writeModelVictim(EventView e, Writer out) throws IOException {
    if (e.modelVictim() == null) {
      out.write("<span class=\"none\">none</span>");
    } else {
      Markup.text(e.modelVictim().label(), out);
    }
  }

  static String anchor(int n) {
    return "ev-" + n;
  }

  private static String verdictClass(Verdict v) {
    return "v-" + v.wireName();
  }

  private static String verdictBadge(Verdict v) {
    return "<span class=\"verdict " + verdictClass(v) + "\">" + v.wireName() + "</span>";
  }
}
