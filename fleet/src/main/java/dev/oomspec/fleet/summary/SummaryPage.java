package dev.oomspec.fleet.summary;

import dev.oomspec.reports.Table;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * {@code summary.html}: one offline page (inline CSS and SVG, no scripts, no external addresses) with the fleet's
 * totals, a chart and a table per summary, and the first disagreeing events with a link to
 * {@code disagreements.html}.
 */
public final class SummaryPage {
  /** Bars per chart and rows per table on the page; the CSV files hold every row. */
  static final int CHART_ROWS = 20;
  static final int TABLE_ROWS = 50;

  /** Which summaries get a chart, and the columns that label its bars. */
  private static final Map<String, List<String>> CHARTS = Map.of(
      "by-kernel", List.of("kernelVersion"),
      "by-scope", List.of("scope", "oomKind"),
      "by-victim", List.of("victimComm"),
      "by-host", List.of("host"));

  private static final String CSS = """
      body { font-family: system-ui, sans-serif; margin: 1.5rem auto; max-width: 70rem; padding: 0 1rem; color: #222; }
      .generated, .more { color: #6b6b6b; }
      table { border-collapse: collapse; margin: 0.5rem 0 1rem; }
      th, td { border: 1px solid #ccc; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; }
      th { background: #f3f3f3; }
      td.num { text-align: right; font-variant-numeric: tabular-nums; }
      td.src { font-family: ui-monospace, monospace; overflow-wrap: anywhere; }
      dl.facts { display: grid; grid-template-columns: max-content auto; gap: 0.1rem 1rem; }
      dl.facts dt { font-weight: bold; }
      dl.facts dd { margin: 0; }
      svg { max-width: 100%; height: auto; }
      .key span { display: inline-block; padding: 0 0.4rem; margin-right: 0.3rem; border-radius: 3px; color: #fff; }
      """;

  private SummaryPage() {}

  /**
   * @param generated   what to print under the title (inputs, time, master): the page reads no clock
   * @param disagreements the first disagreeing events (FleetSchema.EVENT order of columns: host, source, lines,
   *                      victims, reason), as a table
   */
  public static void write(String generated, FleetTotals t, List<Summary> summaries, Table disagreements,
      Writer out) throws IOException {
    out.write("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\"/>\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
        + "<title>oomspec fleet summary</title>\n<style>" + CSS + "</style>\n</head>\n<body>\n"
        + "<h1>oomspec fleet summary</h1>\n<p class=\"generated\">" + Html.esc(generated) + "</p>\n");
    out.write("<dl class=\"facts\">\n");
    fact(out, "files", t.files() + " (" + mib(t.bytes()) + " MiB stored), " + t.unreadable() + " unreadable");
    fact(out, "hosts", Long.toString(t.hosts()));
    fact(out, "lines", t.lines() + " read, " + t.malformed() + " malformed");
    fact(out, "OOM events", t.events() + ": " + t.agree() + " agree, " + t.disagree() + " disagree, "
        + t.undecidable() + " undecidable");
    out.write("</dl>\n<p class=\"key\">");
    for (int v = 0; v < SvgBars.VERDICTS.length; v++) {
      out.write("<span style=\"background:" + SvgBars.COLORS[v] + "\">" + SvgBars.VERDICTS[v] + "</span>");
    }
    out.write("</p>\n");
    out.write(SvgBars.render("all events", new Table(List.of("all", "events", "agree", "disagree", "undecidable"),
        List.of(List.of("all events", Long.toString(t.events()), Long.toString(t.agree()),
            Long.toString(t.disagree()), Long.toString(t.undecidable())))), List.of("all"), 1));
    for (Summary s : summaries) {
      out.write("<section id=\"" + Html.esc(s.name()) + "\">\n<h2>" + Html.esc(s.title()) + "</h2>\n");
      List<String> labels = CHARTS.get(s.name());
      if (s.name().equals(FleetSummaries.POLICIES)) {
        policyChart(out, s);
      } else if (labels != null && !s.table().rows().isEmpty()) {
        out.write(SvgBars.render(s.title(), s.table(), labels, CHART_ROWS));
      }
      table(out, s.table(), "summary/" + s.name() + ".csv");
      out.write("</section>\n");
    }
    out.write("<section id=\"disagreements\">\n<h2>Disagreeing events</h2>\n<p>Every one is in "
        + "<code>disagreements-json/</code>; the first " + FleetSummaries.DISAGREEMENTS_SHOWN
        + " with their candidates in <a href=\"disagreements.html\">disagreements.html</a>.</p>\n");
    table(out, disagreements, "disagreements-json/");
    out.write("</section>\n</body>\n</html>\n");
  }

  /**
   * The policy summary's per-policy rows as bars stacked by verdict, with a key; the table below adds the victims
   * that differ from the kernel's and the memory freed.
   */
  private static void policyChart(Writer out, Summary s) throws IOException {
    List<String> h = s.table().header();
    List<List<String>> perPolicy = s.table().rows().stream()
        .filter(r -> r.get(h.indexOf("kernelVersion")).equals(FleetSummaries.ALL_KERNELS)).toList();
    if (perPolicy.isEmpty()) {
      return;
    }
    out.write("<p>Each event replayed through each <code>--policy</code> (docs/policies.md): <em>victimDiffers</em>"
        + " counts the events where the first process the run killed is not the one the kernel killed; <em>freedKb</em>"
        + " and <em>kernelFreedKb</em> sum what the run's kills and the kernel's kills held over the <em>compared</em>"
        + " events (decided, both known).</p>\n<p class=\"key\">");
    for (int v = 0; v < SvgBars.POLICY_VERDICTS.length; v++) {
      out.write("<span style=\"background:" + SvgBars.POLICY_COLORS[v] + "\">" + SvgBars.POLICY_VERDICTS[v] + "</span>");
    }
    out.write("</p>\n");
    out.write(SvgBars.render(s.title(), new Table(h, perPolicy), List.of("policy", "revision"), CHART_ROWS,
        SvgBars.POLICY_VERDICTS, SvgBars.POLICY_COLORS));
  }

  private static void fact(Writer out, String term, String value) throws IOException {
    out.write("<dt>" + Html.esc(term) + "</dt><dd>" + Html.esc(value) + "</dd>\n");
  }

  private static void table(Writer out, Table t, String whereAll) throws IOException {
    if (t.rows().isEmpty()) {
      out.write("<p class=\"more\">none</p>\n");
      return;
    }
    out.write("<table>\n<tr>");
    for (String h : t.header()) {
      out.write("<th>" + Html.esc(h) + "</th>");
    }
    out.write("</tr>\n");
    for (List<String> row : t.rows().subList(0, Math.min(TABLE_ROWS, t.rows().size()))) {
      out.write("<tr>");
      for (int i = 0; i < row.size(); i++) {
        String h = t.header().get(i);
        String cls = isNumber(row.get(i)) ? " class=\"num\"" : h.equals("source") ? " class=\"src\"" : "";
        out.write("<td" + cls + ">" + Html.esc(row.get(i)) + "</td>");
      }
      out.write("</tr>\n");
    }
    out.write("</table>\n");
    if (t.rows().size() > TABLE_ROWS) {
      out.write("<p class=\"more\">" + (t.rows().size() - TABLE_ROWS) + " more rows in <code>"
          + Html.esc(whereAll) + "</code></p>\n");
    }
  }

  private static boolean isNumber(String s) {
    return !s.isEmpty() && s.chars().allMatch(c -> c >= '0' && c <= '9');
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }
}
