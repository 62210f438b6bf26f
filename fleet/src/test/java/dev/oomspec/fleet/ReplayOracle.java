package dev.oomspec.fleet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oomspec.conformance.cli.OomspecCli;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What {@code oomspec replay --format json} says about the same files: the CLI's own command, run in this JVM, once
 * per set of files. The fleet job is checked against it, never against itself.
 */
final class ReplayOracle {
  static final ObjectMapper JSON = new ObjectMapper();

  /** The replay's JSON lines and exit code. */
  record Replay(List<JsonNode> events, int exitCode) {}

  private static final Map<List<String>, Replay> DONE = new HashMap<>();

  private ReplayOracle() {}

  /** {@code oomspec replay --format json --out OUT [options…] FILE…}, once per distinct call. */
  static synchronized Replay replay(List<Path> files, Path out, String... options) {
    List<String> args = new ArrayList<>(List.of("replay", "--format", "json", "--out", out.toString()));
    args.addAll(List.of(options));
    for (Path f : files) {
      args.add(f.toString());
    }
    return DONE.computeIfAbsent(args, a -> run(a, out));
  }

  private static Replay run(List<String> args, Path out) {
    int code = OomspecCli.run(args.toArray(String[]::new));
    try {
      List<JsonNode> events = new ArrayList<>();
      for (String line : Files.readAllLines(out, StandardCharsets.UTF_8)) {
        events.add(JSON.readTree(line));
      }
      return new Replay(List.copyOf(events), code);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The comparison key the issue names: (file, firstLine, verdict, kernelVictim, modelVictim). */
  static String key(String file, JsonNode e) {
    return file + "\t" + e.get("firstLine").asLong() + "\t" + e.get("verdict").asText() + "\t"
        + e.get("kernelVictim") + "\t" + e.get("modelVictim");
  }
}
