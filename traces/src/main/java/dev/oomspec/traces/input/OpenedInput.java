package dev.oomspec.traces.input;

import java.io.IOException;
import java.io.InputStream;

/**
 * An input opened for reading: the decompressed bytes, the compression they came in and what they hold.
 * Closing it closes the underlying stream.
 *
 * @param stream      the decompressed bytes, from the first (nothing consumed by the sniffing)
 * @param compression how the bytes were compressed ({@link Compression#NONE} when they were not)
 * @param content     text, trace.dat, empty or binary
 */
public record OpenedInput(InputStream stream, Compression compression, Content content) implements AutoCloseable {

  /** {@code " (gzip)"} for a compressed input, {@code ""} otherwise: for messages and the line accounting. */
  public String compressionNote() {
    return compression == Compression.NONE ? "" : " (" + compression.label() + ")";
  }

  @Override
  public void close() throws IOException {
    stream.close();
  }
}
