package dev.oomspec.traces.assemble;

import dev.oomspec.traces.event.TaskRow;
import dev.oomspec.traces.read.Scan;
import dev.oomspec.traces.read.Text;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The task table of one report (dump_tasks): the header's columns, or columns inferred from the first row's
 * width when the header was cut, and the rows read against them. Rows are kept as numbers
 * ({@link TaskRow.Layout#row(long[], String[])}); only the name, and a number not printed as
 * {@link Long#toString} prints it, is kept as text.
 */
final class TaskRows {

  /** Cap on task rows kept per event (bounded memory); further rows are counted. */
  static final int MAX_ROWS = 100_000;

  List<String> columns;
  boolean inferred;
  /** The layout of {@link #layoutFor} (the columns it was made for), null when a name repeats. */
  private TaskRow.Layout layout;
  private List<String> layoutFor;
  final List<TaskRow> rows = new ArrayList<>();
  long dropped;

  /** The header line: these columns from now on. */
  void header(List<String> cols) {
    columns = cols;
    inferred = false;
  }

  /**
   * A row; null when it was read, else why it could not be. {@code layouts} makes the layout of a column list
   * ({@link ReportGrammar#layout}: the same for the same list).
   */
  String row(Text t, long line, ReportGrammar layouts) {
    if (columns != null && layoutFor != columns) {
      layoutFor = columns;
      layout = layouts.layout(columns); // null when a column name repeats: rows as plain maps
    }
    Parsed p = parse(t, columns);
    if (p.why != null) {
      return p.why;
    }
    if (columns == null) {
      columns = p.columns;
      inferred = true;
      layoutFor = columns;
      layout = layouts.layout(columns);
    }
    if (rows.size() < MAX_ROWS) {
      rows.add(new TaskRow(line, layout != null ? layout.row(p.numbers, p.printed) : asMap(p)));
    } else {
      dropped++;
    }
    return null;
  }

  /** True when the row can be read without a header (its width is a known layout's). */
  static boolean readsWithoutHeader(Text t) {
    return parse(t, null).why == null;
  }

  /** Known task-table layouts by number of numeric columns after the pid (for rows without a header). */
  static List<String> layoutFor(int numeric) {
    return switch (numeric) {
      case 10 -> LAYOUT_10;
      case 7 -> LAYOUT_7;
      case 8 -> LAYOUT_8;
      default -> null;
    };
  }

  private static final List<String> LAYOUT_10 = List.of("pid", "uid", "tgid", "total_vm", "rss", "rss_anon",
      "rss_file", "rss_shmem", "pgtables_bytes", "swapents", "oom_score_adj", "name");
  private static final List<String> LAYOUT_7 = List.of("pid", "uid", "tgid", "total_vm", "rss", "pgtables_bytes",
      "swapents", "oom_score_adj", "name");
  private static final List<String> LAYOUT_8 = List.of("pid", "uid", "tgid", "total_vm", "rss", "nr_ptes",
      "nr_pmds", "swapents", "oom_score_adj", "name");

  /** A row read against its columns: one number (and, where needed, its text) per column, or why not. */
  private static final class Parsed {
    List<String> columns;
    long[] numbers;
    String[] printed;
    String why;

    static Parsed failed(String why) {
      Parsed p = new Parsed();
      p.why = why;
      return p;
    }
  }

  /**
   * {@code [ pid] v1 v2 … name} against {@code columns} (null: inferred from the number of numeric columns).
   * The name is the rest of the line after the last numeric column and one separator.
   */
  private static Parsed parse(Text t, List<String> columns) {
    int n = t.length();
    int close = t.indexOf(']');
    int numeric = columns == null ? -1 : columns.size() - 2;
    int cap = numeric < 0 ? 14 : numeric;
    int[] starts = new int[cap + 1];
    int[] ends = new int[cap + 1];
    int count = 0;
    int i = close + 1;
    while (numeric < 0 || count < numeric) {
      int s = t.skipSpaces(i);
      int e = s;
      while (e < n && t.at(e) != ' ' && t.at(e) != '\t') {
        e++;
      }
      if (e == s) {
        break;
      }
      if (!Scan.isInteger(t, s, e)) {
        if (numeric < 0) {
          break;
        }
        return Parsed.failed("column " + columns.get(count + 1) + " is not a number: '"
            + ReportGrammar.abbreviate(t.string(s, e)) + "'");
      }
      starts[count] = s;
      ends[count] = e;
      count++;
      i = e;
      if (numeric < 0 && count > 12) {
        return Parsed.failed("too many numeric columns");
      }
    }
    if (columns == null) {
      columns = layoutFor(count);
      if (columns == null) {
        return Parsed.failed(count + " numeric columns match no known task-table layout");
      }
    }
    if (count < columns.size() - 2) {
      return Parsed.failed("row has " + count + " of " + (columns.size() - 2) + " numeric columns");
    }
    if (i + 1 >= n) {
      return Parsed.failed("row without a name");
    }
    Parsed p = new Parsed();
    p.columns = columns;
    int width = columns.size();
    p.numbers = new long[width];
    p.printed = new String[width];
    Text pid = t.sub(1, close).strip();
    number(pid, 0, pid.length(), p, 0);
    for (int k = 0; k < count; k++) {
      number(t, starts[k], ends[k], p, k + 1);
    }
    p.printed[width - 1] = t.string(i + 1);
    return p;
  }

  /** Column {@code k} from {@code [a, e)}: as a number when the text is exactly its decimal form. */
  private static void number(Text t, int a, int e, Parsed p, int k) {
    boolean neg = e > a && t.at(a) == '-';
    int d = neg ? a + 1 : a;
    int len = e - d;
    boolean canonical = len >= 1 && len <= 18 && t.digitsEnd(d) >= e
        && (t.at(d) != '0' || len == 1) && !(neg && len == 1 && t.at(d) == '0');
    if (canonical) {
      long v = 0;
      for (int i = d; i < e; i++) {
        v = v * 10 + (t.at(i) - '0');
      }
      p.numbers[k] = neg ? -v : v;
    } else {
      p.printed[k] = t.string(a, e);
    }
  }

  /** A row whose columns repeat a name: a plain map (a later column of the same name overwrites the value). */
  private static Map<String, String> asMap(Parsed p) {
    Map<String, String> row = new LinkedHashMap<>();
    for (int k = 0; k < p.columns.size(); k++) {
      String v = p.printed[k] != null ? p.printed[k] : Long.toString(p.numbers[k]);
      row.put(p.columns.get(k), v);
    }
    return row;
  }
}
