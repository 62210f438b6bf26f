package dev.oomspec.traces.tracedat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;

/** Sequential reads through the file without loading it: small positional reads, skips by offset. */
final class Walker implements Input {

  private final FileInput file;
  private long pos;

  Walker(FileInput file, long pos) {
    this.file = file;
    this.pos = pos;
  }

  @Override
  public long pos() {
    return pos;
  }

  void seek(long p) {
    pos = p;
  }

  int u16(String what) throws IOException {
    int v = file.read(pos, 2, what).getShort() & 0xffff;
    pos += 2;
    return v;
  }

  @Override
  public long u32(String what) throws IOException {
    long v = file.read(pos, 4, what).getInt() & 0xffffffffL;
    pos += 4;
    return v;
  }

  @Override
  public long size64(String what) throws IOException {
    long v = file.read(pos, 8, what).getLong();
    if (v < 0 || v > file.size()) {
      throw file.error(pos, "implausible " + what + " " + Long.toUnsignedString(v) + " (file has " + file.size()
          + " bytes)");
    }
    pos += 8;
    return v;
  }

  /** A cursor over the next {@code n} bytes, advancing past them. */
  @Override
  public Cursor cursor(long n, String what) throws IOException {
    Cursor c = file.cursor(pos, n, what);
    pos += n;
    return c;
  }

  @Override
  public void skip(long n, String what) throws IOException {
    if (n < 0 || pos + n > file.size()) {
      throw file.error(pos, "truncated " + what + ", expected " + n + " bytes, " + (file.size() - pos) + " left");
    }
    pos += n;
  }

  @Override
  public String cstring(String what) throws IOException {
    StringBuilder sb = new StringBuilder();
    long p = pos;
    while (true) {
      long n = Math.min(256, file.size() - p);
      if (n <= 0) {
        throw file.error(pos, "unterminated string for " + what);
      }
      byte[] b = new byte[(int) n];
      file.read(p, n, what).get(b);
      for (int i = 0; i < b.length; i++) {
        if (b[i] == 0) {
          sb.append(new String(b, 0, i, StandardCharsets.UTF_8));
          pos = p + i + 1;
          return sb.toString();
        }
      }
      sb.append(new String(b, StandardCharsets.UTF_8));
      p += n;
      if (sb.length() > 1 << 16) {
        throw file.error(pos, "unterminated string for " + what);
      }
    }
  }

  @Override
  public void expect(String magic, String what) throws IOException {
    Cursor c = file.cursor(pos, magic.length(), what);
    c.expect(magic, what);
    pos += magic.length();
  }

  /** Peeks whether the next bytes equal {@code magic}. */
  boolean at(String magic) throws IOException {
    if (pos + magic.length() > file.size()) {
      return false;
    }
    byte[] b = new byte[magic.length()];
    file.read(pos, magic.length(), magic).get(b);
    return new String(b, StandardCharsets.ISO_8859_1).equals(magic);
  }
}
