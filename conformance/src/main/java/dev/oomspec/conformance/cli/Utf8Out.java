package dev.oomspec.conformance.cli;

import java.io.BufferedOutputStream;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;

/**
 * A UTF-8 {@link PrintWriter} over a byte stream (stdout, an {@code --out} file) that also takes output already
 * made as UTF-8 bytes — JSON lines rendered on the reading threads — without decoding it back into chars. Output
 * to another writer (a test's) is given as chars instead ({@link #write(Writer, byte[])}). Closing stdout only
 * flushes it.
 */
final class Utf8Out extends PrintWriter {
  private final BufferedOutputStream bytes;
  private final boolean closes;
  private boolean charsPending;

  /** The process's stdout (never closed). */
  static Utf8Out stdout() {
    return new Utf8Out(new FileOutputStream(FileDescriptor.out), false);
  }

  /** {@code out}, closed with this writer. */
  static Utf8Out of(OutputStream out) {
    return new Utf8Out(out, true);
  }

  private Utf8Out(OutputStream out, boolean closes) {
    this(new BufferedOutputStream(out, 1 << 16), closes);
  }

  private Utf8Out(BufferedOutputStream bytes, boolean closes) {
    super(new OutputStreamWriter(bytes, StandardCharsets.UTF_8), false);
    this.bytes = bytes;
    this.closes = closes;
  }

  /** Writes UTF-8 bytes to {@code out}: as bytes when it is a {@code Utf8Out}, else as the chars they encode. */
  static void write(Writer out, byte[] utf8) throws IOException {
    if (out instanceof Utf8Out u) {
      u.bytes(utf8);
    } else {
      out.write(new String(utf8, StandardCharsets.UTF_8));
    }
  }

  private void bytes(byte[] b) throws IOException {
    if (charsPending) {
      super.flush();
      charsPending = false;
    }
    bytes.write(b);
  }

  @Override
  public void write(int c) {
    charsPending = true;
    super.write(c);
  }

  @Override
  public void write(char[] buf, int off, int len) {
    charsPending = true;
    super.write(buf, off, len);
  }

  @Override
  public void write(String s, int off, int len) {
    charsPending = true;
    super.write(s, off, len);
  }

  @Override
  public void flush() {
    super.flush(); // the writer flushes the byte stream below it
    charsPending = false;
  }

  @Override
  public void close() {
    if (closes) {
      super.close();
    } else {
      flush();
    }
  }

  /** Unchecked, for lambdas. */
  static void writeUnchecked(Writer out, byte[] utf8) {
    try {
      write(out, utf8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
