package dev.oomspec.traces.tracedat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Walks one CPU's events page by page, decoding the kernel ring-buffer event headers
 * ({@code include/linux/ring_buffer.h}): a 32-bit word with {@code type_len} (5 bits) and {@code time_delta}
 * (27 bits); type_len 1..28 = data of type_len*4 bytes, 0 = length in the next word, 29 = padding,
 * 30 = time extend (delta high bits), 31 = absolute time stamp. Semantics follow libtraceevent's kbuffer.
 */
final class CpuCursor {

  static final int TYPE_PADDING = 29;
  static final int TYPE_TIME_EXTEND = 30;
  static final int TYPE_TIME_STAMP = 31;
  private static final int TS_SHIFT = 27;

  private final FileInput file;
  private final int cpu;
  private final PageSource pages;
  private final PageLayout layout;
  private final boolean bigEndian;

  private Page page;
  private int curr;
  private int end;
  private long ts;
  private RawEvent head;

  CpuCursor(FileInput file, int cpu, PageSource pages, PageLayout layout) {
    this.file = file;
    this.cpu = cpu;
    this.pages = pages;
    this.layout = layout;
    this.bigEndian = file.order() == ByteOrder.BIG_ENDIAN;
  }

  int cpu() {
    return cpu;
  }

  /** The next event without consuming it, or null when this CPU is exhausted. */
  RawEvent peek() throws IOException {
    while (head == null) {
      if (page == null && !nextPage()) {
        return null;
      }
      head = decodeNext();
      if (head == null) {
        page = null;
      }
    }
    return head;
  }

  RawEvent take() throws IOException {
    RawEvent e = peek();
    head = null;
    return e;
  }

  private boolean nextPage() throws IOException {
    while (true) {
      Page p = pages.next();
      if (p == null) {
        return false;
      }
      ByteBuffer d = p.data();
      if (d.limit() < layout.dataOffset()) {
        throw error(p, 0, "truncated ring-buffer page, expected at least " + layout.dataOffset()
            + " bytes of page header, " + d.limit() + " left");
      }
      long commit = FieldRenderer.readNumber(d, layout.commitOffset(), layout.commitSize()) & PageLayout.COMMIT_MASK;
      if (layout.dataOffset() + commit > d.limit()) {
        throw error(p, layout.commitOffset(), "ring-buffer page commit " + commit + " exceeds the "
            + (d.limit() - layout.dataOffset()) + " data bytes of the page");
      }
      page = p;
      ts = FieldRenderer.readNumber(d, layout.tsOffset(), layout.tsSize());
      curr = layout.dataOffset();
      end = layout.dataOffset() + (int) commit;
      if (commit > 0) {
        return true;
      }
    }
  }

  /** The next data event on the current page, or null at its end. */
  private RawEvent decodeNext() throws TraceDatException {
    ByteBuffer d = page.data();
    while (curr + 4 <= end) {
      int at = curr;
      int word = d.getInt(at);
      int typeLen = bigEndian ? (word >>> 27) & 0x1f : word & 0x1f;
      long delta = bigEndian ? word & ((1 << 27) - 1) : (word >>> 5) & ((1L << 27) - 1);
      switch (typeLen) {
        case TYPE_PADDING -> {
          if (delta == 0 || at + 8 > end) {
            curr = end; // a null padding event: the rest of the page is unused
            continue;
          }
          // a discarded event: array[0] holds its length after the header word
          long length = d.getInt(at + 4) & 0xffffffffL;
          ts += delta;
          curr = (int) Math.min(end, at + 4 + length);
        }
        case TYPE_TIME_EXTEND, TYPE_TIME_STAMP -> {
          need(at, 8, "time extend");
          long extend = ((d.getInt(at + 4) & 0xffffffffL) << TS_SHIFT) + delta;
          ts = typeLen == TYPE_TIME_STAMP ? extend : ts + extend;
          curr = at + 8;
        }
        case 0 -> {
          need(at, 8, "event length word");
          long length = (d.getInt(at + 4) & 0xffffffffL) - 4;
          if (length < 0) {
            throw error(page, at, "bad event length " + (length + 4));
          }
          length = (length + 3) & ~3L;
          need(at + 8, length, "event data");
          ts += delta;
          curr = at + 8 + (int) length;
          return event(at + 8, (int) length, at);
        }
        default -> {
          int length = typeLen * 4;
          need(at + 4, length, "event data");
          ts += delta;
          curr = at + 4 + length;
          return event(at + 4, length, at);
        }
      }
    }
    return null;
  }

  private RawEvent event(int dataAt, int length, int headerAt) {
    ByteBuffer slice = page.data().duplicate();
    slice.position(dataAt).limit(dataAt + length);
    return new RawEvent(cpu, ts, slice.slice().order(file.order()), page, headerAt);
  }

  private void need(int at, long n, String what) throws TraceDatException {
    if (at + n > end) {
      throw error(page, at, "truncated " + what + " in ring-buffer page, expected " + n + " bytes, "
          + (end - at) + " left before the commit end");
    }
  }

  TraceDatException error(Page p, int offsetInPage, String what) {
    if (p.fileOffset() >= 0) {
      return file.error(p.fileOffset() + offsetInPage, what + " (" + p.where() + ")");
    }
    return file.error(offsetInPage, what + " (offset inside " + p.where() + ")");
  }
}
