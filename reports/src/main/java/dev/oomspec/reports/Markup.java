package dev.oomspec.reports;

import java.io.IOException;

/**
 * Escaping for text written into XML, SVG and (polyglot) HTML.
 *
 * <p>{@code & < >} become references everywhere; in attributes also both quotes and TAB, LF, CR (so a parser gives them
 * back instead of normalising them to spaces); in text also CR. Characters XML 1.0 cannot carry at all (most C0
 * controls, lone surrogates, U+FFFE, U+FFFF) become U+FFFD, so the output stays well-formed whatever a log contained.
 */
final class Markup {
  static final char REPLACEMENT = '\uFFFD';

  private Markup() {}

  static String text(CharSequence s) {
    return escapedToString(s, false);
  }

  static String attr(CharSequence s) {
    return escapedToString(s, true);
  }

  private static String escapedToString(CharSequence s, boolean attribute) {
    StringBuilder b = new StringBuilder(s.length() + 16);
    try {
      appendEscaped(s, b, attribute);
    } catch (IOException e) {
      throw new AssertionError("StringBuilder does not throw", e);
    }
    return b.toString();
  }

  static void text(CharSequence s, Appendable out) throws IOException {
    appendEscaped(s, out, false);
  }

  static void attr(CharSequence s, Appendable out) throws IOException {
    appendEscaped(s, out, true);
  }

  /** What a conforming XML parser hands back for {@code s} after escaping: {@code s} with unwritable characters replaced. */
  static String sanitized(CharSequence s) {
    StringBuilder b = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      if (isXmlChar(cp)) {
        b.appendCodePoint(cp);
      } else {
        b.append(REPLACEMENT);
      }
    }
    return b.toString();
  }

  static boolean isXmlChar(int cp) {
    return cp == 0x9
        || cp == 0xA
        || cp == 0xD
        || (cp >= 0x20 && cp <= 0xD7FF)
        || (cp >= 0xE000 && cp <= 0xFFFD)
        || (cp >= 0x10000 && cp <= 0x10FFFF);
  }

  private static void appendEscaped(CharSequence s, Appendable out, boolean attribute)
      throws IOException {
    for (int i = 0; i < s.length(); ) {
      int cp = Character.codePointAt(s, i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> out.append("&amp;");
        case '<' -> out.append("&lt;");
        case '>' -> out.append("&gt;");
        case '\r' -> out.append("&#13;");
        case '"' -> out.append(attribute ? "&quot;" : "\"");
        case '\'' -> out.append(attribute ? "&#39;" : "'");
        case '\t' -> out.append(attribute ? "&#9;" : "\t");
        case '\n' -> out.append(attribute ? "&#10;" : "\n");
        default -> {
          if (!isXmlChar(cp)) {
            out.append(REPLACEMENT);
          } else if (Character.isBmpCodePoint(cp)) {
            out.append((char) cp);
          } else {
            out.append(Character.highSurrogate(cp)).append(Character.lowSurrogate(cp));
          }
        }
      }
    }
  }

  /** Shortens {@code s} to at most {@code max} code points, ending in an ellipsis when cut. */
  static String shorten(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    int end = s.offsetByCodePoints(0, max - 1);
    return s.substring(0, end) + "\u2026";
  }

  /** A coordinate with at most one decimal, the same on every JVM and locale. */
  static String num(double v) {
    long tenths = Math.round(v * 10);
    if (tenths == 0) {
      return "0";
    }
    long whole = tenths / 10;
    long frac = Math.abs(tenths % 10);
    String sign = tenths < 0 && whole == 0 ? "-" : "";
    return frac == 0 ? sign + whole : sign + whole + "." + frac;
  }
}
