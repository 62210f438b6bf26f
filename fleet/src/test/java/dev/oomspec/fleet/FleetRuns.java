package dev.oomspec.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/** What the fleet tests share: where the build put things, reading the job's JSON lines, running a process. */
final class FleetRuns {
  private FleetRuns() {}

  static Path target() {
    String t = System.getProperty("fleet.target");
    return t == null ? Path.of("target").toAbsolutePath() : Path.of(t);
  }

  /** Every JSON object of the part files of a Spark JSON output directory. */
  static List<JsonNode> jsonLines(Path dir) {
    List<JsonNode> out = new ArrayList<>();
    try (Stream<Path> parts = Files.list(dir)) {
      for (Path p : parts.filter(p -> p.getFileName().toString().endsWith(".json")).sorted().toList()) {
        for (String line : Files.readAllLines(p, StandardCharsets.UTF_8)) {
          out.add(ReplayOracle.JSON.readTree(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out;
  }

  /** A Hadoop path string ({@code file:/a/b}) as the local path the replay was given. */
  static String localPath(String source) {
    return new org.apache.hadoop.fs.Path(source).toUri().getPath();
  }

  /** The JVM options of Spark's launcher, as the build wrote them for the oomspec launcher. */
  static String jvmArgsFile() {
    return "@" + target().resolve("fleet-jvm.args");
  }

  static String javaBin() {
    return Path.of(System.getProperty("java.home"), "bin", "java").toString();
  }

  /** Runs to its end (at most {@code minutes}), output to {@code log}; the process is killed on timeout. */
  static int run(ProcessBuilder pb, Path log, int minutes) throws IOException, InterruptedException {
    pb.redirectErrorStream(true).redirectOutput(log.toFile());
    pb.environment().put("SPARK_LOCAL_IP", "127.0.0.1");
    Process p = pb.start();
    try {
      if (!p.waitFor(minutes, TimeUnit.MINUTES)) {
        throw new AssertionError("still running after " + minutes + " min: " + pb.command() + "; log " + log);
      }
      return p.exitValue();
    } finally {
      p.descendants().forEach(ProcessHandle::destroyForcibly);
      p.destroyForcibly();
    }
  }
}
