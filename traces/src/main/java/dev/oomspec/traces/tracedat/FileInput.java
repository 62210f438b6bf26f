package dev.oomspec.traces.tracedat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * Positional, bounds-checked reads from the {@code .dat} file (or from its bytes held in memory); every failure
 * names file, offset and intent.
 */
final class FileInput implements AutoCloseable {

  private final String name;
  private final FileChannel channel;
  /** The whole file when it is held in memory ({@link #of}); {@code channel} is then null. */
  private final byte[] bytes;
  private final long size;
  private ByteOrder order = ByteOrder.LITTLE_ENDIAN;

  private FileInput(String name, FileChannel channel, byte[] bytes, long size) {
    this.name = name;
    this.channel = channel;
    this.bytes = bytes;
    this.size = size;
  }

  static FileInput open(Path path) throws IOException {
    FileChannel ch = FileChannel.open(path, StandardOpenOption.READ);
    try {
      return new FileInput(String.valueOf(path.getFileName()), ch, null, ch.size());
    } catch (IOException | RuntimeException e) {
      ch.close();
      throw e;
    }
  }

  /** The bytes of a whole file, read in place (not copied; the caller leaves them unchanged). */
  static FileInput of(String name, byte[] bytes) {
    return new FileInput(name, null, bytes, bytes.length);
  }

  String name() {
    return name;
  }

  long size() {
    return size;
  }

  void order(ByteOrder order) {
    this.order = order;
  }

  ByteOrder order() {
    return order;
  }

  TraceDatException error(long offset, String what) {
    return new TraceDatException(name, offset, what);
  }

  /** Reads exactly {@code len} bytes at {@code offset}; {@code what} says what they are, for the error. */
  ByteBuffer read(long offset, long len, String what) throws IOException {
    if (offset < 0 || offset > size) {
      throw error(offset, what + ": offset outside the file (size " + size + " bytes)");
    }
    if (len < 0 || len > Integer.MAX_VALUE - 8) {
      throw error(offset, what + ": implausible length " + len);
    }
    long left = size - offset;
    if (len > left) {
      throw error(offset, "truncated " + what + ", expected " + len + " bytes, " + left + " left");
    }
    ByteBuffer buf = ByteBuffer.allocate((int) len);
    if (bytes != null) {
      return buf.put(bytes, (int) offset, (int) len).flip().order(order);
    }
    long pos = offset;
    while (buf.hasRemaining()) {
      int n = channel.read(buf, pos);
      if (n < 0) {
        throw error(pos, "truncated " + what + ", expected " + len + " bytes, " + (pos - offset) + " read");
      }
      pos += n;
    }
    buf.flip();
    return buf.order(order);
  }

  /** A cursor over {@code len} bytes at {@code offset} of the file. */
  Cursor cursor(long offset, long len, String what) throws IOException {
    return new Cursor(this, read(offset, len, what), offset, what);
  }

  @Override
  public void close() throws IOException {
    if (channel != null) {
      channel.close();
    }
  }
}
