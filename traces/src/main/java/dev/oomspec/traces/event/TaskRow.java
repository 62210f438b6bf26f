package dev.oomspec.traces.event;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One row of the task dump. {@code columns} is keyed by the column names of the header that preceded the
 * row ({@code pid}, {@code uid}, {@code tgid}, {@code total_vm}, {@code rss}, …, {@code oom_score_adj},
 * {@code name}); values are as printed. Units are the kernel's: pages, except {@code pgtables_bytes}.
 *
 * @param line the input line number
 */
public record TaskRow(long line, Map<String, String> columns) {

  public TaskRow {
    columns = Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** A numeric column, or null when absent or not a number. */
  public Long number(String column) {
    String v = columns.get(column);
    if (v == null) {
      return null;
    }
    try {
      return Long.parseLong(v);
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public Long pid() {
    return number("pid");
  }

  public String name() {
    return columns.get("name");
  }
}
