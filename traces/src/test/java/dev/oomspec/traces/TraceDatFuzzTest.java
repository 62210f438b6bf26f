package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oomspec.traces.event.OomEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.management.ManagementFactory;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.TreeSet;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target for the binary reader: a real trace-cmd recording of {@code corpus/trace-cmd} (mostly the two ~1 MB
 * v7 zstd files, sometimes the 5 MB v6 one), damaged by a few byte overwrites, truncations and inserted bytes at
 * offsets Jazzer picks — biased towards the initial header and the places the structure points at (section headers,
 * options, CPU data and chunk/page headers: {@link #anchors}), since most of each file is a kallsyms blob the reader
 * skips — then read by {@link OomLogReader#readTraceDat(byte[], String, java.util.function.Consumer)} (a file's
 * reading, in memory). Invariants: no exception or error escapes; the record accounting adds up; the reader's own
 * malformed record (unreadable metadata or data) is the last record and names a byte offset; events lie within the
 * records; one read allocates at most {@link #MAX_ALLOCATED} bytes. Memory and time: fuzzing also runs with a small
 * heap (the {@code fuzz} profile of traces/pom.xml, so a huge length field that the reader would allocate is an
 * OutOfMemoryError, a finding) and a per-input timeout ({@code @Timeout}, the fuzzer's {@code -timeout}).
 *
 * <p>Regression mode (every build) runs the inputs under
 * {@code src/test/resources/dev/oomspec/traces/TraceDatFuzzTestInputs/damagedRecordings/}; to fuzz:
 * {@code JAZZER_FUZZ=1 ./mvnw -B -o -pl traces test -Dtest=TraceDatFuzzTest} (docs/events-format.md).
 */
class TraceDatFuzzTest {

  private static final Path DIR = Path.of("corpus", "trace-cmd");
  /** Picked with probability 7/16, 7/16 and 2/16. */
  private static final List<String> NAMES =
      List.of("memcg-oom-v7-zstd.trace.dat", "memcg-oom-adj-v7.trace.dat", "memcg-oom-v6.trace.dat");
  private static final List<byte[]> FILES = new ArrayList<>();
  private static final List<int[]> ANCHORS = new ArrayList<>();

  static {
    for (String n : NAMES) {
      try {
        byte[] b = Files.readAllBytes(DIR.resolve(n));
        FILES.add(b);
        ANCHORS.add(anchors(b));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    for (byte[] b : FILES) {
      try {
        OomLogReader.readTraceDat(b, "warm-up.dat", e -> { });
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Values a length, offset or count field meets at its edges (written as u8..u64 in the file's order). */
  private static final long[] EDGES = {0, 1, 2, 3, 4, 7, 8, 16, 0x7f, 0x80, 0xff, 0x100, 0xfff, 0x1000, 0x1001,
      0x7fff, 0xffff, 0x10000, 1 << 20, 1 << 24, (1 << 27) - 1, 1 << 28, 1 << 30, 0x7fffffffL, 0x80000000L,
      0xffffffffL, 1L << 32, 1L << 40, Long.MAX_VALUE, Long.MIN_VALUE, -1L};

  @FuzzTest(maxDuration = "10m")
  @Timeout(30) // per input: also handed to the fuzzer as its -timeout (a hang is a finding)
  void damagedRecordings(FuzzedDataProvider data) throws IOException {
    Damaged d = damage(data);
    if (DESCRIBE) { // -Doomspec.fuzz.describe=true: what each stored input does (regression mode)
      System.out.println("TraceDatFuzzTest input: " + d.what());
    }
    try {
      check(d.bytes());
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError(d.what(), e);
    }
  }

  /** A damaged copy and what was done to it (recording, then each change). */
  record Damaged(byte[] bytes, String what) {}

  static Damaged damage(FuzzedDataProvider data) {
    int pick = data.consumeInt(0, 15);
    int f = pick < 7 ? 0 : pick < 14 ? 1 : 2;
    byte[] b = FILES.get(f).clone();
    int[] anchors = ANCHORS.get(f);
    StringBuilder what = new StringBuilder(NAMES.get(f));
    for (int k = data.consumeInt(1, 4); k > 0 && data.remainingBytes() > 0; k--) {
      int op = data.consumeInt(0, 3);
      int at = offset(data, b.length, anchors);
      switch (op) {
        case 0 -> { // overwrite with fuzzer bytes
          byte[] v = data.consumeBytes(data.consumeInt(1, 8));
          System.arraycopy(v, 0, b, at, Math.min(v.length, b.length - at));
          what.append(" | set ").append(at).append(" = ").append(Arrays.toString(v));
        }
        case 1 -> { // overwrite with an edge value, 1/2/4/8 bytes, either byte order
          int width = 1 << data.consumeInt(0, 3);
          long v = EDGES[data.consumeInt(0, EDGES.length - 1)];
          ByteOrder order = data.consumeBoolean() ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN;
          ByteBuffer w = ByteBuffer.allocate(8).order(order);
          w.putLong(0, v);
          byte[] bytes = new byte[width];
          w.get(w.order() == ByteOrder.LITTLE_ENDIAN ? 0 : 8 - width, bytes);
          System.arraycopy(bytes, 0, b, at, Math.min(width, b.length - at));
          what.append(" | set ").append(at).append(" = ").append(Arrays.toString(bytes));
        }
        case 2 -> { // truncate
          b = Arrays.copyOf(b, at);
          what.append(" | cut at ").append(at);
        }
        default -> { // insert fuzzer bytes
          byte[] v = data.consumeBytes(data.consumeInt(1, 16));
          byte[] c = new byte[b.length + v.length];
          System.arraycopy(b, 0, c, 0, at);
          System.arraycopy(v, 0, c, at, v.length);
          System.arraycopy(b, at, c, at + v.length, b.length - at);
          b = c;
          what.append(" | insert at ").append(at).append(' ').append(Arrays.toString(v));
        }
      }
      anchors = anchorsWithin(anchors, b.length);
    }
    return new Damaged(b, what.toString());
  }

  /** An offset in {@code [0, size]}: in the initial header, near an anchor, in the first 4 KiB, or anywhere. */
  private static int offset(FuzzedDataProvider data, int size, int[] anchors) {
    if (size == 0) {
      return 0;
    }
    int at = switch (data.consumeInt(0, 3)) {
      case 0 -> data.consumeInt(0, 63);
      case 1 -> anchors.length == 0 ? 0 : anchors[data.consumeInt(0, anchors.length - 1)] + data.consumeInt(-8, 40);
      case 2 -> data.consumeInt(0, 4095);
      default -> data.consumeInt(0, size - 1);
    };
    return Math.max(0, Math.min(at, size - 1));
  }

  private static int[] anchorsWithin(int[] anchors, int size) {
    return Arrays.stream(anchors).filter(a -> a < size).toArray();
  }

  /**
   * Bytes one read may allocate, garbage included, so that a length field's worth shows up in regression mode too,
   * whatever the heap: reading an intact recording allocates 1–3 MB plainly, some 40 MB under Jazzer's hooks (and
   * much more for the reads that load and instrument the classes: {@link #check} is warmed up on the intact files).
   */
  static final long MAX_ALLOCATED = 256L << 20;

  private static final boolean DESCRIBE = Boolean.getBoolean("oomspec.fuzz.describe");

  private static final com.sun.management.ThreadMXBean THREADS =
      (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

  /** Reads the bytes and asserts the invariants. */
  static void check(byte[] bytes) throws IOException {
    List<OomEvent> events = new ArrayList<>();
    long before = THREADS.getCurrentThreadAllocatedBytes();
    LineAccounting a = OomLogReader.readTraceDat(bytes, "fuzz.dat", events::add);
    long allocated = THREADS.getCurrentThreadAllocatedBytes() - before;
    if (DESCRIBE) {
      System.out.println("  -> " + a.summary() + ", " + allocated + " bytes allocated, " + a.malformedLines());
    }
    assertTrue(allocated <= MAX_ALLOCATED, "reading allocated " + allocated + " bytes");
    assertEquals(OomLogReader.TRACE_DAT_READER, a.reader());
    assertEquals("records", a.unit());
    assertTrue(a.holds(), a.summary());
    assertEquals(Math.min(a.malformed(), LineAccounting.MAX_LISTED), a.malformedLines().size(), a.summary());
    long prev = 0;
    for (Malformed m : a.malformedLines()) {
      assertTrue(m.line() > prev && m.line() <= a.total(), "malformed record " + m.line() + " of " + a.total());
      prev = m.line();
      if (m.why().startsWith("unreadable")) {
        assertEquals(a.total(), m.line(), "the reader's own malformed record ends the file: " + m.why());
        assertTrue(m.why().contains("fuzz.dat: offset 0x"), "no byte offset named: " + m.why());
      }
    }
    assertTrue(events.size() <= a.event(), events.size() + " events from " + a.event() + " event records");
    for (OomEvent e : events) {
      assertTrue(e.firstLine() >= 1 && e.lastLine() >= e.firstLine() && e.lastLine() <= a.total(),
          "event records " + e.firstLine() + ".." + e.lastLine() + " of " + a.total());
    }
  }

  /**
   * Offsets where the structure of an intact file starts a field (trace-cmd.dat v6/v7 layout, read leniently):
   * the initial header, v6's pieces up to the flyrecord, v7's options sections and the sections they point at, each
   * CPU's data with its first page or chunk headers. What cannot be walked is left out.
   */
  static int[] anchors(byte[] b) {
    TreeSet<Long> out = new TreeSet<>();
    ByteBuffer in = ByteBuffer.wrap(b).order(ByteOrder.LITTLE_ENDIAN);
    try {
      int p = 10;
      out.add((long) p);
      int version = b[p] - '0';
      p = cstringEnd(b, p);
      out.add((long) p);
      p += 2;
      out.add((long) p);
      int pageSize = in.getInt(p);
      p += 4;
      out.add((long) p);
      if (version == 7) {
        p = cstringEnd(b, cstringEnd(b, p));
        out.add((long) p);
        long next = in.getLong(p);
        while (next > 0 && next < b.length && out.add(next)) {
          long size = in.getLong((int) next + 8);
          int q = (int) next + 16;
          long end = q + size;
          next = 0;
          while (q + 6 <= end) {
            out.add((long) q);
            int id = in.getShort(q) & 0xffff;
            int osize = in.getInt(q + 2);
            int d = q + 6;
            out.add((long) d);
            if (id == 0) {
              next = in.getLong(d);
              break;
            }
            if (id >= 16 && id <= 21 || id == 3) {
              long section = in.getLong(d);
              out.add(section);
              out.add(section + 16);
            }
            if (id == 3) { // BUFFER: CPU entries (u32 id, u64 offset, u64 size) at its end
              int cpus = (osize - 8) / 20;
              for (int c = 0; c < cpus; c++) {
                int e = d + osize - 20 * (c + 1);
                out.add((long) e);
                long off = in.getLong(e + 4);
                out.add(off);
                out.add(off + 4); // first chunk header: u32 compressed, u32 uncompressed size
                out.add(off + 12);
              }
            }
            q = d + osize;
          }
        }
      } else {
        p = field(out, p + 12, in.getLong(p + 12) + 8); // header_page
        p = field(out, p + 13, in.getLong(p + 13) + 8); // header_event
        int count = in.getInt(p);
        p += 4;
        for (int i = 0; i < count; i++) {
          p = field(out, p, in.getLong(p) + 8);
        }
        int systems = in.getInt(p);
        p += 4;
        for (int s = 0; s < systems; s++) {
          out.add((long) p);
          p = cstringEnd(b, p);
          int n = in.getInt(p);
          p += 4;
          for (int i = 0; i < n; i++) {
            p = field(out, p, in.getLong(p) + 8);
          }
        }
        p = field(out, p, (in.getInt(p) & 0xffffffffL) + 4); // kallsyms
        p = field(out, p, (in.getInt(p) & 0xffffffffL) + 4); // printk
        p = field(out, p, in.getLong(p) + 8); // cmdlines
        int cpus = in.getInt(p);
        p = field(out, p, 4 + 10); // CPU count, "options  \0"
        while (in.getShort(p) != 0) {
          p = field(out, p, 6 + in.getInt(p + 2));
        }
        p = field(out, p, 2 + 10); // option 0, "flyrecord\0"
        for (int c = 0; c < cpus; c++) {
          long off = in.getLong(p);
          p = field(out, p, 16);
          for (int page = 0; page < 3; page++) {
            out.add(off + (long) page * pageSize);
            out.add(off + (long) page * pageSize + 8); // commit word
            out.add(off + (long) page * pageSize + 16); // first event header
          }
        }
        out.add((long) p);
      }
    } catch (RuntimeException e) {
      // a layout this walk does not know: keep the anchors found so far
    }
    return out.stream().filter(o -> o >= 0 && o < b.length).mapToInt(Long::intValue).toArray();
  }

  private static int field(TreeSet<Long> out, int at, long size) {
    out.add((long) at);
    return Math.toIntExact(at + size);
  }

  private static int cstringEnd(byte[] b, int p) {
    while (b[p] != 0) {
      p++;
    }
    return p + 1;
  }
}
