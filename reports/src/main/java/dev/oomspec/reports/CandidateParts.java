package dev.oomspec.reports;

import java.io.IOException;
import java.io.Writer;
import java.util.Locale;

/** The points breakdown columns of the candidates table: rss, swap, page tables, adj term, each in pages. */
final class CandidateParts {
  private CandidateParts() {}

  static final String HEADER = "<th>= rss</th><th>+ swap</th><th>+ page tables</th><th>+ adj × totalpages/1000</th>";

  static void cells(CandidateView c, Writer out) throws IOException {
    PointsBreakdown b = c.breakdown();
    if (b == null) {
      out.write("<td colspan=\"4\" class=\"none\">" + (c.eligible() ? "not known" : "not scored: ineligible")
          + "</td>");
      return;
    }
    cell(b.rssPages(), b.pageKb(), out);
    cell(b.swapPages(), b.pageKb(), out);
    cell(b.pgtablesPages(), b.pageKb(), out);
    out.write("<td class=\"num\">");
    String adj = String.format(Locale.ROOT, "%d × %,d = %,d", b.oomScoreAdj(), b.totalpages() / 1000, b.adjPoints());
    Markup.text(adj, out);
    if (b.rootBonus() != 0) {
      Markup.text(String.format(Locale.ROOT, "; root bonus −%,d", b.rootBonus()), out);
    }
    if (b.note() != null) {
      out.write("<br/><span class=\"sub\">");
      Markup.text(b.note(), out);
      out.write("</span>");
    }
    out.write("</td>");
  }

  private static void cell(long pages, int pageKb, Writer out) throws IOException {
    out.write("<td class=\"num\">");
    Markup.text(String.format(Locale.ROOT, "%,d", pages), out);
    out.write("<br/><span class=\"sub\">");
    Markup.text(Units.human(pages * pageKb * 1024L), out);
    out.write("</span></td>");
  }
}
