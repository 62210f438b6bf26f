package dev.oomspec.spec.load;

import dev.oomspec.spec.model.BpfProgTypes;
import dev.oomspec.spec.model.FilterRow;
import dev.oomspec.spec.model.FilterVerdict;
import dev.oomspec.spec.model.Kfunc;
import dev.oomspec.spec.model.OrderBound;
import dev.oomspec.spec.model.Platform;
import dev.oomspec.spec.model.Revision;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** Reads the two CSV tables with header validation; errors name file, line and column. */
public final class CsvTables {
  /** Columns of {@code tables/filter-matrix.csv}, in order. */
  public static final List<String> FILTER_HEADER =
      List.of("revision", "prog_type", "attach_target", "kfunc", "verdict", "sleepable_site", "source", "inferred");
  /** Columns of {@code tables/max-order.csv}, in order. */
  public static final List<String> ORDER_HEADER =
      List.of("row", "arch", "config", "kernels", "max_order", "bound", "source", "inferred");

  private CsvTables() {}

  public static List<FilterRow> readFilterMatrix(String file, Reader in) {
    List<FilterRow> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Row r : read(file, in, FILTER_HEADER)) {
      Revision rev = r.parse("revision", Revision::of);
      String progType = r.get("prog_type");
      if (!BpfProgTypes.known(progType)) {
        throw r.error("prog_type", "unknown program type '" + progType + "' (expected a BPF_PROG_TYPE_* name without prefix)");
      }
      String target = r.require("attach_target");
      Kfunc kfunc = r.parse("kfunc", Kfunc::of);
      FilterVerdict verdict = r.parse("verdict", FilterVerdict::of);
      boolean sleepable = r.yesNo("sleepable_site");
      String source = r.require("source");
      boolean inferred = r.bool("inferred");
      String key = rev + "|" + progType + "|" + target + "|" + sleepable + "|" + kfunc;
      Integer prev = seen.putIfAbsent(key, r.line);
      if (prev != null) {
        throw r.error("kfunc", "duplicate row for " + key.replace('|', ' ') + " (first at line " + prev + ")");
      }
      rows.add(new FilterRow(rev, progType, target, kfunc, sleepable, verdict, source, inferred, r.line));
    }
    return rows;
  }

  public static List<Platform> readMaxOrder(String file, Reader in) {
    List<Platform> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Row r : read(file, in, ORDER_HEADER)) {
      String id = r.require("row");
      if (!id.matches("[a-z0-9][a-z0-9.+-]*")) {
        throw r.error("row", "row id '" + id + "' must be lower-case [a-z0-9.+-]");
      }
      Integer prev = seen.putIfAbsent(id, r.line);
      if (prev != null) {
        throw r.error("row", "duplicate row id '" + id + "' (first at line " + prev + ")");
      }
      int max = r.parse("max_order", Integer::parseInt);
      if (max < 1 || max > 20) {
        throw r.error("max_order", "implausible value " + max);
      }
      rows.add(new Platform(id, r.require("arch"), r.require("config"), r.require("kernels"), max,
          r.parse("bound", OrderBound::of), r.require("source"), r.bool("inferred")));
    }
    return rows;
  }

  private static List<Row> read(String file, Reader in, List<String> header) {
    CSVFormat format =
        CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setCommentMarker('#')
            .setIgnoreSurroundingSpaces(true).get();
    List<Row> out = new ArrayList<>();
    try (CSVParser p = CSVParser.parse(in, format)) {
      List<String> actual = p.getHeaderNames();
      if (!actual.equals(header)) {
        throw new SpecFormatException(file, 1, "(header)", "expected columns " + header + " but found " + actual);
      }
      for (CSVRecord rec : p) {
        int line = (int) p.getCurrentLineNumber();
        if (rec.size() != header.size()) {
          throw new SpecFormatException(file, line, rec.size() < header.size() ? header.get(rec.size()) : "(extra)",
              "row has " + rec.size() + " fields, header has " + header.size());
        }
        out.add(new Row(file, line, rec));
      }
    } catch (IOException | java.io.UncheckedIOException e) {
      throw new SpecFormatException(file, 0, "(syntax)", "malformed CSV: " + e.getMessage());
    } catch (IllegalStateException e) {
      throw new SpecFormatException(file, 0, "(syntax)", "malformed CSV: " + e.getMessage());
    }
    return out;
  }

  private record Row(String file, int line, CSVRecord rec) {
    String get(String col) {
      return rec.get(col);
    }

    String require(String col) {
      String v = rec.get(col);
      if (v == null || v.isBlank()) {
        throw error(col, "empty");
      }
      return v;
    }

    <T> T parse(String col, Function<String, T> f) {
      String v = require(col);
      try {
        return f.apply(v);
      } catch (IllegalArgumentException e) {
        throw error(col, e.getMessage());
      }
    }

    boolean yesNo(String col) {
      return switch (require(col)) {
        case "yes" -> true;
        case "no" -> false;
        default -> throw error(col, "expected yes or no, found '" + get(col) + "'");
      };
    }

    boolean bool(String col) {
      return switch (require(col)) {
        case "true" -> true;
        case "false" -> false;
        default -> throw error(col, "expected true or false, found '" + get(col) + "'");
      };
    }

    SpecFormatException error(String col, String problem) {
      return new SpecFormatException(file, line, col, problem);
    }
  }
}
