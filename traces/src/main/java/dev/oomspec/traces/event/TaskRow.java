package dev.oomspec.traces.event;

import java.util.AbstractMap;
import java.util.AbstractSet;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.Set;

/**
 * One row of the task dump. {@code columns} is keyed by the column names of the header that preceded the
 * row ({@code pid}, {@code uid}, {@code tgid}, {@code total_vm}, {@code rss}, …, {@code oom_score_adj},
 * {@code name}); values are as printed. Units are the kernel's: pages, except {@code pgtables_bytes}.
 *
 * @param line the input line number
 */
public record TaskRow(long line, Map<String, String> columns) {

  public TaskRow {
    // a row made by a Layout is already an unmodifiable map in column order; anything else is copied
    columns = columns instanceof Columns ? columns : Collections.unmodifiableMap(new LinkedHashMap<>(columns));
  }

  /** A numeric column, or null when absent or not a number. */
  public Long number(String column) {
    if (columns instanceof Columns c) {
      return c.number(column);
    }
    return parse(columns.get(column));
  }

  private static Long parse(String v) {
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

  /**
   * The column names of one task table, shared by its rows: a row is then its values only (no map per row).
   * The rows behave as unmodifiable insertion-ordered maps, like the copied maps of other rows.
   */
  public static final class Layout {
    private final String[] names;
    private final Map<String, Integer> index;

    private Layout(String[] names, Map<String, Integer> index) {
      this.names = names;
      this.index = index;
    }

    /** The layout of these column names, or null when a name repeats (such rows are made as plain maps). */
    public static Layout of(List<String> names) {
      String[] n = new String[names.size()];
      Map<String, Integer> index = new HashMap<>(names.size() * 2);
      for (int i = 0; i < n.length; i++) {
        n[i] = names.get(i).intern(); // literals (the usual lookups) then match by identity
        if (index.put(n[i], i) != null) {
          return null;
        }
      }
      return new Layout(n, index);
    }

    /** True when the layout has exactly these names in this order. */
    public boolean matches(List<String> names) {
      if (names.size() != this.names.length) {
        return false;
      }
      for (int i = 0; i < this.names.length; i++) {
        if (!this.names[i].equals(names.get(i))) {
          return false;
        }
      }
      return true;
    }

    /** A row: one value per column name, in order (copied). */
    public Map<String, String> row(String[] values) {
      if (values.length != names.length) {
        throw new IllegalArgumentException(values.length + " values for " + names.length + " columns");
      }
      return new Columns(this, new long[names.length], values.clone());
    }

    /**
     * A row held as numbers: {@code printed[i]} is the column's text when it is not exactly
     * {@code Long.toString(numbers[i])} (the name, leading zeros, a value beyond a long), else null. The arrays
     * are taken, not copied.
     */
    public Map<String, String> row(long[] numbers, String[] printed) {
      if (numbers.length != names.length || printed.length != names.length) {
        throw new IllegalArgumentException(numbers.length + " values for " + names.length + " columns");
      }
      return new Columns(this, numbers, printed);
    }

    public int size() {
      return names.length;
    }

    public String name(int i) {
      return names[i];
    }
  }

  /**
   * The column values of a row made by a {@link Layout}: {@code number(i)} when {@code printed(i)} is null, else
   * the printed text. For writers that want the numbers without making Strings.
   */
  public interface Values {
    Layout layout();

    /** The printed text of column {@code i}, or null when it is {@code Long.toString(number(i))}. */
    String printed(int i);

    long number(int i);
  }

  /** The values of a row made by a {@link Layout}, or null for a row held as a plain map. */
  public Values values() {
    return columns instanceof Columns c ? c : null;
  }

  /** An unmodifiable row of a {@link Layout}. */
  private static final class Columns extends AbstractMap<String, String> implements Values {
    private final Layout layout;
    private final long[] numbers;
    private final String[] printed;

    Columns(Layout layout, long[] numbers, String[] printed) {
      this.layout = layout;
      this.numbers = numbers;
      this.printed = printed;
    }

    @Override
    public Layout layout() {
      return layout;
    }

    @Override
    public String printed(int i) {
      return printed[i];
    }

    @Override
    public long number(int i) {
      return numbers[i];
    }

    private String value(int i) {
      String p = printed[i];
      return p != null ? p : Long.toString(numbers[i]);
    }

    Long number(String column) {
      int i = indexOf(column);
      if (i < 0) {
        return null;
      }
      String p = printed[i];
      return p == null ? numbers[i] : parse(p);
    }

    private int indexOf(Object key) {
      String[] names = layout.names;
      for (int i = 0; i < names.length; i++) {
        if (names[i] == key) {
          return i;
        }
      }
      Integer i = layout.index.get(key);
      return i == null ? -1 : i;
    }

    @Override
    public String get(Object key) {
      int i = indexOf(key);
      return i < 0 ? null : value(i);
    }

    @Override
    public boolean containsKey(Object key) {
      return indexOf(key) >= 0;
    }

    @Override
    public int size() {
      return numbers.length;
    }

    @Override
    public Set<Map.Entry<String, String>> entrySet() {
      return new AbstractSet<>() {
        @Override
        public Iterator<Map.Entry<String, String>> iterator() {
          return new Iterator<>() {
            int i;

            @Override
            public boolean hasNext() {
              return i < numbers.length;
            }

            @Override
            public Map.Entry<String, String> next() {
              if (i >= numbers.length) {
                throw new NoSuchElementException();
              }
              Map.Entry<String, String> e = new AbstractMap.SimpleImmutableEntry<>(layout.names[i], value(i));
              i++;
              return e;
            }
          };
        }

        @Override
        public int size() {
          return numbers.length;
        }
      };
    }
  }
}
