package dev.oomspec.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The HTML page's parts for events replayed with policies: the fleet summary, the table cell, the side-by-side part. */
final class PolicySections {
  private PolicySections() {}

  static boolean any(List<EventView> events) {
    return events.stream().anyMatch(e -> !e.policies().isEmpty());
  }

  static String badge(String verdict) {
    return "<span class=\"pverdict p-" + verdict + "\">" + verdict + "</span>";
  }

  /** The summary section: one row per policy and its sentence. */
  static void writeSummary(List<EventView> events, Writer out) throws IOException {
    PolicyTally t = PolicyTally.of(events);
    if (t.isEmpty()) {
      return;
    }
    out.write("<section id=\"policies\">\n<h2>Policies</h2>\n<table class=\"counts\">\n<thead><tr><th>Policy</th>"
        + "<th>Revision</th><th>Events</th>");
    for (String v : PolicyTally.VERDICTS) {
      out.write("<th>" + badge(v) + "</th>");
    }
    out.write("<th>Freed vs the kernel</th><th>Refused kills</th></tr></thead>\n<tbody>\n");
    for (PolicyTally.Row r : t.rows()) {
      out.write("<tr><td>");
      Markup.text(r.name(), out);
      out.write("</td><td>");
      Markup.text(r.revision(), out);
      out.write("</td><td class=\"num\">" + r.events() + "</td>");
      for (String v : PolicyTally.VERDICTS) {
        out.write("<td class=\"num\">" + r.count(v) + "</td>");
      }
      out.write("<td class=\"num\">" + String.format(Locale.ROOT, "%+.1f MiB", r.freedDeltaKb() / 1024.0) + "</td>"
          + "<td class=\"num\">" + r.refusals() + "</td></tr>\n");
    }
    out.write("</tbody>\n</table>\n<ul class=\"sentences\">\n");
    for (PolicyTally.Row r : t.rows()) {
      out.write("<li>");
      Markup.text(r.sentence(), out);
      out.write("</li>\n");
    }
    out.write("</ul>\n</section>\n");
  }

  /** The event table's cell: each policy's verdict. */
  static void writeCell(EventView e, Writer out) throws IOException {
    for (PolicyView p : e.policies()) {
      out.write("<div><span class=\"sub\">");
      Markup.text(p.name(), out);
      out.write("</span> " + badge(p.verdict()) + "</div>");
    }
  }

  private static String victims(List<PolicyView.Victim> v) {
    if (v.isEmpty()) {
      return "nobody";
    }
    List<String> s = new ArrayList<>();
    for (PolicyView.Victim x : v) {
      s.add(x.label());
    }
    return String.join(", ", s);
  }

  private static String kb(Long kb) {
    return kb == null ? "?" : Units.kb(kb);
  }

  /** The kernel and each policy side by side: what each killed, the memory, the calls; then each one's chart. */
  static void writeComparison(EventView e, SvgBarChart chart, Writer out) throws IOException {
    if (e.policies().isEmpty()) {
      return;
    }
    out.write("<h4>Policies</h4>\n<table class=\"policies\">\n<thead><tr><th></th><th>the kernel (recorded)</th>");
    for (PolicyView p : e.policies()) {
      out.write("<th>");
      Markup.text(p.name() + " (" + p.revision() + ")", out);
      out.write("</th>");
    }
    out.write("</tr></thead>\n<tbody>\n<tr><th>Verdict</th><td></td>");
    for (PolicyView p : e.policies()) {
      out.write("<td>" + badge(p.verdict()) + "</td>");
    }
    out.write("</tr>\n<tr><th>Killed</th><td>");
    Markup.text(e.kernelVictim().label(), out);
    out.write("</td>");
    for (PolicyView p : e.policies()) {
      out.write("<td>");
      Markup.text(victims(p.victims()), out);
      out.write("</td>");
    }
    out.write("</tr>\n<tr><th>Then the kernel's killer</th><td></td>");
    for (PolicyView p : e.policies()) {
      out.write("<td>");
      Markup.text(p.kernelKillerRan() ? "ran: took " + victims(p.kernelKilled()) : "did not run", out);
      out.write("</td>");
    }
    Long kernelKb = e.policies().stream().map(PolicyView::kernelFreedKb).filter(x -> x != null).findFirst().orElse(null);
    out.write("</tr>\n<tr><th>Memory they held</th><td>" + kb(kernelKb) + "</td>");
    for (PolicyView p : e.policies()) {
      out.write("<td>" + kb(p.freedKb()) + "</td>");
    }
    out.write("</tr>\n<tr><th>Why</th><td></td>");
    for (PolicyView p : e.policies()) {
      out.write("<td>");
      Markup.text(p.reason(), out);
      out.write("</td>");
    }
    out.write("</tr>\n<tr><th>kfunc calls</th><td></td>");
    for (PolicyView p : e.policies()) {
      out.write("<td>");
      writeCalls(p, out);
      out.write("</td>");
    }
    out.write("</tr>\n</tbody>\n</table>\n<div class=\"sidebyside\">\n");
    for (PolicyView p : e.policies()) {
      boolean own = !p.victims().isEmpty();
      Set<Integer> marked = new LinkedHashSet<>();
      (own ? p.victims() : p.kernelKilled()).forEach(v -> marked.add(v.pid()));
      out.write("<figure><figcaption>");
      Markup.text(p.name() + ": " + (own ? "what it killed" : "what the kernel's killer took after it"), out);
      out.write("</figcaption>\n");
      chart.writeInline(marked(e, marked), out, new SvgBarChart.Marks(own ? "policy" : "after", p.name()));
      out.write("</figure>\n");
    }
    out.write("</div>\n");
  }

  private static void writeCalls(PolicyView p, Writer out) throws IOException {
    if (p.calls().isEmpty()) {
      out.write("<span class=\"none\">none</span>");
      return;
    }
    out.write("<details><summary>" + p.calls().size() + (p.calls().size() == 1 ? " call" : " calls")
        + "</summary><ol class=\"calls\">");
    for (PolicyView.Call c : p.calls()) {
      out.write("<li><code>");
      Markup.text(c.kfunc() + "(" + c.args() + ") = " + c.ret(), out);
      out.write("</code></li>");
    }
    out.write("</ol></details>");
  }

  /** The same event and candidates, the {@code modelVictim} flags on {@code pids}. */
  private static EventView marked(EventView e, Set<Integer> pids) {
    List<CandidateView> cands = new ArrayList<>();
    TaskRef first = null;
    for (CandidateView c : e.candidates()) {
      boolean m = pids.contains(c.pid());
      if (m && first == null) {
        first = c.task();
      }
      cands.add(new CandidateView(c.pid(), c.comm(), c.points(), c.oomScoreAdj(), c.eligibility(), c.kernelVictim(), m,
          c.breakdown()));
    }
    return new EventView(e.sourceFile(), e.firstLine(), e.lastLine(), e.kernelVictim(), first, e.verdict(), e.reason(),
        e.profile(), e.totalpages(), cands, List.of(), null);
  }
}
