package dev.oomspec.reports;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** A plain table of strings, e.g. a revision-by-case conformance matrix. Every row is as wide as the header. */
public record Table(List<String> header, List<List<String>> rows) {

  public Table {
    header = copyRow(header, "header");
    if (header.isEmpty()) {
      throw new IllegalArgumentException("a table needs at least one column");
    }
    Objects.requireNonNull(rows, "rows");
    List<List<String>> copy = new ArrayList<>(rows.size());
    for (int i = 0; i < rows.size(); i++) {
      List<String> row = copyRow(rows.get(i), "row " + i);
      if (row.size() != header.size()) {
        throw new IllegalArgumentException(
            "row " + i + " has " + row.size() + " cells, the header has " + header.size());
      }
      copy.add(row);
    }
    rows = List.copyOf(copy);
  }

  private static List<String> copyRow(List<String> cells, String what) {
    Objects.requireNonNull(cells, what);
    for (int i = 0; i < cells.size(); i++) {
      if (cells.get(i) == null) {
        throw new NullPointerException(what + ", cell " + i + " is null (use \"\")");
      }
    }
    return List.copyOf(cells);
  }
}
