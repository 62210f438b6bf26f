package dev.oomspec.traces.tracedat;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Truncated and bit-flipped copies of the real recordings: the reader either reads them cleanly (possibly fewer
 * or different events) or throws a {@link TraceDatException} naming the file and an offset; never another
 * exception.
 */
class TraceDatCorruptionTest {

  @TempDir
  Path tmp;

  static Stream<Path> datFiles() {
    return Corpus.datFiles().stream();
  }

  /** Number of events read, or -1 after a proper TraceDatException; fails on anything else. */
  private static int readAll(Path file, String what) {
    String name = file.getFileName().toString();
    try (TraceDatReader r = TraceDatReader.open(file)) {
      return (int) r.events().count();
    } catch (TraceDatException e) {
      checkMessage(e, name, what);
      return -1;
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof TraceDatException t) {
        checkMessage(t, name, what);
        return -1;
      }
      return fail(what + ": unexpected " + e, e);
    } catch (Throwable e) {
      return fail(what + ": unexpected " + e, e);
    }
  }

  private static void checkMessage(TraceDatException e, String name, String what) {
    assertTrue(e.getMessage().startsWith(name + ": offset 0x"), what + ": message without file/offset: "
        + e.getMessage());
    assertEquals(name, e.file(), what);
  }

  @ParameterizedTest(name = "truncated copies of {0}")
  @MethodSource("datFiles")
  void truncated(Path dat) throws IOException {
    long size = Files.size(dat);
    int full = readAll(dat, "intact " + dat);
    TreeSet<Long> cuts = new TreeSet<>(List.of(0L, 5L, 11L, 13L, 20L, 40L, 100L, 300L, 600L, 4096L, size / 2,
        size - 8192, size - 4097, size - 4000, size - 1000, size - 100, size - 20, size - 1));
    for (long cut : cuts) {
      Path copy = tmp.resolve(dat.getFileName().toString());
      try (FileChannel in = FileChannel.open(dat);
          FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
              StandardOpenOption.TRUNCATE_EXISTING)) {
        in.transferTo(0, cut, out);
      }
      int n = readAll(copy, dat.getFileName() + " cut at " + cut);
      assertTrue(n <= full, "a truncated copy cannot have more events: " + n + " > " + full);
      if (cut < 600) {
        assertEquals(-1, n, "a file cut at " + cut + " bytes must be rejected");
      }
    }
  }

  @ParameterizedTest(name = "bit-flipped copies of {0}")
  @MethodSource("datFiles")
  void bitFlips(Path dat) throws IOException {
    Path copy = tmp.resolve(dat.getFileName().toString());
    Files.copy(dat, copy);
    long size = Files.size(copy);
    List<Long> positions = new ArrayList<>();
    for (long p = 0; p < Math.min(1024, size); p += 5) {
      positions.add(p);
    }
    for (long p = Math.max(1024, size - 16384); p < size; p += 13) {
      positions.add(p);
    }
    int errors = 0;
    try (FileChannel ch = FileChannel.open(copy, StandardOpenOption.READ, StandardOpenOption.WRITE)) {
      for (long p : positions) {
        ByteBuffer b = ByteBuffer.allocate(1);
        ch.read(b, p);
        byte orig = b.get(0);
        ch.write(ByteBuffer.wrap(new byte[] {(byte) (orig ^ (1 << (p % 8)))}), p);
        if (readAll(copy, dat.getFileName() + " bit " + (p % 8) + " flipped at 0x" + Long.toHexString(p)) < 0) {
          errors++;
        }
        ch.write(ByteBuffer.wrap(new byte[] {orig}), p);
      }
    }
    assertTrue(errors > 0, "some flips (magic, version, sizes) must be detected");
  }

  @Test
  void truncatedFlyrecordNamesFileOffsetAndExpectation() throws IOException {
    Path dat = Corpus.DIR.resolve("memcg-oom-v6.trace.dat");
    Path copy = tmp.resolve("memcg.dat");
    try (FileChannel in = FileChannel.open(dat);
        FileChannel out = FileChannel.open(copy, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
      in.transferTo(0, Files.size(dat) - 1000, out);
    }
    TraceDatException e = assertThrows(TraceDatException.class, () -> TraceDatReader.open(copy).close());
    assertTrue(e.getMessage().matches("memcg\\.dat: offset 0x[0-9a-f]+: truncated .*expected \\d+ bytes, \\d+ left"),
        e.getMessage());
  }

  @Test
  void notATraceFile() throws IOException {
    Path f = tmp.resolve("notes.txt");
    Files.writeString(f, "hello, this is not a trace.dat file\n");
    TraceDatException e = assertThrows(TraceDatException.class, () -> TraceDatReader.open(f).close());
    assertTrue(e.getMessage().startsWith("notes.txt: offset 0x0: expected trace.dat magic"), e.getMessage());
  }
}
