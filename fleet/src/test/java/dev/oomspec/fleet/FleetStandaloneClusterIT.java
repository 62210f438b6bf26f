package dev.oomspec.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.DisabledIfSystemProperty;

/**
 * The job on a real Spark standalone cluster on this machine — a master and two workers, each a JVM of its own on
 * the loopback address, started from Spark's jars — submitted with Spark's own {@code SparkSubmit} and the job jar
 * ({@code oomspec-fleet-job.jar}) as {@code spark-submit} would, over 1,000 hosts' logs built from the corpus. The
 * set of (file, firstLine, verdict, kernelVictim, modelVictim) equals what {@code oomspec replay} gives on the same
 * files. The cluster is always torn down.
 */
@DisabledIfSystemProperty(named = "fleet.cluster.skip", matches = "true")
class FleetStandaloneClusterIT {

  @Test
  void clusterReplaysLikeTheCli() throws Exception {
    Path work = Files.createDirectories(FleetRuns.target().resolve("fleet-it"));
    FleetLogs.Built logs = FleetLogs.hosts(work.resolve("logs"), 1000);
    ReplayOracle.Replay replay = ReplayOracle.replay(logs.files(), work.resolve("replay-cluster.jsonl"));
    Path out = work.resolve("cluster-out");
    FleetLogs.deleteTree(out);
    Path dir = work.resolve("cluster");
    long t0 = System.nanoTime();
    int exit;
    long alive;
    double jobSeconds;
    try (StandaloneCluster cluster = StandaloneCluster.start(dir, 2, 1, "1g")) {
      double startSeconds = (System.nanoTime() - t0) / 1e9;
      List<String> submit = cluster.javaCommand("1g", "org.apache.spark.deploy.SparkSubmit");
      submit.addAll(List.of("--master", cluster.url(), "--deploy-mode", "client",
          "--class", "dev.oomspec.fleet.FleetMain", "--name", "oomspec-fleet-it",
          "--conf", "spark.driver.host=127.0.0.1", "--conf", "spark.driver.bindAddress=127.0.0.1",
          "--conf", "spark.ui.enabled=false", "--conf", "spark.executor.memory=512m",
          "--conf", "spark.executor.cores=1", "--conf", "spark.cores.max=2",
          "--conf", "spark.sql.shuffle.partitions=4",
          System.getProperty("fleet.job.jar", FleetRuns.target().resolve("oomspec-fleet-job.jar").toString()),
          "--out", out.toString(), logs.dir().toString()));
      ProcessBuilder pb = new ProcessBuilder(submit);
      cluster.environment(pb.environment());
      long t1 = System.nanoTime();
      exit = FleetRuns.run(pb, work.resolve("cluster-submit.log"), 10);
      jobSeconds = (System.nanoTime() - t1) / 1e9;
      System.out.printf("fleet cluster: %s, 2 workers; started in %.1f s; %d files, %d bytes, %d events, job %.1f s%n",
          cluster.url(), startSeconds, logs.files().size(), logs.bytes(), replay.events().size(), jobSeconds);
      String log = Files.readString(work.resolve("cluster-submit.log"), StandardCharsets.UTF_8);
      assertTrue(log.contains("on " + cluster.url()), "ran on the cluster: " + log);
      assertTrue(executorsRan(dir), "executors ran under the workers' work directories");
      cluster.close();
      alive = cluster.alive();
    }
    assertEquals(0, alive, "the cluster is down");
    assertEquals(replay.exitCode(), exit, Files.readString(work.resolve("cluster-submit.log")));

    Set<String> expected = new HashSet<>();
    for (JsonNode e : replay.events()) {
      expected.add(ReplayOracle.key(e.get("source").asText(), e));
    }
    List<JsonNode> fleet = FleetRuns.jsonLines(out.resolve(FleetJob.EVENTS_JSON));
    Set<String> actual = new HashSet<>();
    for (JsonNode e : fleet) {
      actual.add(ReplayOracle.key(FleetRuns.localPath(e.get("source").asText()), e));
    }
    assertTrue(replay.events().size() >= 1000, replay.events().size() + " events");
    assertEquals(replay.events().size(), fleet.size());
    assertEquals(expected, actual);
    List<JsonNode> files = FleetRuns.jsonLines(out.resolve(FleetJob.FILES_JSON));
    assertEquals(logs.files().size(), files.size(), "one row per input file");
  }

  /** Each worker's work directory holds the application's executor directories (stderr of each executor). */
  private static boolean executorsRan(Path dir) throws Exception {
    List<Path> executors = new ArrayList<>();
    for (int i = 0; i < 2; i++) {
      Path w = dir.resolve("work-" + i);
      try (var apps = Files.list(w)) {
        for (Path app : apps.toList()) {
          try (var ex = Files.list(app)) {
            executors.addAll(ex.toList());
          }
        }
      }
    }
    return executors.size() >= 2;
  }
}
