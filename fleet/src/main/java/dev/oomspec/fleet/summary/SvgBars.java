package dev.oomspec.fleet.summary;

import dev.oomspec.reports.Table;
import java.util.List;
import java.util.Locale;

/**
 * A horizontal bar per row of a summary table, each bar stacked by verdict (agree / disagree / undecidable, the
 * replay page's colours), the total at its end. Inline SVG, no scripts, no external assets.
 */
final class SvgBars {
  static final String[] VERDICTS = {"agree", "disagree", "undecidable"};
  static final String[] COLORS = {"#2e7d32", "#c62828", "#b26a00"};

  private static final int LABEL_RIGHT = 230;
  private static final int PLOT_LEFT = 240;
  private static final int PLOT_WIDTH = 560;
  private static final int WIDTH = 880;
  private static final int ROW = 22;
  private static final int BAR = 15;
  private static final int TOP = 8;

  private SvgBars() {}

  /**
   * @param t         a table with a label column and the columns {@code events}, {@code agree}, {@code disagree},
   *                  {@code undecidable}
   * @param labelCols the columns joined (with " / ") into a bar's label
   * @param max       at most this many bars (the table's first rows)
   */
  static String render(String title, Table t, List<String> labelCols, int max) {
    return render(title, t, labelCols, max, VERDICTS, COLORS);
  }

  /** Policy verdicts (same, different, refused, declined, not-loaded, error, undecidable) and their colours. */
  static final String[] POLICY_VERDICTS = FleetSummaries.POLICY_VERDICTS.toArray(String[]::new);
  static final String[] POLICY_COLORS = {"#2e7d32", "#c62828", "#6a1b9a", "#607d8b", "#8d6e63", "#212121", "#b26a00"};

  /** As above, stacked by the columns {@code keys}, coloured {@code colors}. */
  static String render(String title, Table t, List<String> labelCols, int max, String[] keys, String[] colors) {
    List<List<String>> rows = t.rows().subList(0, Math.min(max, t.rows().size()));
    int events = t.header().indexOf("events");
    long top = 1;
    for (List<String> r : rows) {
      top = Math.max(top, Long.parseLong(r.get(events)));
    }
    int height = TOP + rows.size() * ROW + 6;
    StringBuilder b = new StringBuilder();
    b.append("<svg class=\"bars\" role=\"img\" width=\"").append(WIDTH).append("\" height=\"").append(height)
        .append("\" viewBox=\"0 0 ").append(WIDTH).append(' ').append(height)
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n<title>").append(Html.esc(title))
        .append("</title>\n");
    for (int i = 0; i < rows.size(); i++) {
      List<String> r = rows.get(i);
      int y = TOP + i * ROW;
      StringBuilder label = new StringBuilder();
      for (String c : labelCols) {
        label.append(label.length() == 0 ? "" : " / ").append(r.get(t.header().indexOf(c)));
      }
      b.append("<text x=\"").append(LABEL_RIGHT).append("\" y=\"").append(y + BAR - 3)
          .append("\" text-anchor=\"end\">").append(Html.esc(Html.shorten(label.toString(), 34))).append("</text>\n");
      double x = PLOT_LEFT;
      for (int v = 0; v < keys.length; v++) {
        long n = Long.parseLong(r.get(t.header().indexOf(keys[v])));
        if (n == 0) {
          continue;
        }
        double w = (double) n / top * PLOT_WIDTH;
        b.append("<rect x=\"").append(num(x)).append("\" y=\"").append(y).append("\" width=\"").append(num(w))
            .append("\" height=\"").append(BAR).append("\" fill=\"").append(colors[v]).append("\"><title>")
            .append(Html.esc(label.toString())).append(": ").append(n).append(' ').append(keys[v])
            .append("</title></rect>\n");
        x += w;
      }
      b.append("<text x=\"").append(num(x + 4)).append("\" y=\"").append(y + BAR - 3).append("\">")
          .append(r.get(events)).append("</text>\n");
    }
    return b.append("</svg>\n").toString();
  }

  /** A coordinate with one decimal, the same on every locale. */
  static String num(double v) {
    return String.format(Locale.ROOT, "%.1f", v);
  }
}
