package dev.oomspec.traces.tracedat;

import java.io.IOException;

/** Sequential reads shared by the v6 layout (straight from the file) and v7 sections (in memory). */
interface Input {

  /** File offset (or offset inside a decompressed section) for error messages. */
  long pos();

  long u32(String what) throws IOException;

  long size64(String what) throws IOException;

  String cstring(String what) throws IOException;

  /** The next {@code n} bytes as a cursor, advancing past them. */
  Cursor cursor(long n, String what) throws IOException;

  void skip(long n, String what) throws IOException;

  void expect(String magic, String what) throws IOException;
}
