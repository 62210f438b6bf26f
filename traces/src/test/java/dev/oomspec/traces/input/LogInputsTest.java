package dev.oomspec.traces.input;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.ReadResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Compressed logs are read by content; binary, empty and text inputs are told apart. */
class LogInputsTest {

  static final Path LOG = Path.of("corpus/published/042-lkml-hocko-leaker-5.2-memcg-v1-dmesg.log");
  static final Path COMPRESSED = Path.of("src/test/resources/compressed");

  @ParameterizedTest
  @CsvSource({"042.dmesg.gz,gzip", "042.dmesg.xz,xz", "042.dmesg.zst,zstd", "042.dmesg.bz2,bzip2",
      "042.two-members.gz,gzip"})
  void realToolOutputIsDecompressedByContentWhateverTheName(String file, String label, @TempDir Path tmp)
      throws IOException {
    byte[] plain = Files.readAllBytes(LOG);
    Path renamed = tmp.resolve("messages.old"); // no suffix: the magic decides
    Files.copy(COMPRESSED.resolve(file), renamed);
    try (OpenedInput in = LogInputs.open(renamed)) {
      assertEquals(label, in.compression().label());
      assertInstanceOf(Content.Text.class, in.content());
      assertArrayEquals(plain, in.stream().readAllBytes());
    }
    // the reader's seam: a file and a stream (stdin) give the same event as the plain log
    ReadResult r = OomLogReader.read(renamed);
    assertEquals(1, r.events().size());
    assertEquals(23793, r.events().get(0).victim().pid());
    assertEquals(47, r.accounting().total());
    try (InputStream s = Files.newInputStream(COMPRESSED.resolve(file))) {
      List<dev.oomspec.traces.event.OomEvent> events = new java.util.ArrayList<>();
      OomLogReader.read(s, "-", dev.oomspec.traces.ReadOptions.defaults(), events::add);
      assertEquals(23793, events.get(0).victim().pid());
    }
  }

  @Test
  void plainTextIsText() throws IOException {
    try (OpenedInput in = LogInputs.open(LOG)) {
      assertEquals(Compression.NONE, in.compression());
      assertInstanceOf(Content.Text.class, in.content());
    }
  }

  @Test
  void anElfExecutableIsNamed() throws IOException {
    byte[] elf = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0, 0, 0, 0, 0};
    Content c = LogInputs.open(new ByteArrayInputStream(elf)).content();
    assertEquals(new Content.Binary("an ELF executable or library"), c);
  }

  @Test
  void randomBytesAreBinary() throws IOException {
    byte[] b = new byte[5 * 1024 * 1024];
    new SplittableRandom(15).nextBytes(b);
    b[0] = 'x'; // no magic by accident
    Content c = LogInputs.open(new ByteArrayInputStream(b)).content();
    assertTrue(c instanceof Content.Binary bin && bin.what().startsWith("binary data: "), c.toString());
  }

  @Test
  void emptyIsEmptyAlsoWhenCompressed(@TempDir Path tmp) throws IOException {
    assertInstanceOf(Content.Empty.class, LogInputs.open(new ByteArrayInputStream(new byte[0])).content());
    Path gz = tmp.resolve("empty.gz");
    try (var out = new java.util.zip.GZIPOutputStream(Files.newOutputStream(gz))) {
      out.flush();
    }
    try (OpenedInput in = LogInputs.open(gz)) {
      assertEquals(Compression.GZIP, in.compression());
      assertInstanceOf(Content.Empty.class, in.content());
    }
  }

  @Test
  void aLogWithARunOfNulBytesAfterACrashIsStillText() throws IOException {
    byte[] log = Files.readAllBytes(LOG);
    byte[] b = new byte[log.length + 20_000];
    System.arraycopy(log, 0, b, 0, 1000);
    System.arraycopy(log, 1000, b, 21_000, log.length - 1000); // 20,000 NULs in the middle
    assertInstanceOf(Content.Text.class, LogInputs.open(new ByteArrayInputStream(b)).content());
  }

  @Test
  void utf8TextIsText() throws IOException {
    String s = "[月  1月 26 01:49:41 2026] Out of memory: Killed process 1888 (Web Content)\n".repeat(50);
    Content c = LogInputs.open(new ByteArrayInputStream(s.getBytes(StandardCharsets.UTF_8))).content();
    assertInstanceOf(Content.Text.class, c);
  }

  @Test
  void aTraceDatIsRecognisedAlsoCompressed() throws IOException {
    byte[] dat = Files.readAllBytes(Path.of("corpus/trace-cmd").resolve(
        Files.list(Path.of("corpus/trace-cmd")).filter(p -> p.toString().endsWith(".dat")).findFirst()
            .orElseThrow().getFileName()));
    java.io.ByteArrayOutputStream gz = new java.io.ByteArrayOutputStream();
    try (var out = new java.util.zip.GZIPOutputStream(gz)) {
      out.write(dat);
    }
    OpenedInput in = LogInputs.open(new ByteArrayInputStream(gz.toByteArray()));
    assertInstanceOf(Content.TraceDat.class, in.content());
  }
}
