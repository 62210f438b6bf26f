package dev.oomspec.fleet.summary;

/**
 * Escaping for the summary page (polyglot HTML, well-formed XML): {@code & < > " '} become references and characters
 * XML cannot carry (most C0 controls, lone surrogates, U+FFFE/U+FFFF) become U+FFFD, whatever a log's comm held.
 */
final class Html {
  private Html() {}

  static String esc(String s) {
    StringBuilder b = new StringBuilder(s.length() + 8);
    for (int i = 0; i < s.length(); ) {
      int cp = s.codePointAt(i);
      i += Character.charCount(cp);
      switch (cp) {
        case '&' -> b.append("&amp;");
        case '<' -> b.append("&lt;");
        case '>' -> b.append("&gt;");
        case '"' -> b.append("&quot;");
        case '\'' -> b.append("&#39;");
        default -> {
          boolean xml = cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF)
              || (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
          b.appendCodePoint(xml ? cp : 0xFFFD);
        }
      }
    }
    return b.toString();
  }

  /** At most {@code max} code points, an ellipsis when cut. */
  static String shorten(String s, int max) {
    if (s.codePointCount(0, s.length()) <= max) {
      return s;
    }
    return s.substring(0, s.offsetByCodePoints(0, max - 1)) + "\u2026";
  }
}
