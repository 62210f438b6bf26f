package dev.oomspec.reports;

import java.io.IOException;
import java.util.List;

/**
 * The candidates of one event as a horizontal bar chart in SVG: one bar per candidate, highest points first, negative
 * points to the left of a zero axis, ineligible candidates greyed with their reason, the kernel's and the model's choices
 * tagged. No scripts, no external assets; text is escaped with {@link Markup}.
 *
 * <p>Shows the top {@code topN} candidates (ties keep input order), plus the kernel's and the model's victims when they
 * rank lower (see {@link CandidateRanking#topWithVictims}).
 */
public final class SvgBarChart {
  public static final int DEFAULT_TOP_N = 10;

  static final String SVG_NS = "http://www.w3.org/2000/svg";
  static final String BAR_ELIGIBLE = "#4a7ab5";
  static final String BAR_INELIGIBLE = "#c8c8c8";
  static final String KERNEL = "#3b3b3b";
  static final String MODEL = "#1565c0";
  static final String MUTED = "#6b6b6b";

  private static final int WIDTH = 960;
  private static final int LABEL_RIGHT = 200; // labels end here, right-aligned
  private static final int PLOT_LEFT = 210;
  private static final int PLOT_WIDTH = 300;
  private static final int VALUE_RIGHT = 600; // values end here, right-aligned
  private static final int TAGS_LEFT = 610;
  private static final int REASON_LEFT = 718;
  private static final int ROW = 24;
  private static final int BAR_HEIGHT = 16;
  private static final int TOP = 30;
  private static final int LABEL_MAX = 28;
  private static final int REASON_MAX = 40;

  private final int topN;

  public SvgBarChart() {
    this(DEFAULT_TOP_N);
  }

  public SvgBarChart(int topN) {
    if (topN < 1) {
      throw new IllegalArgumentException("topN < 1: " + topN);
    }
    this.topN = topN;
  }

  public int topN() {
    return topN;
  }

  /** A standalone SVG document (XML declaration and SVG namespace). */
  public String render(EventView event) {
    StringBuilder b = new StringBuilder(4096);
    try {
      writeDocument(event, b);
    } catch (IOException e) {
      throw new AssertionError("StringBuilder does not throw", e);
    }
    return b.toString();
  }

  /** Writes a standalone SVG document. */
  public void writeDocument(EventView event, Appendable out) throws IOException {
    out.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    write(event, out, true);
  }

  /** A standalone SVG document, the candidates' {@code modelVictim} flags tagged with {@code marks}. */
  public String render(EventView event, Marks marks) {
    StringBuilder b = new StringBuilder(4096);
    try {
      b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
      write(event, b, true, marks);
    } catch (IOException e) {
      throw new AssertionError("StringBuilder does not throw", e);
    }
    return b.toString();
  }

  /** Writes an {@code <svg>} element for embedding in HTML (no namespace declaration, which HTML does not need). */
  public void writeInline(EventView event, Appendable out) throws IOException {
    write(event, out, false, MODEL_MARKS);
  }

  /**
   * What the second tag of a chart marks: the model's victim ({@code modelVictim}), or — in the chart of a policy,
   * the same candidates and points — what the policy killed.
   *
   * @param tag  the tag's text (at most 7 characters)
   * @param noun who chose the marked task, for the legend and notes ("the model", "largest-rss")
   */
  public record Marks(String tag, String noun) {}

  static final Marks MODEL_MARKS = new Marks("model", "the model");

  /** As {@link #writeInline(EventView, Appendable)}, the candidates' {@code modelVictim} flags tagged with {@code marks}. */
  public void writeInline(EventView event, Appendable out, Marks marks) throws IOException {
    write(event, out, false, marks);
  }

  private void write(EventView event, Appendable out, boolean standalone) throws IOException {
    write(event, out, standalone, MODEL_MARKS);
  }

  private void write(EventView event, Appendable out, boolean standalone, Marks marks) throws IOException {
    List<CandidateView> shown = CandidateRanking.topWithVictims(event.candidates(), topN);
    int hidden = event.candidates().size() - shown.size();
    List<String> notes = notes(event, shown.size(), hidden, marks);
    int rowsBottom = TOP + Math.max(shown.size(), 1) * ROW;
    int legendY = rowsBottom + 14 + notes.size() * 16 + 8;
    int height = legendY + 22;

    out.append("<svg");
    if (standalone) {
      out.append(" xmlns=\"").append(SVG_NS).append('"');
    }
    out.append(" class=\"oom-chart\" role=\"img\" width=\"").append(Integer.toString(WIDTH))
        .append("\" height=\"").append(Integer.toString(height))
        .append("\" viewBox=\"0 0 ").append(Integer.toString(WIDTH)).append(' ')
        .append(Integer.toString(height))
        .append("\" font-family=\"sans-serif\" font-size=\"12\">\n");
    out.append("<title>");
    Markup.text(
        "Badness points of the candidates in " + event.location() + ", verdict "
            + event.verdict().wireName(), out);
    out.append("</title>\n<desc>");
    Markup.text(description(event, shown.size(), marks), out);
    out.append("</desc>\n");

    out.append("<text x=\"0\" y=\"16\" font-weight=\"bold\">");
    Markup.text(heading(event, shown.size()), out);
    out.append("</text>\n");

    if (shown.isEmpty()) {
      out.append("<text x=\"").append(Integer.toString(PLOT_LEFT)).append("\" y=\"")
          .append(Integer.toString(TOP + 16)).append("\" fill=\"").append(MUTED)
          .append("\">no candidates recorded</text>\n");
    } else {
      Scale scale = Scale.of(shown);
      for (int i = 0; i < shown.size(); i++) {
        writeRow(shown.get(i), TOP + i * ROW, scale, marks, out);
      }
      String zero = Markup.num(scale.x(0));
      out.append("<line x1=\"").append(zero).append("\" y1=\"").append(Integer.toString(TOP))
          .append("\" x2=\"").append(zero).append("\" y2=\"").append(Integer.toString(rowsBottom))
          .append("\" stroke=\"#000\" stroke-width=\"1\"/>\n");
    }

    int y = rowsBottom + 14;
    for (String note : notes) {
      out.append("<text x=\"0\" y=\"").append(Integer.toString(y)).append("\" fill=\"").append(MUTED)
          .append("\" font-size=\"11\">");
      Markup.text(note, out);
      out.append("</text>\n");
      y += 16;
    }
    writeLegend(legendY, marks, out);
    out.append("</svg>\n");
  }

  private static void writeRow(CandidateView c, int top, Scale scale, Marks marks, Appendable out)
      throws IOException {
    int barY = top + (ROW - BAR_HEIGHT) / 2;
    int baseline = top + 16;
    boolean eligible = c.eligible();
    out.append("<g class=\"candidate\">");
    out.append("<title>");
    Markup.text(barTitle(c, marks), out);
    out.append("</title>");

    out.append("<text x=\"").append(Integer.toString(LABEL_RIGHT)).append("\" y=\"")
        .append(Integer.toString(baseline)).append("\" text-anchor=\"end\"");
    if (!eligible) {
      out.append(" fill=\"").append(MUTED).append('"');
    }
    out.append('>');
    Markup.text(Markup.shorten(c.comm(), LABEL_MAX) + " (" + c.pid() + ")", out);
    out.append("</text>");

    double x0 = scale.x(Math.min(0.0, (double) c.points()));
    double x1 = scale.x(Math.max(0.0, (double) c.points()));
    double w = Math.max(x1 - x0, 1.0);
    out.append("<rect x=\"").append(Markup.num(x0)).append("\" y=\"").append(Integer.toString(barY))
        .append("\" width=\"").append(Markup.num(w)).append("\" height=\"")
        .append(Integer.toString(BAR_HEIGHT)).append("\" fill=\"")
        .append(eligible ? BAR_ELIGIBLE : BAR_INELIGIBLE).append('"');
    if (c.kernelVictim()) {
      out.append(" stroke=\"").append(KERNEL).append("\" stroke-width=\"2\"");
    } else if (c.modelVictim()) {
      out.append(" stroke=\"").append(MODEL).append("\" stroke-width=\"2\" stroke-dasharray=\"4 2\"");
    }
    out.append("/>");

    out.append("<text x=\"").append(Integer.toString(VALUE_RIGHT)).append("\" y=\"")
        .append(Integer.toString(baseline)).append("\" text-anchor=\"end\">")
        .append(Long.toString(c.points())).append("</text>");

    int tagX = TAGS_LEFT;
    if (c.kernelVictim()) {
      writeTag("kernel", KERNEL, tagX, barY, out);
    }
    tagX += 52;
    if (c.modelVictim()) {
      writeTag(marks.tag(), MODEL, tagX, barY, out);
    }
    if (!eligible) {
      out.append("<text x=\"").append(Integer.toString(REASON_LEFT)).append("\" y=\"")
          .append(Integer.toString(baseline)).append("\" fill=\"").append(MUTED)
          .append("\" font-style=\"italic\" font-size=\"11\">");
      Markup.text(Markup.shorten("ineligible: " + c.ineligibleReason(), REASON_MAX), out);
      out.append("</text>");
    }
    out.append("</g>\n");
  }

  private static void writeTag(String text, String color, int x, int y, Appendable out)
      throws IOException {
    StringBuilder escaped = new StringBuilder();
    Markup.text(text, escaped);
    text = escaped.toString();
    out.append("<rect x=\"").append(Integer.toString(x)).append("\" y=\"").append(Integer.toString(y))
        .append("\" width=\"48\" height=\"").append(Integer.toString(BAR_HEIGHT))
        .append("\" rx=\"3\" fill=\"").append(color).append("\"/>");
    out.append("<text x=\"").append(Integer.toString(x + 24)).append("\" y=\"")
        .append(Integer.toString(y + 12)).append("\" text-anchor=\"middle\" fill=\"#fff\" font-size=\"11\">")
        .append(text).append("</text>");
  }

  private static void writeLegend(int y, Marks marks, Appendable out) throws IOException {
    out.append("<g class=\"legend\" font-size=\"11\"><title>Legend</title>");
    legendSwatch(0, y, BAR_ELIGIBLE, "eligible", out);
    legendSwatch(90, y, BAR_INELIGIBLE, "ineligible (greyed, with reason)", out);
    writeTag("kernel", KERNEL, 290, y, out);
    out.append("<text x=\"344\" y=\"").append(Integer.toString(y + 12))
        .append("\">the kernel's victim</text>");
    writeTag(marks.tag(), MODEL, 470, y, out);
    out.append("<text x=\"524\" y=\"").append(Integer.toString(y + 12)).append("\">");
    Markup.text(marks.noun() + "'s victim", out);
    out.append("</text>");
    out.append("</g>\n");
  }

  private static void legendSwatch(int x, int y, String color, String label, Appendable out)
      throws IOException {
    out.append("<rect x=\"").append(Integer.toString(x)).append("\" y=\"").append(Integer.toString(y + 2))
        .append("\" width=\"12\" height=\"12\" fill=\"").append(color).append("\"/>");
    out.append("<text x=\"").append(Integer.toString(x + 16)).append("\" y=\"")
        .append(Integer.toString(y + 12)).append("\">").append(label).append("</text>");
  }

  private String heading(EventView event, int shown) {
    int total = event.candidates().size();
    return shown == total
        ? "Badness points, " + total + (total == 1 ? " candidate" : " candidates")
        : "Badness points, " + shown + " of " + total + " candidates";
  }

  private static String description(EventView event, int shown, Marks marks) {
    StringBuilder d = new StringBuilder();
    d.append("Kernel killed ").append(event.kernelVictim().label()).append("; ").append(marks == MODEL_MARKS ? "model" : marks.noun()).append(" picks ")
        .append(event.modelVictim() == null ? "no task" : event.modelVictim().label())
        .append(". ").append(shown).append(" bars, highest points first.");
    return d.toString();
  }

  private static List<String> notes(EventView event, int shown, int hidden, Marks marks) {
    var notes = new java.util.ArrayList<String>(3);
    if (hidden > 0) {
      notes.add(hidden + (hidden == 1 ? " lower-ranked candidate" : " lower-ranked candidates")
          + " not shown.");
    }
    if (event.candidates().stream().noneMatch(CandidateView::kernelVictim)) {
      notes.add("The kernel's victim " + event.kernelVictim().label() + " is not among the candidates.");
    }
    if (event.modelVictim() != null
        && event.candidates().stream().noneMatch(CandidateView::modelVictim)) {
      notes.add(capitalized(marks.noun()) + "'s victim " + event.modelVictim().label() + " is not among the candidates.");
    }
    return notes;
  }

  private static String capitalized(String s) {
    return s.isEmpty() ? s : Character.toUpperCase(s.charAt(0)) + s.substring(1);
  }

  private static String barTitle(CandidateView c, Marks marks) {
    StringBuilder t = new StringBuilder();
    t.append(c.comm()).append(" (").append(c.pid()).append("): ").append(c.points())
        .append(" points, oom_score_adj ").append(c.oomScoreAdj());
    t.append(c.eligible() ? ", eligible" : ", ineligible: " + c.ineligibleReason());
    if (c.kernelVictim()) {
      t.append("; the kernel's victim");
    }
    if (c.modelVictim()) {
      t.append("; ").append(marks.noun()).append("'s victim");
    }
    return t.toString();
  }

  /** Maps points to x, with zero inside the plot area. Doubles, so Long.MIN_VALUE and MAX_VALUE do not overflow. */
  private record Scale(double lo, double span) {
    static Scale of(List<CandidateView> shown) {
      double lo = 0;
      double hi = 0;
      for (CandidateView c : shown) {
        lo = Math.min(lo, (double) c.points());
        hi = Math.max(hi, (double) c.points());
      }
      double span = hi - lo;
      return new Scale(lo, span == 0 ? 1 : span);
    }

    double x(double points) {
      return PLOT_LEFT + (points - lo) / span * PLOT_WIDTH;
    }
  }
}
