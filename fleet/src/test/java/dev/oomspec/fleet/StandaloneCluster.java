package dev.oomspec.fleet;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.spark.launcher.JavaModuleOptions;

/**
 * A real Spark standalone cluster on this machine, on the loopback address: a {@code SPARK_HOME} laid out like a
 * Spark distribution ({@code jars/} holds Spark's jars, linked from the build's class path; {@code conf/} a logging
 * configuration), a master and its workers as JVM processes of their own
 * ({@code org.apache.spark.deploy.master.Master}, {@code org.apache.spark.deploy.worker.Worker}), each worker
 * starting its executors as further processes. {@link #close()} stops them all, executors included.
 */
final class StandaloneCluster implements AutoCloseable {
  private static final Pattern MASTER_URL = Pattern.compile("Starting Spark master at (spark://\\S+)");
  private static final Pattern REGISTERED = Pattern.compile("Successfully registered with master");

  private final Path home;
  private final Path logs;
  private final List<Process> processes = new ArrayList<>();
  private final Thread onExit = new Thread(this::stopAll, "stop-standalone-cluster");
  private String url;

  private StandaloneCluster(Path home, Path logs) {
    this.home = home;
    this.logs = logs;
    Runtime.getRuntime().addShutdownHook(onExit); // also when the test JVM is ended
  }

  /** Starts a master and {@code workers} workers of {@code cores} cores and {@code memory} each. */
  static StandaloneCluster start(Path dir, int workers, int cores, String memory) throws Exception {
    Path home = sparkHome(dir.resolve("spark-home"));
    Path logs = Files.createDirectories(dir.resolve("logs"));
    StandaloneCluster c = new StandaloneCluster(home, logs);
    try {
      Path masterLog = logs.resolve("master.log");
      c.launch(masterLog, "org.apache.spark.deploy.master.Master",
          "--host", "127.0.0.1", "--port", "0", "--webui-port", "0");
      c.url = c.await(masterLog, MASTER_URL).group(1);
      for (int i = 0; i < workers; i++) {
        Path log = logs.resolve("worker-" + i + ".log");
        c.launch(log, "org.apache.spark.deploy.worker.Worker", "--host", "127.0.0.1", "--port", "0",
            "--webui-port", "0", "--cores", Integer.toString(cores), "--memory", memory,
            "--work-dir", Files.createDirectories(dir.resolve("work-" + i)).toString(), c.url);
        c.await(log, REGISTERED);
      }
      return c;
    } catch (Exception | Error e) {
      c.close();
      throw e;
    }
  }

  String url() {
    return url;
  }

  Path home() {
    return home;
  }

  /** {@code java} with Spark's JVM options and {@code SPARK_HOME}'s class path, as {@code bin/spark-class} runs. */
  List<String> javaCommand(String heap, String mainClass) {
    List<String> cmd = new ArrayList<>();
    cmd.add(FleetRuns.javaBin());
    cmd.addAll(List.of(JavaModuleOptions.defaultModuleOptionArray()));
    cmd.addAll(List.of("-Xmx" + heap, "-cp", home.resolve("conf") + "/:" + home.resolve("jars") + "/*", mainClass));
    return cmd;
  }

  /** The environment of every cluster process: SPARK_HOME, loopback only. */
  void environment(Map<String, String> env) {
    env.put("SPARK_HOME", home.toString());
    env.put("SPARK_SCALA_VERSION", "2.13");
    env.put("SPARK_LOCAL_IP", "127.0.0.1");
    env.put("SPARK_CONF_DIR", home.resolve("conf").toString());
  }

  private void launch(Path log, String mainClass, String... args) throws IOException {
    List<String> cmd = javaCommand("512m", mainClass);
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true).redirectOutput(log.toFile());
    environment(pb.environment());
    processes.add(pb.start());
  }

  /** Waits (at most 2 min) for a line of {@code log}; fails early when a process of the cluster died. */
  private Matcher await(Path log, Pattern p) throws Exception {
    long deadline = System.nanoTime() + 120_000_000_000L;
    while (System.nanoTime() < deadline) {
      if (Files.exists(log)) {
        Matcher m = p.matcher(Files.readString(log, StandardCharsets.ISO_8859_1));
        if (m.find()) {
          return m;
        }
      }
      Optional<Process> dead = processes.stream().filter(pr -> !pr.isAlive()).findFirst();
      if (dead.isPresent()) {
        throw new IllegalStateException("a cluster process ended (exit " + dead.get().exitValue() + "), see " + logs);
      }
      Thread.sleep(200);
    }
    throw new IllegalStateException("no '" + p.pattern() + "' in " + log + " after 2 min");
  }

  /** A SPARK_HOME like a distribution's: Spark's jars (linked) and a conf/ that logs warnings and the daemons' news. */
  private static Path sparkHome(Path home) throws IOException {
    FleetLogs.deleteTree(home);
    Path jars = Files.createDirectories(home.resolve("jars"));
    String cp = Files.readString(FleetRuns.target().resolve("spark-classpath.txt"), StandardCharsets.UTF_8).strip();
    for (String jar : cp.split(java.io.File.pathSeparator)) {
      Path j = Path.of(jar);
      Files.createSymbolicLink(jars.resolve(j.getFileName()), j);
    }
    Path conf = Files.createDirectories(home.resolve("conf"));
    Files.writeString(conf.resolve("log4j2.properties"), String.join("\n",
        "rootLogger.level = warn",
        "rootLogger.appenderRef.stderr.ref = stderr",
        "appender.console.type = Console",
        "appender.console.name = stderr",
        "appender.console.target = SYSTEM_ERR",
        "appender.console.layout.type = PatternLayout",
        "appender.console.layout.pattern = %d{HH:mm:ss} %p %c{1}: %m%n",
        "logger.deploy.name = org.apache.spark.deploy",
        "logger.deploy.level = info",
        "logger.nativecode.name = org.apache.hadoop.util.NativeCodeLoader",
        "logger.nativecode.level = error", ""), StandardCharsets.UTF_8);
    return home;
  }

  @Override
  public void close() {
    stopAll();
    try {
      Runtime.getRuntime().removeShutdownHook(onExit);
    } catch (IllegalStateException shuttingDown) {
      // the hook is running or has run
    }
  }

  /** Workers first (they stop their executors), then the master; whatever is left after 30 s is killed. */
  private synchronized void stopAll() {
    List<ProcessHandle> all = new ArrayList<>();
    for (int i = processes.size() - 1; i >= 0; i--) {
      Process p = processes.get(i);
      p.descendants().forEach(all::add); // the executors
      all.add(p.toHandle());
    }
    all.forEach(ProcessHandle::destroy);
    long deadline = System.nanoTime() + 30_000_000_000L;
    for (ProcessHandle h : all) {
      try {
        h.onExit().get(Math.max(1, deadline - System.nanoTime()), java.util.concurrent.TimeUnit.NANOSECONDS);
      } catch (Exception e) {
        h.destroyForcibly();
      }
    }
    processes.clear();
  }

  /** Every process of the cluster still running (none after {@link #close()}). */
  long alive() {
    return processes.stream().filter(Process::isAlive).count()
        + processes.stream().flatMap(Process::descendants).filter(ProcessHandle::isAlive).count();
  }
}
