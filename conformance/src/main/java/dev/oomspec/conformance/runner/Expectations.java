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

  public static List<Mismatch> compare(Expect e, Observed o) {
    List<Mismatch> out = new ArrayList<>();
    if (e == null) return out;
    if (e.ret() != null) {
      if (o.ret() == null || o.ret() != e.ret().value())
        out.add(new Mismatch("ret", e.ret().toString(), o.ret() == null ? "no return (the call blocks or returns nothing)" : describeRet(o.ret())));
    }
    field(out, "killed", e.killed(), o.killed());
    field(out, "bpfMemoryFreed", e.bpfMemoryFreed(), o.bpfMemoryFreed());
    field(out, "oomLockTaken", e.oomLockTaken(), o.oomLockTaken());
    field(out, "oomInvoked", e.oomInvoked(), o.oomInvoked());
    field(out, "verdict", e.verdict() == null ? null : e.verdict().spelling(), o.verdict());
    field(out, "handled", e.handled(), o.handled());
    field(out, "handlersRan", e.handlersRan(), o.handlersRan());
    field(out, "kernelKillerRan", e.kernelKillerRan(), o.kernelKillerRan());
    if (e.reportPresent() != null) {
      for (ReportLine l : e.reportPresent()) {
        if (o.reportLines() == null || !present(l, o.reportLines()))
          out.add(new Mismatch("reportPresent", "a line of format \"" + oneLine(l.format()) + "\" containing \""
              + l.rendered() + "\"", "no such line"));
      }
    }
    if (e.reportAbsent() != null) {
      for (ReportLine l : e.reportAbsent()) {
        String hit = o.reportLines() == null ? null : firstMatch(l.format(), o.reportLines());
        if (o.reportLines() == null || hit != null)
          out.add(new Mismatch("reportAbsent", "no line of format \"" + oneLine(l.format()) + "\"",
              hit == null ? "no report observed" : "\"" + hit + "\""));
      }
    }
    return out;
  }

  private static void field(List<Mismatch> out, String name, Object expected, Object observed) {
    if (expected != null && !Objects.equals(expected, observed))
      out.add(new Mismatch(name, String.valueOf(expected), observed == null ? "nothing" : String.valueOf(observed)));
  }

  /** {@code -22} → {@code -EINVAL (-22)}. */
  public static String describeRet(long v) {
    for (dev.oomspec.spec.model.Errno e : dev.oomspec.spec.model.Errno.values())
      if (-e.number() == v) return "-" + e.spelling() + " (" + v + ")";
    if (v == Long.MIN_VALUE) return "no value (the model refused the call)";
    return Long.toString(v);
  }

  static boolean present(ReportLine l, List<String> lines) {
    List<Pattern> ps = patterns(l.format());
    for (String line : lines) {
      if (l.rendered() != null && !line.contains(l.rendered())) continue;
      for (Pattern p : ps) if (p.matcher(line).find()) return true;
    }
    return false;
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
