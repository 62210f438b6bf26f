package dev.oomspec.traces.read;

/**
 * Removes what copying a log into a mail, a terminal or a web page added: ANSI escape sequences, a byte-order
 * mark, other control characters, mail/markdown quote prefixes ({@code > }, {@code > : }, {@code >> }) and
 * markdown-escaped angle brackets ({@code \<TASK\>}). Indentation is kept (continuation lines need it).
 * Linear time; no regular expressions.
 */
public final class LineCleaner {

  private LineCleaner() {}

  /**
   * As {@link #clean(String)}; {@code printableAscii} says the caller knows every char is in 0x20..0x7e and
   * not a backslash (see {@link BoundedLineReader#plain()}), so only a quote prefix can go.
   */
  public static String clean(String s, boolean printableAscii) {
    return printableAscii ? stripQuote(s) : clean(s);
  }

  public static String clean(String s) {
    StringBuilder sb = null;
    int n = s.length();
    for (int i = 0; i < n; i++) {
      char c = s.charAt(i);
      boolean drop = false;
      int skipTo = i;
      if (c == 0x1b) {
        drop = true;
        skipTo = skipEscape(s, i);
      } else if (c == '\uFEFF' || (c < 0x20 && c != '\t') || c == 0x7f) {
        drop = true;
      } else if (c == '\\' && i + 1 < n && (s.charAt(i + 1) == '<' || s.charAt(i + 1) == '>')) {
        drop = true;
      }
      if (drop && sb == null) {
        sb = new StringBuilder(n);
        sb.append(s, 0, i);
      }
      if (drop) {
        i = skipTo;
      } else if (sb != null) {
        sb.append(c);
      }
    }
    String out = sb == null ? s : sb.toString();
    return stripQuote(out);
  }

  /** Index of the last char of the escape sequence starting at {@code i}. */
  private static int skipEscape(String s, int i) {
    int n = s.length();
    if (i + 1 >= n) {
      return i;
    }
    char k = s.charAt(i + 1);
    if (k == '[') {
      int j = i + 2;
      while (j < n && j < i + 32) {
        char c = s.charAt(j);
        if (c >= 0x40 && c <= 0x7e) {
          return j;
        }
        j++;
      }
      return Math.min(j, n - 1);
    }
    return i + 1;
  }

  /** Strips leading quote markers: {@code >}, {@code > }, {@code > : }, repeated. */
  static String stripQuote(String s) {
    int i = 0;
    int n = s.length();
    boolean quoted = false;
    while (true) {
      int j = i;
      while (j < n && s.charAt(j) == ' ' && j - i < 4) {
        j++;
      }
      if (j < n && s.charAt(j) == '>') {
        quoted = true;
        j++;
        if (j < n && s.charAt(j) == ' ') {
          j++;
        }
        if (j + 1 < n && s.charAt(j) == ':' && s.charAt(j + 1) == ' ') {
          j += 2;
        }
        i = j;
        continue;
      }
      break;
    }
    return quoted ? s.substring(i) : s;
  }
}
