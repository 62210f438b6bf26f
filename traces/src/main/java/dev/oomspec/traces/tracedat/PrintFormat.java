package dev.oomspec.traces.tracedat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The {@code print fmt:} of an event, split the way libtraceevent's {@code parse_args} splits it: literal pieces
 * and conversions, each conversion paired with its argument expression. {@code trace-cmd report -R} prints a
 * numeric field with the conversion whose argument is exactly {@code REC->field} (so {@code %lu} prints
 * {@code unsigned long total_vm} in decimal), and falls back to the raw rendering otherwise.
 */
final class PrintFormat {

  /** One parse entry: a literal (conversion == 0) or a conversion with its argument. */
  record Entry(String literal, String spec, char conversion, int lengthModifier, String fieldArg) {
    boolean isLiteral() {
      return conversion == 0;
    }
  }

  private static final Pattern REC_FIELD = Pattern.compile("^REC->(\\w+)$");
  private static final Pattern CAST = Pattern.compile("^\\(\\s*[A-Za-z_][\\w\\s]*\\**\\s*\\)\\s*(.+)$", Pattern.DOTALL);

  private final List<Entry> entries;

  private PrintFormat(List<Entry> entries) {
    this.entries = List.copyOf(entries);
  }

  List<Entry> entries() {
    return entries;
  }

  static final PrintFormat EMPTY = new PrintFormat(List.of());

  /** Parses {@code "fmt", arg, arg...}; anything unparsable gives an empty format (raw rendering). */
  static PrintFormat parse(String printFmt) {
    String s = printFmt.strip();
    if (!s.startsWith("\"")) {
      return EMPTY;
    }
    StringBuilder fmt = new StringBuilder();
    int i = 1;
    for (; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        fmt.append(switch (n) {
          case 'n' -> '\n';
          case 't' -> '\t';
          case 'r' -> '\r';
          default -> n;
        });
      } else if (c == '"') {
        break;
      } else {
        fmt.append(c);
      }
    }
    if (i >= s.length()) {
      return EMPTY;
    }
    String rest = s.substring(i + 1).strip();
    if (rest.startsWith(",")) {
      rest = rest.substring(1);
    }
    List<String> args = splitArgs(rest);
    return new PrintFormat(entries(fmt.toString(), args));
  }

  private static List<Entry> entries(String fmt, List<String> args) {
    List<Entry> out = new ArrayList<>();
    int next = 0;
    StringBuilder lit = new StringBuilder();
    int i = 0;
    while (i < fmt.length()) {
      char c = fmt.charAt(i);
      if (c != '%') {
        lit.append(c);
        i++;
        continue;
      }
      if (i + 1 < fmt.length() && fmt.charAt(i + 1) == '%') {
        lit.append('%');
        i += 2;
        continue;
      }
      if (lit.length() > 0) {
        out.add(new Entry(lit.toString(), "", (char) 0, 0, null));
        lit.setLength(0);
      }
      int start = i++;
      int ls = 0;
      char conv = 0;
      while (i < fmt.length()) {
        char f = fmt.charAt(i++);
        if (f == 'h') {
          ls--;
        } else if (f == 'l') {
          ls++;
        } else if (f == 'L') {
          ls = 2;
        } else if (f == 'z' || f == 'Z') {
          ls = 1;
        } else if (f == '*') {
          next++; // the length argument
        } else if ("#.0123456789-+ ".indexOf(f) >= 0) {
          continue;
        } else {
          conv = f;
          break;
        }
      }
      if (conv == 'p') {
        while (i < fmt.length() && Character.isLetterOrDigit(fmt.charAt(i))) {
          i++;
        }
      }
      if ("cdiuxXosp".indexOf(conv) >= 0 && conv != 0) {
        String arg = next < args.size() ? args.get(next) : "";
        next++;
        out.add(new Entry("", fmt.substring(start, i), conv, ls, fieldOf(arg)));
      } else {
        out.add(new Entry(">" + conv + "<", "", (char) 0, 0, null));
      }
    }
    if (lit.length() > 0) {
      out.add(new Entry(lit.toString(), "", (char) 0, 0, null));
    }
    return out;
  }

  /** The field name when the argument is {@code REC->name}, possibly behind casts or parentheses. */
  static String fieldOf(String arg) {
    String a = arg.strip();
    for (int guard = 0; guard < 8; guard++) {
      Matcher m = REC_FIELD.matcher(a);
      if (m.matches()) {
        return m.group(1);
      }
      Matcher c = CAST.matcher(a);
      if (c.matches()) {
        a = c.group(1).strip();
      } else if (a.startsWith("(") && a.endsWith(")") && closes(a)) {
        a = a.substring(1, a.length() - 1).strip();
      } else {
        return null;
      }
    }
    return null;
  }

  private static boolean closes(String a) {
    int depth = 0;
    for (int i = 0; i < a.length(); i++) {
      char c = a.charAt(i);
      if (c == '(') {
        depth++;
      } else if (c == ')') {
        depth--;
        if (depth == 0 && i != a.length() - 1) {
          return false;
        }
      }
    }
    return depth == 0;
  }

  static List<String> splitArgs(String s) {
    List<String> out = new ArrayList<>();
    int depth = 0;
    boolean inStr = false;
    char quote = 0;
    StringBuilder cur = new StringBuilder();
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (inStr) {
        cur.append(c);
        if (c == '\\' && i + 1 < s.length()) {
          cur.append(s.charAt(++i));
        } else if (c == quote) {
          inStr = false;
        }
        continue;
      }
      if (c == '"' || c == '\'') {
        inStr = true;
        quote = c;
        cur.append(c);
      } else if (c == '(' || c == '[' || c == '{') {
        depth++;
        cur.append(c);
      } else if (c == ')' || c == ']' || c == '}') {
        depth--;
        cur.append(c);
      } else if (c == ',' && depth == 0) {
        out.add(cur.toString().strip());
        cur.setLength(0);
      } else {
        cur.append(c);
      }
    }
    if (!cur.toString().isBlank()) {
      out.add(cur.toString().strip());
    }
    return out;
  }
}
