package dev.oomspec.traces.input;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Opens a log for the readers: decompresses it by content (gzip, xz, zstd, bzip2 — by the magic bytes, so
 * {@code kern.log.1.gz}, a renamed {@code messages.old} and a compressed stdin are all read alike), then says
 * whether the bytes are text, a trace.dat, empty or binary. Layers of compression are not stacked: one is
 * removed (a {@code .gz} inside a {@code .gz} stays binary, as {@code zcat} leaves it).
 *
 * <pre>{@code
 * try (OpenedInput in = LogInputs.open(Path.of("kern.log.1.gz"))) {
 *   if (in.content() instanceof Content.Binary b) { … b.what() … }
 *   OomLogReader.read(in.stream(), "kern.log.1.gz", options, sink);
 * }
 * }</pre>
 */
public final class LogInputs {

  /** Bytes looked at to tell text from binary. */
  static final int SNIFF_BYTES = 64 * 1024;

  private LogInputs() {}

  /** Opens a file (relative paths resolve against the working directory, as {@link Path} does). */
  public static OpenedInput open(Path file) throws IOException {
    InputStream raw = Files.newInputStream(file);
    try {
      return open(raw);
    } catch (IOException | RuntimeException e) {
      raw.close();
      throw e;
    }
  }

  /** Opens a stream (a file's bytes, stdin): decompresses and classifies it. */
  public static OpenedInput open(InputStream raw) throws IOException {
    BufferedInputStream b = buffered(raw);
    Compression c = compressionOf(b);
    InputStream plain = b;
    if (c != Compression.NONE) {
      try {
        plain = buffered(c.wrap(b));
      } catch (IOException e) {
        throw new IOException(c.label() + " data unreadable: " + e.getMessage(), e);
      }
    }
    BufferedInputStream p = buffered(plain);
    p.mark(SNIFF_BYTES);
    byte[] head = p.readNBytes(SNIFF_BYTES);
    p.reset();
    return new OpenedInput(p, c, ContentSniffer.classify(head, head.length));
  }

  /**
   * The seam for {@code OomLogReader}: the decompressed bytes of {@code in}, or {@code in} itself (buffered)
   * when it is not compressed.
   */
  public static InputStream decompress(InputStream in) throws IOException {
    BufferedInputStream b = buffered(in);
    Compression c = compressionOf(b);
    return c == Compression.NONE ? b : buffered(c.wrap(b));
  }

  /** The compression of a file, by its first bytes. */
  public static Compression compressionOf(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      byte[] head = in.readNBytes(Compression.MAGIC_BYTES);
      return Compression.of(head, head.length);
    }
  }

  private static Compression compressionOf(BufferedInputStream b) throws IOException {
    b.mark(Compression.MAGIC_BYTES);
    byte[] head = b.readNBytes(Compression.MAGIC_BYTES);
    b.reset();
    return Compression.of(head, head.length);
  }

  private static BufferedInputStream buffered(InputStream in) {
    return in instanceof BufferedInputStream bi ? bi : new BufferedInputStream(in, 64 * 1024);
  }
}
