package dev.oomspec.fleet.summary;

import dev.oomspec.reports.Table;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;

/**
 * The fleet summaries in Spark SQL over the {@code events} and {@code files} tables (docs/fleet.md, "Summaries"):
 * the breakdowns (per kernel version, release, OOM scope, victim comm, host, and the totals) in one pass with
 * {@code GROUPING SETS}, the reasons, the unreadable files. Only aggregates reach the driver.
 */
public final class FleetSummaries {
  /** Rows of the disagreement list kept for the pages (all of them are in {@code disagreements-json/}). */
  public static final int DISAGREEMENTS_SHOWN = 1000;

  static final String VERDICTS = """
      count(*) AS events,
      sum(CASE WHEN verdict = 'agree' THEN 1 ELSE 0 END) AS agree,
      sum(CASE WHEN verdict = 'disagree' THEN 1 ELSE 0 END) AS disagree,
      sum(CASE WHEN verdict = 'undecidable' THEN 1 ELSE 0 END) AS undecidable""";

  /** One row per group of each breakdown; {@code g} says which breakdown (the bits of grouping_id). */
  static final String BREAKDOWNS = """
      SELECT grouping_id(kernelVersion, kernelRelease, scope, oomKind, victimComm, host) AS g,
        kernelVersion, kernelRelease, scope, oomKind, victimComm, host,
      """ + VERDICTS + """
      ,
        count(DISTINCT hostOrNull) AS hosts, count(DISTINCT source) AS files
      FROM (SELECT coalesce(kernelVersion, '(not printed)') AS kernelVersion,
              coalesce(kernelRelease, '(not printed)') AS kernelRelease, scope, oomKind,
              kernelVictim.comm AS victimComm, coalesce(host, '(unknown)') AS host, host AS hostOrNull,
              source, verdict
            FROM events)
      GROUP BY GROUPING SETS ((kernelVersion), (kernelRelease), (scope, oomKind), (victimComm), (host), ())""";

  /**
   * A reason without what differs from event to event: the model's and the kernel's victims become placeholders, the
   * detail after a colon (points, the list of outcomes) is dropped, and numbers become {@code N}.
   */
  static final String REASON_CLASS = """
      regexp_replace(regexp_replace(
        replace(replace(reason,
          coalesce(concat(modelVictim.comm, ' (', modelVictim.pid, ')'), ''), '<model victim>'),
          concat(kernelVictim.comm, ' (', kernelVictim.pid, ')'), '<kernel victim>'),
        ':.*$', ''), '[0-9]+', 'N')""";

  static final String REASONS = "SELECT verdict, " + REASON_CLASS + " AS reason, count(*) AS events,"
      + " count(DISTINCT host) AS hosts, min(reason) AS example FROM events GROUP BY 1, 2"
      + " ORDER BY CASE verdict WHEN 'disagree' THEN 0 WHEN 'undecidable' THEN 1 ELSE 2 END, events DESC, reason";
  static final String UNREADABLE = "SELECT source, coalesce(host, '') AS host, bytes, events, error FROM files"
      + " WHERE error IS NOT NULL ORDER BY source";
  static final String DISAGREEMENTS = "SELECT * FROM events WHERE verdict = 'disagree'"
      + " ORDER BY host, source, firstLine";
  static final String FILE_TOTALS = """
      SELECT count(*) AS files, coalesce(sum(bytes), 0) AS bytes,
        coalesce(sum(CASE WHEN error IS NULL THEN 0 ELSE 1 END), 0) AS unreadable,
        count(DISTINCT host) AS hosts, coalesce(sum(total), 0) AS lines, coalesce(sum(malformed), 0) AS malformed
      FROM files""";

  /** The name of the policy summary ({@code summary/policies.csv}). */
  public static final String POLICIES = "policies";

  /** The verdict words of a policy run, in replay-format.md's order: the policy summary's count columns. */
  public static final List<String> POLICY_VERDICTS =
      List.of("same", "different", "refused", "declined", "not-loaded", "error", "undecidable");

  /** What the kernel version of a policy summary's per-policy row says. */
  public static final String ALL_KERNELS = "(all)";

  /**
   * Per policy (in {@code --policy} order) over all events, then per policy and kernel version: the events, each
   * verdict's count, in how many the first process the run killed (the policy's, else the kernel killer's after it)
   * is not the kernel's victim, and the memory the run's kills freed against the kernel's kills over the events where
   * both are known and the verdict is not undecidable ({@code compared}), as {@code oomspec replay}'s policy summary
   * counts it.
   */
  static final String POLICY_SUMMARY = """
      SELECT policy, revision, CASE WHEN grouping(kernelVersion) = 1 THEN '(all)' ELSE kernelVersion END
          AS kernelVersion,
        count(*) AS events,
      """ + verdictCounts() + """
        sum(CASE WHEN firstKilled IS NOT NULL AND firstKilled <> kernelPid THEN 1 ELSE 0 END) AS victimDiffers,
        sum(CASE WHEN known THEN 1 ELSE 0 END) AS compared,
        coalesce(sum(CASE WHEN known THEN freedKb END), 0) AS freedKb,
        coalesce(sum(CASE WHEN known THEN kernelFreedKb END), 0) AS kernelFreedKb,
        coalesce(sum(CASE WHEN known THEN freedKb - kernelFreedKb END), 0) AS freedDeltaKb,
        min(pos) AS firstPos
      FROM (SELECT p.name AS policy, p.revision AS revision, p.verdict AS verdict, pos,
              coalesce(kernelVersion, '(not printed)') AS kernelVersion, kernelVictim.pid AS kernelPid,
              CASE WHEN size(p.victims) > 0 THEN p.victims[0].pid
                   WHEN size(p.kernelKilled) > 0 THEN p.kernelKilled[0].pid END AS firstKilled,
              p.verdict <> 'undecidable' AND p.freedKb IS NOT NULL AND p.kernelFreedKb IS NOT NULL AS known,
              p.freedKb AS freedKb, p.kernelFreedKb AS kernelFreedKb
            FROM events LATERAL VIEW posexplode(policies) t AS pos, p)
      GROUP BY GROUPING SETS ((policy, revision), (policy, revision, kernelVersion))
      ORDER BY firstPos, CASE WHEN kernelVersion = '(all)' THEN 0 ELSE 1 END, events DESC, kernelVersion""";

  private static String verdictCounts() {
    StringBuilder b = new StringBuilder();
    for (String v : POLICY_VERDICTS) {
      b.append("  sum(CASE WHEN verdict = '").append(v).append("' THEN 1 ELSE 0 END) AS `").append(v).append("`,\n");
    }
    return b.toString();
  }

  /** A breakdown: its grouping_id (bit 5 = kernelVersion … bit 0 = host, 1 = rolled up), name, title, key columns. */
  private record Breakdown(int g, String name, String title, List<String> keys, boolean withHosts) {}

  private static final List<Breakdown> BREAKDOWN_TABLES = List.of(
      new Breakdown(0b011111, "by-kernel", "Events per kernel version (major.minor of the release the report prints)",
          List.of("kernelVersion"), true),
      new Breakdown(0b101111, "by-release", "Events per kernel release", List.of("kernelRelease"), true),
      new Breakdown(0b110011, "by-scope", "Events per OOM scope", List.of("scope", "oomKind"), true),
      new Breakdown(0b111101, "by-victim", "Events per victim comm (the task the kernel killed)",
          List.of("victimComm"), true),
      new Breakdown(0b111110, "by-host", "Events per host", List.of("host"), false));
  private static final int ALL = 0b111111;

  private final SparkSession spark;
  private final boolean withPolicies;
  private Map<Integer, List<Row>> breakdowns;

  /**
   * Registers {@code events} and {@code files} as the views the queries read.
   *
   * @param withPolicies the events have the {@code policies} column ({@code --policy}): add the policy summary
   */
  public FleetSummaries(SparkSession spark, Dataset<Row> events, Dataset<Row> files, boolean withPolicies) {
    this.spark = spark;
    this.withPolicies = withPolicies;
    events.createOrReplaceTempView("events");
    files.createOrReplaceTempView("files");
  }

  /** Every disagreeing event, for follow-up (written in full by the job). */
  public Dataset<Row> disagreements() {
    return spark.sql(DISAGREEMENTS);
  }

  public FleetTotals totals() {
    List<Row> all = breakdowns().getOrDefault(ALL, List.of());
    Row f = spark.sql(FILE_TOTALS).first();
    long[] e = new long[4];
    if (!all.isEmpty()) {
      Row r = all.get(0);
      for (int i = 0; i < 4; i++) {
        e[i] = r.isNullAt(r.fieldIndex(COLS[i])) ? 0 : r.getLong(r.fieldIndex(COLS[i]));
      }
    }
    return new FleetTotals(f.getLong(0), f.getLong(1), f.getLong(2), f.getLong(3), f.getLong(4), f.getLong(5),
        e[0], e[1], e[2], e[3]);
  }

  private static final String[] COLS = {"events", "agree", "disagree", "undecidable"};

  /** The summaries in page order (the policy summary first, with {@code --policy}). */
  public List<Summary> tables() {
    List<Summary> out = new ArrayList<>();
    if (withPolicies) {
      Summary p = query(POLICIES, "Policies: what each would have done (per policy, then per policy and kernel version)",
          POLICY_SUMMARY);
      List<String> header = new ArrayList<>(p.table().header()); // the order column is not shown
      int pos = header.indexOf("firstPos");
      header.remove(pos);
      List<List<String>> rows = new ArrayList<>();
      for (List<String> r : p.table().rows()) {
        List<String> row = new ArrayList<>(r);
        row.remove(pos);
        rows.add(row);
      }
      out.add(new Summary(p.name(), p.title(), new Table(header, rows)));
    }
    for (Breakdown b : BREAKDOWN_TABLES) {
      List<String> header = new ArrayList<>(b.keys());
      header.addAll(List.of(COLS));
      header.add(b.withHosts() ? "hosts" : "files");
      List<Row> rows = new ArrayList<>(breakdowns().getOrDefault(b.g(), List.of()));
      rows.sort(Comparator.<Row>comparingLong(r -> -r.getLong(r.fieldIndex("events")))
          .thenComparing(r -> key(r, b.keys())));
      List<List<String>> cells = new ArrayList<>();
      for (Row r : rows) {
        cells.add(cells(r, header));
      }
      out.add(new Summary(b.name(), b.title(), new Table(header, cells)));
    }
    out.add(query("reasons", "Verdicts and their reasons (victims and numbers folded)", REASONS));
    out.add(query("unreadable", "Files that could not be read", UNREADABLE));
    return out;
  }

  /**
   * One sentence per policy from the policy summary's per-policy rows (for stderr), e.g. "largest-rss (v3) over 1679
   * events: same 228, different 33, …; first victim not the kernel's in 33; freed 392.4 MiB more than the kernel's
   * kills over 261 events".
   */
  public static List<String> policySentences(Table t) {
    List<String> out = new ArrayList<>();
    List<String> h = t.header();
    for (List<String> r : t.rows()) {
      if (!r.get(h.indexOf("kernelVersion")).equals(ALL_KERNELS)) {
        continue;
      }
      StringBuilder b = new StringBuilder(r.get(h.indexOf("policy")) + " (" + r.get(h.indexOf("revision")) + ") over "
          + r.get(h.indexOf("events")) + " events:");
      String sep = " ";
      for (String v : POLICY_VERDICTS) {
        b.append(sep).append(v).append(' ').append(r.get(h.indexOf(v)));
        sep = ", ";
      }
      long delta = Long.parseLong(r.get(h.indexOf("freedDeltaKb")));
      b.append("; first victim not the kernel's in ").append(r.get(h.indexOf("victimDiffers")))
          .append(String.format(java.util.Locale.ROOT, "; freed %.1f MiB %s than the kernel's kills over %s events",
              Math.abs(delta) / 1024.0, delta < 0 ? "less" : "more", r.get(h.indexOf("compared"))));
      out.add(b.toString());
    }
    return out;
  }

  private Map<Integer, List<Row>> breakdowns() {
    if (breakdowns == null) {
      breakdowns = new LinkedHashMap<>();
      for (Row r : spark.sql(BREAKDOWNS).collectAsList()) {
        breakdowns.computeIfAbsent((int) r.getLong(0), k -> new ArrayList<>()).add(r);
      }
    }
    return breakdowns;
  }

  private Summary query(String name, String title, String sql) {
    Dataset<Row> d = spark.sql(sql);
    List<String> header = List.of(d.columns());
    List<List<String>> rows = new ArrayList<>();
    for (Row r : d.collectAsList()) {
      rows.add(cells(r, header));
    }
    return new Summary(name, title, new Table(header, rows));
  }

  private static List<String> cells(Row r, List<String> columns) {
    List<String> cells = new ArrayList<>(columns.size());
    for (String c : columns) {
      int i = r.fieldIndex(c);
      cells.add(r.isNullAt(i) ? "" : String.valueOf(r.get(i)));
    }
    return cells;
  }

  private static String key(Row r, List<String> keys) {
    StringBuilder b = new StringBuilder();
    for (String k : keys) {
      b.append(r.getString(r.fieldIndex(k))).append('\u0000');
    }
    return b.toString();
  }
}
