package dev.oomspec.fleet;

import static org.apache.spark.sql.functions.col;

import dev.oomspec.fleet.input.Bins;
import dev.oomspec.fleet.input.InputFile;
import dev.oomspec.fleet.input.InputFiles;
import dev.oomspec.fleet.input.UnusableInput;
import dev.oomspec.fleet.replay.BinReplay;
import dev.oomspec.fleet.replay.FleetSchema;
import dev.oomspec.fleet.replay.PolicySetup;
import dev.oomspec.fleet.replay.ReplaySettings;
import dev.oomspec.fleet.summary.DisagreementViews;
import dev.oomspec.fleet.summary.FleetSummaries;
import dev.oomspec.fleet.summary.FleetTotals;
import dev.oomspec.fleet.summary.Summary;
import dev.oomspec.fleet.summary.SummaryPage;
import dev.oomspec.reports.CsvWriter;
import dev.oomspec.reports.EventView;
import dev.oomspec.reports.HtmlReport;
import dev.oomspec.reports.ReplayReport;
import dev.oomspec.reports.Table;
import dev.oomspec.reports.VerdictCounts;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FileStatus;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SaveMode;
import org.apache.spark.sql.SparkSession;

/**
 * The fleet job: every input file replayed by the engine of {@code oomspec replay}, one task per bin of whole files
 * ({@link Bins}); the records staged once in Parquet ({@code OUT/staging}, removed at the end); then the events, the files, the disagreements and
 * the summaries written under {@code OUT} (layout: docs/fleet.md).
 */
public final class FleetJob {
  /** Sub-paths of {@code OUT}. */
  public static final String EVENTS = "events";
  public static final String EVENTS_JSON = "events-json";
  public static final String FILES = "files";
  public static final String FILES_JSON = "files-json";
  public static final String DISAGREEMENTS_JSON = "disagreements-json";
  public static final String SUMMARY_DIR = "summary";
  public static final String SUMMARY_HTML = "summary.html";
  public static final String DISAGREEMENTS_HTML = "disagreements.html";
  /** The replay's records while the job runs (removed at its end). */
  static final String STAGING = "staging";

  private static final List<String> WRITTEN = List.of(STAGING, EVENTS, EVENTS_JSON, FILES, FILES_JSON, DISAGREEMENTS_JSON,
      SUMMARY_DIR, SUMMARY_HTML, DISAGREEMENTS_HTML);

  /** What a run found. */
  public record Outcome(FleetTotals totals, int tasks, double seconds) {}

  private FleetJob() {}

  /** The input files and the output directory, checked before Spark starts, so a wrong path fails at once. */
  public record Plan(List<InputFile> files, Path out, FileSystem outFs) {}

  /**
   * Lists the inputs and prepares {@code OUT} (new or empty; with {@code overwrite}, an earlier run's output removed).
   *
   * @param hadoop the Hadoop configuration the driver will have ({@code spark.hadoop.*} applied)
   */
  public static Plan plan(FleetOptions o, Configuration hadoop) throws UnusableInput, IOException {
    List<InputFile> files = InputFiles.expand(o.inputs(), hadoop); // first: a wrong input leaves OUT untouched
    Path out = new Path(o.out());
    return new Plan(files, out, prepareOut(out, hadoop, o.overwrite()));
  }

  public static Outcome run(SparkSession spark, FleetOptions o, Plan plan, PrintWriter err) throws IOException {
    long start = System.nanoTime();
    Configuration hadoop = spark.sparkContext().hadoopConfiguration();
    Path out = plan.out();
    FileSystem outFs = plan.outFs();
    List<InputFile> files = plan.files();
    int cores = spark.sparkContext().defaultParallelism();
    int tasks = Bins.count(files, cores);
    long bytes = files.stream().mapToLong(InputFile::bytes).sum();
    err.printf(Locale.ROOT, "oomspec fleet: %d files, %s MiB, in %d tasks on %s (Spark %s)%n", files.size(),
        mib(bytes), tasks, spark.sparkContext().master(), spark.version());
    err.flush();

    List<List<InputFile>> bins = new ArrayList<>();
    for (List<InputFile> b : Bins.deal(files, Math.max(1, tasks))) {
      bins.add(new ArrayList<>(b));
    }
    Broadcast<List<List<InputFile>>> shipped = JavaSparkContext.fromSparkContext(spark.sparkContext()).broadcast(bins);
    PolicySetup policies = null;
    if (o.policies() != null) {
      List<String> jarNames = new ArrayList<>();
      for (String jar : o.policyJars()) {
        // shipped with the job: every executor fetches it; a task opens its local copy (SparkFiles.get)
        spark.sparkContext().addFile(new java.io.File(jar).toURI().toString());
        jarNames.add(new java.io.File(jar).getName());
      }
      policies = new PolicySetup(o.policies(), o.revision(), jarNames);
    }
    Dataset<Row> records = spark.range(0, bins.size(), 1, bins.size())
        .mapPartitions(new BinReplay(shipped, hadoop, new ReplaySettings(o.hosts(), o.kernel(), o.candidates(), policies)),
            Encoders.row(policies == null ? FleetSchema.RECORD : FleetSchema.RECORD_WITH_POLICIES));
    SaveMode mode = o.overwrite() ? SaveMode.Overwrite : SaveMode.ErrorIfExists;
    // every file is read once: the records go to a staging Parquet, from which events and files are written reading
    // only their own columns
    String staging = sub(out, STAGING);
    records.write().mode(SaveMode.Overwrite).parquet(staging);
    progress(err, start, "replayed");
    try {
      Dataset<Row> staged = spark.read().parquet(staging);
      Dataset<Row> events = staged.where(col("kind").equalTo(FleetSchema.KIND_EVENT)).select("event.*");
      Dataset<Row> fileRows = staged.where(col("kind").equalTo(FleetSchema.KIND_FILE)).select("file.*");
      events.write().mode(mode).parquet(sub(out, EVENTS));
      json(events, mode, sub(out, EVENTS_JSON));
      fileRows.write().mode(mode).parquet(sub(out, FILES));
      json(fileRows, mode, sub(out, FILES_JSON));
      progress(err, start, "events and files written (Parquet, JSON lines)");
    } finally {
      outFs.delete(new Path(staging), true);
    }

    // the summaries read the Parquet just written: only the columns they use
    FleetSummaries summaries = new FleetSummaries(spark, spark.read().parquet(sub(out, EVENTS)),
        spark.read().parquet(sub(out, FILES)), policies != null);
    Dataset<Row> disagreements = summaries.disagreements();
    json(disagreements, mode, sub(out, DISAGREEMENTS_JSON));
    FleetTotals totals = summaries.totals();
    List<Summary> tables = summaries.tables();
    for (Summary s : tables) {
      try (Writer w = create(outFs, new Path(new Path(out, SUMMARY_DIR), s.name() + ".csv"))) {
        CsvWriter.writeTable(s.table(), w);
      }
    }
    progress(err, start, "summaries written");
    List<Row> shown = disagreements.limit(FleetSummaries.DISAGREEMENTS_SHOWN).collectAsList();
    List<EventView> views = new ArrayList<>(shown.size());
    for (Row r : shown) {
      views.add(DisagreementViews.view(r));
    }
    double seconds = (System.nanoTime() - start) / 1e9;
    String generated = String.format(Locale.ROOT, "%d files (%s MiB) on %s, Spark %s, %.1f s; inputs: %s",
        totals.files(), mib(totals.bytes()), spark.sparkContext().master(), spark.version(), seconds,
        String.join(" ", o.inputs()));
    try (Writer w = create(outFs, new Path(out, DISAGREEMENTS_HTML))) {
      VerdictCounts counts = new VerdictCounts(0, totals.disagree(), 0);
      new HtmlReport().write(new ReplayReport("oomspec fleet: disagreeing events", generated, counts, views,
          List.of()), w);
    }
    try (Writer w = create(outFs, new Path(out, SUMMARY_HTML))) {
      SummaryPage.write(generated, totals, tables, disagreementTable(shown), w);
    }
    for (Summary s : tables) {
      if (s.name().equals(FleetSummaries.POLICIES)) {
        for (String line : FleetSummaries.policySentences(s.table())) {
          err.println("oomspec fleet: policies: " + line);
        }
      }
    }
    return new Outcome(totals, bins.size(), (System.nanoTime() - start) / 1e9);
  }

  /** OUT must be new or empty, unless {@code overwrite}: then what an earlier run wrote there is replaced. */
  private static FileSystem prepareOut(Path out, Configuration hadoop, boolean overwrite)
      throws UnusableInput, IOException {
    FileSystem fs;
    try {
      fs = out.getFileSystem(hadoop);
    } catch (IOException e) {
      throw new UnusableInput("--out " + out + ": " + e.getMessage());
    }
    if (fs.exists(out)) {
      FileStatus st = fs.getFileStatus(out);
      if (!st.isDirectory()) {
        throw new UnusableInput("--out " + out + ": not a directory");
      }
      if (fs.listStatus(out).length > 0) {
        if (!overwrite) {
          throw new UnusableInput("--out " + out + ": not empty (use --overwrite to replace an earlier run's output)");
        }
        for (String name : WRITTEN) {
          fs.delete(new Path(out, name), true);
        }
      }
    }
    fs.mkdirs(out);
    return fs;
  }

  private static void progress(PrintWriter err, long start, String what) {
    err.printf(Locale.ROOT, "oomspec fleet: %s (%.1f s)%n", what, (System.nanoTime() - start) / 1e9);
    err.flush();
  }

  private static void json(Dataset<Row> d, SaveMode mode, String path) {
    // null fields are written as null, as replay-format.md has them ("modelVictim": null)
    d.write().mode(mode).option("ignoreNullFields", "false").json(path);
  }

  private static Table disagreementTable(List<Row> rows) {
    List<List<String>> cells = new ArrayList<>();
    for (Row r : rows) {
      Row k = r.getStruct(r.fieldIndex("kernelVictim"));
      Row m = r.getStruct(r.fieldIndex("modelVictim"));
      String host = r.getString(r.fieldIndex("host"));
      cells.add(List.of(host == null ? "" : host,
          r.getString(r.fieldIndex("source")) + ":" + r.getLong(r.fieldIndex("firstLine")),
          k.getString(1) + " (" + k.getInt(0) + ")",
          m == null ? "nobody" : m.getString(1) + " (" + m.getInt(0) + ")",
          r.getString(r.fieldIndex("reason"))));
    }
    return new Table(List.of("host", "source", "kernel killed", "model selects", "reason"), cells);
  }

  private static Writer create(FileSystem fs, Path p) throws IOException {
    return new OutputStreamWriter(fs.create(p, true), StandardCharsets.UTF_8);
  }

  private static String sub(Path out, String name) {
    return new Path(out, name).toString();
  }

  static String mib(long bytes) {
    return String.format(Locale.ROOT, "%.1f", bytes / 1048576.0);
  }
}
