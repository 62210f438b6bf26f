package dev.oomspec.traces.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.oomspec.traces.ReadOptions;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every log of the corpus and the test resources (held-out and compressed ones included), and three logs made
 * from them ({@link GoldenInputs}), read into exactly what main at 358df5e read them into — the build before the
 * byte-level reader was merged, with the user-files readers and assembler rules (issue 15): the expected digests
 * of {@code golden/INDEX.tsv} are that build's output ({@link GoldenOutput} compiled against 358df5e's jar, read
 * by path with its default options). Read as a stream, and as a file in chunks on several threads (64 KiB and
 * 4 KiB chunks, so that reports straddle chunk boundaries).
 */
class GoldenTest {

  static final Path TRACES = Path.of("").toAbsolutePath();
  static Map<String, String[]> expected;

  @TempDir
  static Path dir;

  @BeforeAll
  static void load() throws IOException {
    expected = new LinkedHashMap<>();
    try (InputStream in = GoldenTest.class.getResourceAsStream("INDEX.tsv")) {
      List<String> lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
      for (String l : lines.subList(1, lines.size())) {
        String[] f = l.split("\t");
        expected.put(f[0], new String[] {f[1], f[2]});
      }
    }
  }

  @Test
  void everyLogReadsAsBefore() throws IOException {
    List<String> files = GoldenInputs.files(TRACES);
    assertEquals(expected.keySet().stream().filter(k -> !k.startsWith("made/")).toList(), files,
        "the logs of the golden index");
    List<String> wrong = new ArrayList<>();
    for (String f : files) {
      check(wrong, f, TRACES.resolve(f), ReadOptions.defaults(), false);
      check(wrong, f, TRACES.resolve(f), ReadOptions.defaults(), true);
    }
    assertEquals(List.of(), wrong);
  }

  @Test
  void madeLogsReadAsBeforeAlsoInChunks() throws IOException {
    List<String> wrong = new ArrayList<>();
    for (Path p : GoldenInputs.made(TRACES, dir)) {
      String name = "made/" + p.getFileName();
      check(wrong, name, p, ReadOptions.defaults().withThreads(1), false);
      check(wrong, name, p, ReadOptions.defaults().withThreads(1), true);
      check(wrong, name, p, ReadOptions.defaults().withThreads(3).withChunkBytes(64 * 1024), true);
      check(wrong, name, p, ReadOptions.defaults().withThreads(2).withChunkBytes(4096), true);
    }
    assertEquals(List.of(), wrong);
  }

  private static void check(List<String> wrong, String name, Path file, ReadOptions options, boolean byPath)
      throws IOException {
    String[] want = expected.get(name);
    String[] got = GoldenOutput.digests(file, name, options, byPath);
    String how = (byPath ? "file, " + options.threads() + " threads, chunks of " + options.chunkBytes() : "stream");
    if (!want[0].equals(got[0])) {
      wrong.add(name + " (" + how + "): events differ");
    }
    if (!want[1].equals(got[1])) {
      wrong.add(name + " (" + how + "): replay differs");
    }
  }
}
