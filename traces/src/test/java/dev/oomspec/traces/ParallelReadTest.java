package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.json.EventJson;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The chunked reader gives the sequential reader's events and accounting, also where it cannot use a worker's
 * chunk: with no or few warm-up lines (the worker's state at its first line differs from where the chunk before
 * ended, so the chunk is read again), and with a line too long to find a chunk boundary in (the rest of the
 * file is read as a stream).
 */
class ParallelReadTest {

  @TempDir
  Path dir;

  /** Every dmesg log of the corpus, repeated to about {@code bytes}, with an interleaved syslog host and blanks. */
  private Path log(String name, int bytes, String middle) throws IOException {
    StringBuilder chunk = new StringBuilder();
    for (String f : List.of("adj-ladder", "cascade", "equal-sized", "five-idle", "many-small", "self-sacrifice")) {
      chunk.append(Files.readString(Path.of("corpus/live-6.18/" + f + ".dmesg"), StandardCharsets.UTF_8));
      chunk.append("\n...\n");
    }
    chunk.append(Files.readString(Path.of("src/test/resources/published/042-lkml-hocko-leaker-5.2-memcg-v1-dmesg.log")));
    StringBuilder all = new StringBuilder();
    while (all.length() < bytes / 2) {
      all.append(chunk);
    }
    all.append(middle);
    while (all.length() < bytes) {
      all.append(chunk);
    }
    Path p = dir.resolve(name);
    Files.writeString(p, all, StandardCharsets.UTF_8);
    return p;
  }

  /** Events as JSON lines, then the accounting and the malformed lines. */
  private static String sequential(Path p) throws IOException {
    StringBuilder out = new StringBuilder();
    LineAccounting a;
    try (InputStream in = Files.newInputStream(p)) {
      a = OomLogReader.read(in, p.toString(), ReadOptions.defaults().withThreads(1),
          e -> out.append(EventJson.line(e)).append('\n'));
    }
    return out + a.toString();
  }

  private static ParallelRead.Outcome chunked(Path p, int chunk, int warm, StringBuilder out) throws IOException {
    ReadOptions o = ReadOptions.defaults().withThreads(3).withChunkBytes(chunk);
    ParallelRead.Outcome r = ParallelRead.read(p, Files.size(p), p.toString(), o, OomLogReader.setup(p, o), 3,
        EventJson::line, l -> out.append(l).append('\n'), warm);
    out.append(r.accounting());
    return r;
  }

  @Test
  void chunksReadAgainWhenTheStatesDifferGiveTheSequentialResult() throws IOException {
    Path p = log("repeated.log", 600_000, "");
    String want = sequential(p);
    for (int warm : new int[] {0, 40, 400}) {
      StringBuilder got = new StringBuilder();
      ParallelRead.Outcome r = chunked(p, 8192, warm, got);
      assertEquals(want, got.toString(), "warm-up " + warm);
      assertFalse(r.gaveUp());
      if (warm == 0) {
        assertEquals(r.chunks() - 1, r.readAgain(), "with no warm-up every chunk after the first is read again");
      }
    }
    StringBuilder got = new StringBuilder();
    ParallelRead.Outcome r = chunked(p, 8192, ParallelRead.WARM_LINES, got);
    assertEquals(want, got.toString());
    assertEquals(0, r.readAgain(), "with the warm-up, every worker reaches the state its chunk starts in");
    assertTrue(r.chunks() > 60);
  }

  @Test
  void aLineTooLongForAChunkBoundaryEndsParallelReading() throws IOException {
    // longer than a chunk boundary is looked for: some boundaries fall more than that before its end
    String longLine = "[  999.000000] " + "x".repeat(ParallelRead.LONGEST_LINE + 256 * 1024) + "\n";
    Path p = log("long-line.log", 400_000, longLine);
    String want = sequential(p);
    StringBuilder got = new StringBuilder();
    ParallelRead.Outcome r = chunked(p, 16_384, ParallelRead.WARM_LINES, got);
    assertTrue(r.gaveUp());
    assertEquals(want, got.toString());
    assertTrue(want.contains("exceeds the limit of 65536; skipped"), "the long line is reported");
  }
}
