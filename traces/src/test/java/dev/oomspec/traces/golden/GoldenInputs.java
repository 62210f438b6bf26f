package dev.oomspec.traces.golden;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * The inputs of the golden test: every log of the corpus and of the test resources as it is, and three made
 * from them (deterministically): the corpus's dmesg reports repeated to 2 MiB (the shape of the benchmark
 * log), the same with lines cut, doubled, dropped and glued at fixed intervals, and every text log
 * concatenated.
 */
final class GoldenInputs {

  private GoldenInputs() {}

  /** The logs as they are, by name relative to {@code traces/}. */
  static List<String> files(Path traces) {
    List<String> out = new ArrayList<>();
    for (String dir : List.of("corpus", "src/test/resources/logs", "src/test/resources/published",
        "src/test/resources/heldout", "src/test/resources/compressed")) {
      try (Stream<Path> s = Files.walk(traces.resolve(dir))) {
        s.filter(Files::isRegularFile)
            .map(p -> traces.relativize(p).toString().replace('\\', '/'))
            .filter(n -> n.endsWith(".log") || n.endsWith(".dmesg") || n.endsWith(".kmsg") || n.endsWith(".ftrace")
                || n.endsWith(".txt") || n.endsWith(".dmesg-T") || n.endsWith(".dmesg-x") || n.endsWith(".dat")
                || n.endsWith(".json") || n.endsWith(".gz") || n.endsWith(".xz") || n.endsWith(".zst")
                || n.endsWith(".bz2"))
            .sorted()
            .forEach(out::add);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  /** The made inputs, written to {@code dir}: name → file. */
  static List<Path> made(Path traces, Path dir) throws IOException {
    List<String> dmesg = new ArrayList<>();
    for (String line : Files.readAllLines(traces.resolve("corpus/INDEX.tsv"), StandardCharsets.UTF_8).subList(1,
        Files.readAllLines(traces.resolve("corpus/INDEX.tsv"), StandardCharsets.UTF_8).size())) {
      String[] f = line.split("\t");
      if (f.length > 1 && f[1].equals("dmesg")) {
        dmesg.add(f[0]);
      }
    }
    StringBuilder chunk = new StringBuilder();
    for (String f : dmesg) {
      chunk.append(Files.readString(traces.resolve("corpus").resolve(f), StandardCharsets.UTF_8)).append('\n');
    }
    StringBuilder big = new StringBuilder();
    while (big.length() < 2 << 20) {
      big.append(chunk);
    }
    Path bench = dir.resolve("dmesg-2m.log");
    Files.writeString(bench, big, StandardCharsets.UTF_8);

    String[] lines = big.toString().split("\n", -1);
    StringBuilder mangled = new StringBuilder();
    for (int i = 0; i < lines.length; i++) {
      String l = lines[i];
      if (i % 211 == 0) {
        continue; // dropped
      }
      if (i % 97 == 0) {
        l = l.substring(0, l.length() / 2); // cut
      }
      mangled.append(l);
      if (i % 389 != 0) { // else glued to the next line
        mangled.append('\n');
      }
      if (i % 89 == 0) {
        mangled.append(l).append('\n'); // doubled
      }
    }
    Path mangledFile = dir.resolve("dmesg-2m-mangled.log");
    Files.writeString(mangledFile, mangled, StandardCharsets.UTF_8);

    StringBuilder all = new StringBuilder();
    for (String f : files(traces)) {
      if (!f.endsWith(".dat") && !f.startsWith("src/test/resources/compressed/")) {
        all.append(new String(Files.readAllBytes(traces.resolve(f)), StandardCharsets.UTF_8)).append('\n');
      }
    }
    Path mixed = dir.resolve("all-logs.log");
    Files.writeString(mixed, all, StandardCharsets.UTF_8);
    return List.of(bench, mangledFile, mixed);
  }
}
