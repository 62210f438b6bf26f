package dev.oomspec.reports;

import java.io.IOException;
import java.util.List;

/**
 * A {@link Table} as a GitHub-flavoured Markdown pipe table. In cells, {@code \} and {@code |} are backslash-escaped
 * and line breaks become spaces, so no cell can break the table's shape.
 */
public final class MarkdownTable {
  private MarkdownTable() {}

  public static String render(Table table) {
    StringBuilder b = new StringBuilder();
    try {
      write(table, b);
    } catch (IOException e) {
      throw new AssertionError("StringBuilder does not throw", e);
    }
    return b.toString();
  }

  public static void write(Table table, Appendable out) throws IOException {
    writeRow(table.header(), out);
    out.append('|');
    for (int i = 0; i < table.header().size(); i++) {
      out.append(" --- |");
    }
    out.append('\n');
    for (List<String> row : table.rows()) {
      writeRow(row, out);
    }
  }

  private static void writeRow(List<String> cells, Appendable out) throws IOException {
    out.append('|');
    for (String cell : cells) {
      out.append(' ').append(escapeCell(cell)).append(" |");
    }
    out.append('\n');
  }

  static String escapeCell(String cell) {
    StringBuilder b = new StringBuilder(cell.length() + 4);
    for (int i = 0; i < cell.length(); i++) {
      char ch = cell.charAt(i);
      switch (ch) {
        case '\\' -> b.append("\\\\");
        case '|' -> b.append("\\|");
        case '\r' -> {
          if (i + 1 < cell.length() && cell.charAt(i + 1) == '\n') {
            i++;
          }
          b.append(' ');
        }
        case '\n' -> b.append(' ');
        default -> b.append(ch);
      }
    }
    return b.toString();
  }
}
