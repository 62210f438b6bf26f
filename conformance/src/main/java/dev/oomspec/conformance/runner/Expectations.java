package dev.oomspec.conformance.runner;

import dev.oomspec.conformance.target.Observed;
import dev.oomspec.spec.model.Expect;
import dev.oomspec.spec.model.ReportLine;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;

/** Compares an {@link Observed} with a clause's {@link Expect}: every non-null expected field must match. */
public final class Expectations {
  private Expectations() {}

  /**
   * One expected field against the observation.
   *
   * @param field {@code ret}, {@code killed}, … or {@code reportPresent} / {@code reportAbsent}
   * @param label what a reader sees in the row: the field, or the report format line
   * @param expected the expected value, as written in the spec
   * @param observed what the target showed for it
   * @param ok observed satisfies expected
   */
  public record Check(String field, String label, String expected, String observed, boolean ok) {
    Mismatch mismatch() {
      return new Mismatch(field, expected, observed);
    }
  }

  /** Every non-null expected field of {@code e}, checked against {@code o}, in the order of {@code expect}. */
  public static List<Check> checks(Expect e, Observed o) {
    return checks(e, o, false);
  }

  /** Every non-null expected field of {@code e} with its expected value (observed empty, never ok). */
  public static List<Check> expected(Expect e) {
    return checks(e, null, true);
  }

  private static List<Check> checks(Expect e, Observed o, boolean expectedOnly) {
    List<Check> out = new ArrayList<>();
    if (e == null) return out;
    Long ret = o == null ? null : o.ret();
    List<String> lines = o == null ? null : o.reportLines();
    if (e.ret() != null) {
      boolean ok = ret != null && ret == e.ret().value();
      out.add(new Check("ret", "ret", e.ret().toString(),
          ret == null ? "no return (the call blocks or returns nothing)" : describeRet(ret), ok));
    }
    field(out, "killed", e.killed(), o == null ? null : o.killed());
    field(out, "bpfMemoryFreed", e.bpfMemoryFreed(), o == null ? null : o.bpfMemoryFreed());
    field(out, "oomLockTaken", e.oomLockTaken(), o == null ? null : o.oomLockTaken());
    field(out, "oomInvoked", e.oomInvoked(), o == null ? null : o.oomInvoked());
    field(out, "oomLockHeldAfter", e.oomLockHeldAfter(), o == null ? null : o.oomLockHeldAfter());
    field(out, "retMemcg", e.retMemcg(), o == null ? null : o.retMemcg());
    field(out, "verdict", e.verdict() == null ? null : e.verdict().spelling(), o == null ? null : o.verdict());
    field(out, "handled", e.handled(), o == null ? null : o.handled());
    field(out, "handlersRan", e.handlersRan(), o == null ? null : o.handlersRan());
    field(out, "kernelKillerRan", e.kernelKillerRan(), o == null ? null : o.kernelKillerRan());
    if (e.reportPresent() != null) {
      for (ReportLine l : e.reportPresent()) {
        String hit = lines == null ? null : presentLine(l, lines);
        out.add(new Check("reportPresent", "report line \"" + firstLine(l.format()) + "\"",
            expectedOnly ? "present: \"" + l.rendered() + "\""
                : "a line of format \"" + oneLine(l.format()) + "\" containing \"" + l.rendered() + "\"",
            hit == null ? "no such line" : "\"" + hit + "\"", hit != null));
      }
    }
    if (e.reportAbsent() != null) {
      for (ReportLine l : e.reportAbsent()) {
        String hit = lines == null ? null : firstMatch(l.format(), lines);
        boolean ok = lines != null && hit == null;
        out.add(new Check("reportAbsent", "report line \"" + firstLine(l.format()) + "\"",
            expectedOnly ? "absent" : "no line of format \"" + oneLine(l.format()) + "\"",
            lines == null ? "no report observed" : hit == null ? "none" : "\"" + hit + "\"", ok));
      }
    }
    if (expectedOnly) out.replaceAll(c -> new Check(c.field(), c.label(), c.expected(), "", false));
    return out;
  }

  /** The expected fields the observation does not satisfy. */
  public static List<Mismatch> compare(Expect e, Observed o) {
    List<Mismatch> out = new ArrayList<>();
    for (Check c : checks(e, o)) if (!c.ok()) out.add(c.mismatch());
    return out;
  }

  private static void field(List<Check> out, String name, Object expected, Object observed) {
    if (expected != null)
      out.add(new Check(name, name, String.valueOf(expected), observed == null ? "nothing" : String.valueOf(observed),
          Objects.equals(expected, observed)));
  }

  /** {@code -22} → {@code -EINVAL (-22)}. */
  public static String describeRet(long v) {
    for (dev.oomspec.spec.model.Errno e : dev.oomspec.spec.model.Errno.values())
      if (-e.number() == v) return "-" + e.spelling() + " (" + v + ")";
    if (v == Long.MIN_VALUE) return "no value (the model refused the call)";
    return Long.toString(v);
  }

  /** The first observed line that matches the format and contains the rendering, or null. */
  static String presentLine(ReportLine l, List<String> lines) {
    List<Pattern> ps = patterns(l.format());
    for (String line : lines) {
      if (l.rendered() != null && !line.contains(l.rendered())) continue;
      for (Pattern p : ps) if (p.matcher(line).find()) return line;
    }
    return null;
  }

  /** The first line of a format with text besides conversions (what a reader recognises the line by). */
  static String firstLine(String format) {
    return Siblings.formatLines(format).get(0);
  }

  static String firstMatch(String format, List<String> lines) {
    List<Pattern> ps = patterns(format);
    for (String line : lines) for (Pattern p : ps) if (p.matcher(line).find()) return line;
    return null;
  }

  /**
   * A printk format as one pattern per line of the format (a record may span lines): conversions ({@code %s},
   * {@code %#x}, {@code %pGg}, {@code %hd}, …) and {@code ...} match anything, the rest literally. Lines of the
   * format that are only conversions are dropped (they would match everything).
   */
  static List<Pattern> patterns(String format) {
    List<Pattern> out = new ArrayList<>();
    for (String part : format.split("\n")) {
      if (part.isBlank()) continue;
      StringBuilder re = new StringBuilder();
      StringBuilder lit = new StringBuilder();
      int literalChars = 0;
      for (int i = 0; i < part.length(); i++) {
        char c = part.charAt(i);
        if (c == '%' && i + 1 < part.length()) {
          re.append(Pattern.quote(lit.toString())).append(".*?");
          lit.setLength(0);
          int j = i + 1;
          while (j < part.length() && "#-+ 0123456789.hlzjt".indexOf(part.charAt(j)) >= 0) j++;
          if (j < part.length() && part.charAt(j) == 'p') {
            j++;
            while (j < part.length() && Character.isLetter(part.charAt(j))) j++;
            i = j - 1;
          } else {
            i = j;
          }
        } else if (part.startsWith("...", i)) {
          re.append(Pattern.quote(lit.toString())).append(".*");
          lit.setLength(0);
          i += 2;
        } else {
          lit.append(c);
          if (!Character.isWhitespace(c)) literalChars++;
        }
      }
      re.append(Pattern.quote(lit.toString()));
      if (literalChars > 0) out.add(Pattern.compile(re.toString()));
    }
    return out;
  }

  private static String oneLine(String s) {
    return s.replace("\n", "\\n");
  }
}
