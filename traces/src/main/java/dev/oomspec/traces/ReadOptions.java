package dev.oomspec.traces;

import dev.oomspec.traces.assemble.Disposition;
import dev.oomspec.traces.read.BoundedLineReader;
import java.util.function.LongConsumer;

/**
 * Options for {@link OomLogReader}.
 *
 * @param reader        a reader name from {@link dev.oomspec.traces.read.Readers} or null to sniff the format
 * @param maxLineLength longer lines are reported malformed and skipped without being buffered
 * @param lineListener  told what became of each input line (tests, debugging), or null; called on the thread
 *                      that called {@link OomLogReader}, once per line, in input order, interleaved with the
 *                      event sink (an input read with a listener is read on the calling thread alone)
 * @param threads       threads that read a large plain file in chunks ({@link ParallelRead}); 1 reads every
 *                      input on the calling thread. Default: the number of CPUs, or the system property
 *                      {@code oomspec.read.threads}
 * @param chunkBytes    the size of those chunks; a file smaller than two chunks is read on the calling thread.
 *                      Default 8 MiB, or the system property {@code oomspec.read.chunk} (bytes)
 * @param progress      told the bytes of a file read by path as they are read (a progress line), or null; called
 *                      on the thread that called {@link OomLogReader}. A stream's bytes are the caller's to count
 */
public record ReadOptions(String reader, int maxLineLength, LineListener lineListener, int threads,
    int chunkBytes, LongConsumer progress) {

  public static final int DEFAULT_CHUNK_BYTES = 8 << 20;

  public ReadOptions {
    if (threads < 1) {
      throw new IllegalArgumentException("threads " + threads);
    }
    if (chunkBytes < 64) {
      throw new IllegalArgumentException("chunkBytes " + chunkBytes);
    }
  }

  public ReadOptions(String reader, int maxLineLength, LineListener lineListener) {
    this(reader, maxLineLength, lineListener, defaultThreads(), defaultChunkBytes(), null);
  }

  /** Receives the disposition of each input line. */
  @FunctionalInterface
  public interface LineListener {
    void line(long number, String text, Disposition disposition);
  }

  public static ReadOptions defaults() {
    return new ReadOptions(null, BoundedLineReader.DEFAULT_MAX_LENGTH, null);
  }

  private static int defaultThreads() {
    Integer n = Integer.getInteger("oomspec.read.threads");
    return n != null && n >= 1 ? n : Runtime.getRuntime().availableProcessors();
  }

  private static int defaultChunkBytes() {
    Integer n = Integer.getInteger("oomspec.read.chunk");
    return n != null && n >= 64 ? n : DEFAULT_CHUNK_BYTES;
  }

  public ReadOptions withReader(String name) {
    return new ReadOptions(name, maxLineLength, lineListener, threads, chunkBytes, progress);
  }

  public ReadOptions withMaxLineLength(int n) {
    return new ReadOptions(reader, n, lineListener, threads, chunkBytes, progress);
  }

  public ReadOptions withListener(LineListener l) {
    return new ReadOptions(reader, maxLineLength, l, threads, chunkBytes, progress);
  }

  public ReadOptions withThreads(int n) {
    return new ReadOptions(reader, maxLineLength, lineListener, n, chunkBytes, progress);
  }

  public ReadOptions withChunkBytes(int n) {
    return new ReadOptions(reader, maxLineLength, lineListener, threads, n, progress);
  }

  public ReadOptions withProgress(LongConsumer bytesRead) {
    return new ReadOptions(reader, maxLineLength, lineListener, threads, chunkBytes, bytesRead);
  }

  /** Tells {@link #progress} of {@code bytes} read, when there is one. */
  void read(long bytes) {
    if (progress != null && bytes > 0) {
      progress.accept(bytes);
    }
  }
}
