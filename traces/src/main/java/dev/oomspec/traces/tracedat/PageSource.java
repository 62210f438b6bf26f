package dev.oomspec.traces.tracedat;

import java.io.IOException;
import java.nio.ByteBuffer;

/** Yields one CPU's ring-buffer pages in order, holding at most one page (or one decompressed chunk). */
sealed interface PageSource {

  /** The next page, or null after the last. */
  Page next() throws IOException;

  static PageSource of(FileInput file, CpuData cpu, Codec codec, int pageSize) {
    if (cpu instanceof CpuData.Chunked c) {
      return new Chunked(file, c, codec, pageSize);
    }
    return new Plain(file, (CpuData.Plain) cpu, pageSize);
  }

  /** Uncompressed pages straight from the file, one positional read per page. */
  final class Plain implements PageSource {
    private final FileInput file;
    private final CpuData.Plain cpu;
    private final int pageSize;
    private long done;

    Plain(FileInput file, CpuData.Plain cpu, int pageSize) {
      this.file = file;
      this.cpu = cpu;
      this.pageSize = pageSize;
    }

    @Override
    public Page next() throws IOException {
      if (done >= cpu.size()) {
        return null;
      }
      long at = cpu.offset() + done;
      long n = Math.min(pageSize, cpu.size() - done);
      done += n;
      return new Page(file.read(at, n, "CPU " + cpu.cpu() + " ring-buffer page"), at, "CPU " + cpu.cpu() + " page");
    }
  }

  /** v7 compressed data: a u32 chunk count, then chunks decompressed one at a time and cut into pages. */
  final class Chunked implements PageSource {
    private final FileInput file;
    private final CpuData.Chunked cpu;
    private final Codec codec;
    private final int pageSize;
    private long pos;
    private long chunksLeft = -1;
    private int chunkNo = -1;
    private ByteBuffer chunk;
    private int pageNo;
    private long chunkAt;

    Chunked(FileInput file, CpuData.Chunked cpu, Codec codec, int pageSize) {
      this.file = file;
      this.cpu = cpu;
      this.codec = codec;
      this.pageSize = pageSize;
      this.pos = cpu.offset();
    }

    /** trace-cmd 3.1.6 records the size of the chunks without the leading u32 count. */
    private long end() {
      return Math.min(file.size(), cpu.offset() + 4 + cpu.size());
    }

    private Cursor header(long n, String what) throws IOException {
      if (pos + n > end()) {
        throw file.error(pos, "truncated CPU " + cpu.cpu() + " compressed data, expected " + n + " bytes for "
            + what + ", " + (end() - pos) + " left");
      }
      Cursor c = file.cursor(pos, n, what);
      pos += n;
      return c;
    }

    @Override
    public Page next() throws IOException {
      if (chunksLeft < 0) {
        chunksLeft = header(4, "chunk count").u32("chunk count");
      }
      while (chunk == null || !chunk.hasRemaining()) {
        if (chunksLeft == 0) {
          return null;
        }
        chunksLeft--;
        chunkNo++;
        long at = pos;
        chunkAt = at;
        Cursor h = header(8, "chunk header");
        long csize = h.u32("compressed chunk size");
        long usize = h.u32("uncompressed chunk size");
        if (usize > Codec.MAX_BLOCK || usize % pageSize != 0) {
          throw file.error(at + 4, "implausible uncompressed size " + usize + " of CPU " + cpu.cpu() + " chunk "
              + chunkNo + " (must be a multiple of the " + pageSize + "-byte page)");
        }
        // checked against the CPU's data before anything is allocated for it: csize is any u32 in a corrupt file
        byte[] in = header(csize, "chunk " + chunkNo + " data")
            .bytes(csize, "CPU " + cpu.cpu() + " chunk " + chunkNo);
        try {
          chunk = ByteBuffer.wrap(codec.decompress(in, (int) usize));
        } catch (Codec.BadBlock e) {
          throw new TraceDatException(file.name(), at + 8, e.getMessage() + " (CPU " + cpu.cpu() + " chunk "
              + chunkNo + ")", e);
        }
        pageNo = 0;
      }
      ByteBuffer page = chunk.slice();
      page.limit(pageSize);
      chunk.position(chunk.position() + pageSize);
      return new Page(page.order(file.order()), -1,
          "CPU " + cpu.cpu() + " chunk " + chunkNo + " at 0x" + Long.toHexString(chunkAt) + ", page " + pageNo++);
    }
  }
}
