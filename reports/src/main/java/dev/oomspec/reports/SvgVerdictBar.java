package dev.oomspec.reports;

import java.io.IOException;

/** A small stacked bar of the verdict counts, for the summary of a report. Inline SVG for HTML (no namespace). */
final class SvgVerdictBar {
  static final String AGREE = "#2e7d32";
  static final String DISAGREE = "#c62828";
  static final String UNDECIDABLE = "#b26a00";

  private static final int WIDTH = 480;
  private static final int BAR_HEIGHT = 18;

  private SvgVerdictBar() {}

  static String color(Verdict v) {
    return switch (v) {
      case AGREE -> AGREE;
      case DISAGREE -> DISAGREE;
      case UNDECIDABLE -> UNDECIDABLE;
    };
  }

  static void writeInline(VerdictCounts counts, Appendable out) throws IOException {
    int height = BAR_HEIGHT + 22;
    out.append("<svg class=\"verdict-bar\" role=\"img\" width=\"").append(Integer.toString(WIDTH))
        .append("\" height=\"").append(Integer.toString(height)).append("\" viewBox=\"0 0 ")
        .append(Integer.toString(WIDTH)).append(' ').append(Integer.toString(height))
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<title>");
    Markup.text(summary(counts), out);
    out.append("</title>\n");
    long total = counts.total();
    if (total == 0) {
      out.append("<rect x=\"0\" y=\"0\" width=\"").append(Integer.toString(WIDTH))
          .append("\" height=\"").append(Integer.toString(BAR_HEIGHT))
          .append("\" fill=\"#eee\"/>\n");
    } else {
      double x = 0;
      for (Verdict v : Verdict.values()) {
        long n = counts.of(v);
        if (n == 0) {
          continue;
        }
        double w = (double) n / total * WIDTH;
        out.append("<rect x=\"").append(Markup.num(x)).append("\" y=\"0\" width=\"")
            .append(Markup.num(w)).append("\" height=\"").append(Integer.toString(BAR_HEIGHT))
            .append("\" fill=\"").append(color(v)).append("\"><title>").append(v.wireName())
            .append(": ").append(Long.toString(n)).append("</title></rect>\n");
        x += w;
      }
    }
    out.append("<text x=\"0\" y=\"").append(Integer.toString(BAR_HEIGHT + 16)).append("\">");
    Markup.text(summary(counts), out);
    out.append("</text>\n</svg>\n");
  }

  static String summary(VerdictCounts counts) {
    return counts.agree() + " agree, " + counts.disagree() + " disagree, " + counts.undecidable()
        + " undecidable (" + counts.total() + " events)";
  }
}
