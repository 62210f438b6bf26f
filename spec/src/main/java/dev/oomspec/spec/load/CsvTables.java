package dev.oomspec.spec.load;

import dev.oomspec.spec.model.BpfProgTypes;
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

/** Reads the CSV tables with header validation; errors name file, line and column. */
public final class CsvTables {
  /** Columns of {@code tables/kfunc-hooks.csv}, in order. */
  public static final List<String> HOOK_HEADER = List.of("prog_type", "hook", "revisions", "source", "inferred");
  /** Columns of {@code tables/prog-sites.csv}, in order. */
  public static final List<String> SITE_HEADER =
      List.of("prog_type", "attach_target", "sleepable_site", "revisions", "source", "inferred");
  /** Columns of {@code tables/kfunc-sets.csv}, in order. */
  public static final List<String> SET_HEADER =
      List.of("revision", "kfunc", "set", "registered_for", "sleepable", "source", "inferred");
  /** Columns of {@code tables/kfunc-filters.csv}, in order. */
  public static final List<String> FILTER_RULE_HEADER =
      List.of("revision", "filter", "kfuncs", "rule", "programs", "source", "inferred");
  /** Columns of {@code tables/max-order.csv}, in order. */
  public static final List<String> ORDER_HEADER =
      List.of("row", "arch", "config", "kconfig", "kernels", "max_order", "bound", "source", "inferred");

  private CsvTables() {}

  /** A row of {@code tables/kfunc-hooks.csv}. */
  record HookRow(String progType, String hook, List<Revision> revisions, String source, boolean inferred, String file,
      int line) {}

  /** A row of {@code tables/prog-sites.csv}. */
  record SiteRow(String progType, String attachTarget, boolean sleepable, List<Revision> revisions, String source,
      boolean inferred, String file, int line) {}

  /** A row of {@code tables/kfunc-sets.csv}. */
  record SetRow(Revision revision, Kfunc kfunc, String set, String registeredFor, boolean sleepable, String source,
      boolean inferred, String file, int line) {}

  /** A row of {@code tables/kfunc-filters.csv}. */
  record FilterRuleRow(Revision revision, String filter, List<Kfunc> kfuncs, String rule, String programs,
      String source, boolean inferred, String file, int line) {}

  static List<HookRow> readHooks(String file, Reader in) {
    List<HookRow> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Row r : read(file, in, HOOK_HEADER)) {
      String pt = progType(r);
      List<Revision> revs = r.revisions("revisions");
      for (Revision rev : revs) {
        Integer prev = seen.putIfAbsent(pt + "|" + rev, r.line);
        if (prev != null) {
          throw r.error("revisions", "duplicate row for " + pt + " in " + rev.displayName() + " (first at line " + prev + ")");
        }
      }
      rows.add(new HookRow(pt, r.require("hook"), revs, r.require("source"), r.bool("inferred"), file, r.line));
    }
    for (String pt : BpfProgTypes.ALL) {
      for (Revision rev : Revision.values()) {
        if (!seen.containsKey(pt + "|" + rev)) {
          throw new SpecFormatException(file, 0, "prog_type",
              "no row for " + pt + " in " + rev.displayName() + " (every value of enum bpf_prog_type needs its hook in every revision)");
        }
      }
    }
    return rows;
  }

  static List<SiteRow> readSites(String file, Reader in) {
    List<SiteRow> rows = new ArrayList<>();
    for (Row r : read(file, in, SITE_HEADER)) {
      rows.add(new SiteRow(progType(r), r.require("attach_target"), r.yesNo("sleepable_site"), r.revisions("revisions"),
          r.require("source"), r.bool("inferred"), file, r.line));
    }
    return rows;
  }

  static List<SetRow> readSets(String file, Reader in) {
    List<SetRow> rows = new ArrayList<>();
    Map<String, Integer> seen = new HashMap<>();
    for (Row r : read(file, in, SET_HEADER)) {
      Revision rev = r.parse("revision", Revision::of);
      Kfunc k = r.parse("kfunc", Kfunc::of);
      Integer prev = seen.putIfAbsent(rev + "|" + k, r.line);
      if (prev != null) throw r.error("kfunc", "duplicate row for " + rev + " " + k + " (first at line " + prev + ")");
      String reg = r.require("registered_for");
      if (!BpfProgTypes.known(reg)) throw r.error("registered_for", "unknown program type '" + reg + "'");
      rows.add(new SetRow(rev, k, r.require("set"), reg, r.yesNo("sleepable"), r.require("source"), r.bool("inferred"), file, r.line));
    }
    return rows;
  }

  static List<FilterRuleRow> readFilterRules(String file, Reader in) {
    List<FilterRuleRow> rows = new ArrayList<>();
    for (Row r : read(file, in, FILTER_RULE_HEADER)) {
      Revision rev = r.parse("revision", Revision::of);
      List<Kfunc> ks = new ArrayList<>();
      for (String k : r.require("kfuncs").split("\\s+")) ks.add(r.parse("kfuncs", x -> Kfunc.of(k)));
      String rule = r.require("rule");
      if (!List.of("only", "deny", "allow").contains(rule)) throw r.error("rule", "expected only, deny or allow, found '" + rule + "'");
      String programs = r.require("programs");
      if (!programs.matches("(struct_ops|hook|target)/.+")) {
        throw r.error("programs", "expected struct_ops/<name>, hook/<HOOK> or target/<attach target>, found '" + programs + "'");
      }
      rows.add(new FilterRuleRow(rev, r.require("filter"), List.copyOf(ks), rule, programs, r.require("source"), r.bool("inferred"), file, r.line));
    }
    return rows;
  }

  private static String progType(Row r) {
    String pt = r.require("prog_type");
    if (!BpfProgTypes.known(pt)) {
      throw r.error("prog_type", "unknown program type '" + pt + "' (expected a BPF_PROG_TYPE_* name without prefix)");
    }
    return pt;
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
      String kconfig = r.get("kconfig") == null ? "" : r.get("kconfig").strip();
      if (!kconfig.isEmpty() && !kconfig.matches("!?[A-Z][A-Z0-9_]*(\\s+!?[A-Z][A-Z0-9_]*)*")) {
        throw r.error("kconfig", "'" + kconfig + "' is not a list of Kconfig symbols (SYM or !SYM, space-separated)");
      }
      rows.add(new Platform(id, r.require("arch"), r.require("config"), kconfig, r.require("kernels"), max,
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

    List<Revision> revisions(String col) {
      String v = require(col);
      if (v.equals("all")) return List.of(Revision.values());
      List<Revision> out = new ArrayList<>();
      for (String t : v.split("\\s+")) {
        try {
          out.add(Revision.of(t));
        } catch (IllegalArgumentException e) {
          throw error(col, e.getMessage());
        }
      }
      return List.copyOf(out);
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
