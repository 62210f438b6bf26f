package dev.oomspec.conformance.cli;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.concurrent.atomic.AtomicLong;

/** Adds every byte read to a shared counter (the progress line's bytes read). */
final class CountingInputStream extends FilterInputStream {
  private final AtomicLong counter;

  CountingInputStream(InputStream in, AtomicLong counter) {
    super(in);
    this.counter = counter;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      counter.incrementAndGet();
    }
    return b;
  }

  @Override
  public int read(byte[] buf, int off, int len) throws IOException {
    int n = super.read(buf, off, len);
    if (n > 0) {
      counter.addAndGet(n);
    }
    return n;
  }

  /** True when this counts stdin (which is never closed). */
  boolean wrapsStdin() {
    return in == System.in;
  }

  @Override
  public void close() throws IOException {
    if (!wrapsStdin()) {
      super.close();
    }
  }

  @Override
  public long skip(long n) throws IOException {
    long s = super.skip(n);
    counter.addAndGet(s);
    return s;
  }
}
