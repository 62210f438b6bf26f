package dev.oomspec.traces.tracedat;

/** Where one CPU's ring-buffer pages are in the file. */
sealed interface CpuData {

  int cpu();

  long offset();

  long size();

  /** Raw pages, {@code size} bytes at {@code offset} (v6, or v7 without compression). */
  record Plain(int cpu, long offset, long size) implements CpuData {
  }

  /** v7 compressed: at {@code offset} a u32 chunk count, then chunks (u32 csize, u32 usize, data). */
  record Chunked(int cpu, long offset, long size) implements CpuData {
  }
}
