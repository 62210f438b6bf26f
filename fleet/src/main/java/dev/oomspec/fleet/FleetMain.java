package dev.oomspec.fleet;

import dev.oomspec.fleet.input.HostRule;
import dev.oomspec.fleet.input.UnusableInput;
import dev.oomspec.reference.policy.Revision;
import dev.oomspec.reference.profile.KernelVersion;
import dev.oomspec.traces.policy.PolicyCatalog;
import java.io.IOException;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.apache.hadoop.conf.Configuration;
import org.apache.spark.SparkConf;
import org.apache.spark.sql.SparkSession;
import picocli.CommandLine;
import scala.Tuple2;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code oomspec fleet --out OUT INPUT…}: the replay over a whole fleet's logs on Apache Spark. Embedded in Spark's
 * local mode on this machine's cores by default; under {@code spark-submit} on the master it was given. Exit 0 when no
 * event disagrees, 1 when one does, 2 for unusable arguments or when a file could not be read (the output is complete
 * all the same and names it).
 */
@Command(
    name = "oomspec fleet",
    mixinStandardHelpOptions = true,
    version = "oomspec fleet 0.1.0",
    description = {
      "Replay every OOM report of a fleet's host logs on Apache Spark (the engine of `oomspec replay`) and write the"
          + " events with their verdicts (Parquet and JSON lines), the files' line accounting and the fleet summaries"
          + " (CSV and one HTML page) under OUT.",
      "INPUT: a file, a directory (read recursively) or a glob; file:, hdfs: and s3a: paths."
    })
public final class FleetMain implements Callable<Integer> {

  @Spec CommandSpec spec;

  @Option(names = "--out", required = true, paramLabel = "OUT", description = "output directory (new or empty)")
  String out;

  @Option(names = "--overwrite", description = "replace what an earlier run wrote under OUT")
  boolean overwrite;

  @Option(names = "--host-pattern", paramLabel = "REGEX",
      description = "read the host from the file's path: the first group of REGEX (default: the parent directory)")
  String hostPattern;

  @Option(names = "--kernel", paramLabel = "VERSION",
      description = "replay every event with this kernel version's rules instead of the one the report prints")
  String kernel;

  @Option(names = "--candidates", defaultValue = "5", paramLabel = "N",
      description = "candidates per event (default 5; victims ranked lower are added)")
  int candidates;

  @Option(names = "--policy", paramLabel = "NAME[=ARG][,…]",
      description = "also replay each event through these BPF OOM policies, as `oomspec replay --policy` (docs/policies.md):"
          + " test-oom, test-oomd, largest-rss, largest-cgroup, cgroup-priority=RULES, youngest-first, or a policy of"
          + " --policy-jar / a class name; adds the policies column and summary/policies.csv")
  String policy;

  @Option(names = "--policy-jar", paramLabel = "JAR",
      description = "a jar with your own policies (PolicyProvider in META-INF/services, or OomPolicy classes named in"
          + " --policy), shipped with the job to every executor; repeatable")
  List<java.nio.file.Path> policyJars = new ArrayList<>();

  @Option(names = "--revision", paramLabel = "v3|post", defaultValue = "v3",
      description = "the series revision the policies run on: v3 (default) or post")
  String revision;

  @Option(names = "--master", paramLabel = "URL",
      description = "Spark master (default: the one spark-submit passes, else local[*]: this machine's cores)")
  String master;

  @Parameters(arity = "1..*", paramLabel = "INPUT", description = "host logs: files, directories or globs")
  List<String> inputs = new ArrayList<>();

  public static void main(String[] args) {
    System.exit(run(args));
  }

  /** Runs the command and returns the exit code; usage errors map to 2. */
  public static int run(String... args) {
    CommandLine cli = new CommandLine(new FleetMain());
    cli.setParameterExceptionHandler((ex, a) -> {
      cli.getErr().println("oomspec fleet: " + ex.getMessage());
      ex.getCommandLine().usage(cli.getErr());
      return 2;
    });
    return cli.execute(args);
  }

  @Override
  public Integer call() {
    PrintWriter err = spec.commandLine().getErr();
    FleetOptions options;
    try {
      if (kernel != null) {
        KernelVersion.parse(kernel);
      }
      checkPolicies();
      options = FleetOptions.builder()
          .inputs(inputs)
          .out(out)
          .hosts(hostPattern == null ? HostRule.parentDirectory() : HostRule.pattern(hostPattern))
          .kernel(kernel)
          .candidates(candidates)
          .overwrite(overwrite)
          .policies(policy)
          .policyJars(policyJars.stream().map(j -> j.toAbsolutePath().normalize().toString()).toList())
          .revision(revision)
          .build();
    } catch (IllegalArgumentException e) {
      err.println("oomspec fleet: " + e.getMessage());
      return 2;
    }
    SparkConf conf = sparkConf(master);
    FleetJob.Plan plan;
    try {
      plan = FleetJob.plan(options, hadoopConf(conf));
    } catch (UnusableInput e) {
      err.println("oomspec fleet: " + e.getMessage());
      return 2;
    } catch (IOException | RuntimeException e) {
      err.println("oomspec fleet: " + oneLine(e));
      return 2;
    }
    SparkSession spark;
    try {
      spark = SparkSession.builder().config(conf).getOrCreate();
    } catch (RuntimeException e) {
      err.println("oomspec fleet: cannot start Spark: " + oneLine(e));
      return 2;
    }
    try {
      FleetJob.Outcome o = FleetJob.run(spark, options, plan, err);
      var t = o.totals();
      err.printf(Locale.ROOT, "oomspec fleet: %d events (%d agree, %d disagree, %d undecidable) from %d files"
              + " (%d unreadable), %d lines (%d malformed), in %.1f s; output in %s%n",
          t.events(), t.agree(), t.disagree(), t.undecidable(), t.files(), t.unreadable(), t.lines(),
          t.malformed(), o.seconds(), out);
      if (t.unreadable() > 0) {
        err.println("oomspec fleet: " + t.unreadable() + " files could not be read: see " + out + "/"
            + FleetJob.SUMMARY_DIR + "/unreadable.csv");
        return 2;
      }
      return t.disagree() > 0 ? 1 : 0;
    } catch (IOException | RuntimeException e) {
      err.println("oomspec fleet: " + oneLine(e));
      return 2;
    } finally {
      err.flush();
      spark.stop();
    }
  }

  /**
   * {@code --policy}, {@code --policy-jar} and {@code --revision} as {@code oomspec replay} checks them: the revision
   * known, the list parsed by the same {@link PolicyCatalog} (every name known, every argument accepted), no jar
   * without a policy; and no two jars of the same file name (they are shipped by name).
   *
   * @throws IllegalArgumentException with a one-line message
   */
  private void checkPolicies() {
    if (Revision.parse(revision) == null) {
      throw new IllegalArgumentException("--revision: unknown revision '" + revision + "'; policies run on v3 or post");
    }
    if (policy == null) {
      if (!policyJars.isEmpty()) {
        throw new IllegalArgumentException("--policy-jar without --policy: name the policies to run");
      }
      return;
    }
    java.util.Set<String> names = new java.util.HashSet<>();
    for (java.nio.file.Path j : policyJars) {
      if (j.getFileName() != null && !names.add(j.getFileName().toString())) {
        throw new IllegalArgumentException("--policy-jar: two jars named " + j.getFileName()
            + " (they are shipped to the executors by file name)");
      }
    }
    PolicyCatalog.load(policyJars).parse(policy);
  }

  /**
   * The session's configuration: what spark-submit passed (system properties {@code spark.*}), else local mode on
   * every core, listening on the loopback address only and without the web UI.
   */
  static SparkConf sparkConf(String master) {
    SparkConf conf = new SparkConf().setAppName("oomspec fleet");
    conf.setIfMissing("spark.sql.debug.maxToStringFields", "200"); // the record schema is wide
    if (master != null) {
      conf.setMaster(master);
    } else if (!conf.contains("spark.master")) {
      conf.setMaster("local[*]");
    }
    if (conf.get("spark.master").startsWith("local")) {
      conf.setIfMissing("spark.ui.enabled", "false");
      conf.setIfMissing("spark.driver.host", "127.0.0.1");
      conf.setIfMissing("spark.driver.bindAddress", "127.0.0.1");
      // the summaries' aggregates are small: a few shuffle partitions per core instead of 200
      conf.setIfMissing("spark.sql.shuffle.partitions",
          Integer.toString(4 * Runtime.getRuntime().availableProcessors()));
    }
    return conf;
  }

  /** The driver's Hadoop configuration as Spark will make it: the defaults and every {@code spark.hadoop.*} setting. */
  static Configuration hadoopConf(SparkConf conf) {
    Configuration hadoop = new Configuration();
    for (Tuple2<String, String> kv : conf.getAll()) {
      if (kv._1().startsWith("spark.hadoop.")) {
        hadoop.set(kv._1().substring("spark.hadoop.".length()), kv._2());
      }
    }
    return hadoop;
  }

  /** An exception as one line: its message (or type), and the innermost cause's when it differs. */
  static String oneLine(Throwable e) {
    Throwable root = e;
    while (root.getCause() != null && root.getCause() != root) {
      root = root.getCause();
    }
    String msg = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    msg = msg.lines().findFirst().orElse("");
    if (root != e && root.getMessage() != null && !msg.contains(root.getMessage())) {
      msg += ": " + root.getMessage().lines().findFirst().orElse("");
    }
    return msg;
  }
}
