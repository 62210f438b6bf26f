package dev.oomspec.traces.tracedat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A bounds-checked reader over an in-memory piece of the file (a header, a section, a decompressed block).
 * {@code base} is the file offset of byte 0, or -1 when the bytes were decompressed; errors then report the
 * offset inside {@code where}.
 */
final class Cursor implements Input {

  private final FileInput file;
  private final ByteBuffer buf;
  private final long base;
  private final String where;

  Cursor(FileInput file, ByteBuffer buf, long base, String where) {
    this.file = file;
    this.buf = buf.order(file.order());
    this.base = base;
    this.where = where;
  }

  int position() {
    return buf.position();
  }

  void position(int pos) throws TraceDatException {
    if (pos < 0 || pos > buf.limit()) {
      throw fail("position " + pos + " outside " + where + " of " + buf.limit() + " bytes");
    }
    buf.position(pos);
  }

  int remaining() {
    return buf.remaining();
  }

  @Override
  public long pos() {
    return fileOffset();
  }

  long fileOffset() {
    return base < 0 ? buf.position() : base + buf.position();
  }

  TraceDatException fail(String what) {
    String in = base < 0 ? " (inside decompressed " + where + ")" : "";
    return file.error(fileOffset(), what + in);
  }

  private void need(long n, String what) throws TraceDatException {
    if (n < 0 || buf.remaining() < n) {
      throw fail("truncated " + where + ", expected " + n + " bytes for " + what + ", " + buf.remaining() + " left");
    }
  }

  int u8(String what) throws TraceDatException {
    need(1, what);
    return buf.get() & 0xff;
  }

  int u16(String what) throws TraceDatException {
    need(2, what);
    return buf.getShort() & 0xffff;
  }

  @Override
  public long u32(String what) throws TraceDatException {
    need(4, what);
    return buf.getInt() & 0xffffffffL;
  }

  long u64(String what) throws TraceDatException {
    need(8, what);
    return buf.getLong();
  }

  /** A size or offset that must fit a non-negative long and the file. */
  @Override
  public long size64(String what) throws TraceDatException {
    int at = buf.position();
    long v = u64(what);
    if (v < 0) {
      buf.position(at);
      throw fail("implausible " + what + " " + Long.toUnsignedString(v));
    }
    return v;
  }

  byte[] bytes(long n, String what) throws TraceDatException {
    need(n, what);
    byte[] b = new byte[(int) n];
    buf.get(b);
    return b;
  }

  @Override
  public void skip(long n, String what) throws TraceDatException {
    need(n, what);
    buf.position(buf.position() + (int) n);
  }

  @Override
  public Cursor cursor(long n, String what) throws TraceDatException {
    need(n, what);
    java.nio.ByteBuffer slice = buf.slice();
    slice.limit((int) n);
    Cursor c = new Cursor(file, slice, base < 0 ? -1 : fileOffset(), base < 0 ? this.where : what);
    buf.position(buf.position() + (int) n);
    return c;
  }

  /** A NUL-terminated string. */
  @Override
  public String cstring(String what) throws TraceDatException {
    int start = buf.position();
    for (int i = start; i < buf.limit(); i++) {
      if (buf.get(i) == 0) {
        byte[] b = new byte[i - start];
        buf.get(b);
        buf.get();
        return new String(b, StandardCharsets.UTF_8);
      }
    }
    throw fail("unterminated string for " + what + " in " + where);
  }

  /** {@code n} bytes as text, cut at the first NUL. */
  String text(long n, String what) throws TraceDatException {
    byte[] b = bytes(n, what);
    int len = 0;
    while (len < b.length && b[len] != 0) {
      len++;
    }
    return new String(b, 0, len, StandardCharsets.UTF_8);
  }

  /** Expects the exact bytes of {@code magic}. */
  @Override
  public void expect(String magic, String what) throws TraceDatException {
    int at = buf.position();
    byte[] want = magic.getBytes(StandardCharsets.ISO_8859_1);
    need(want.length, what);
    byte[] got = new byte[want.length];
    buf.get(got);
    if (!java.util.Arrays.equals(want, got)) {
      buf.position(at);
      throw fail("expected " + what + " '" + magic.replace("\0", "\\0") + "'");
    }
  }
}
