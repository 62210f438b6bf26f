package dev.oomspec.traces.tracedat;

import dev.oomspec.traces.ftrace.FtraceEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.PriorityQueue;
import java.util.Spliterator;
import java.util.Spliterators;
import java.util.stream.Stream;
import java.util.stream.StreamSupport;

/**
 * Streams the events of a trace-cmd {@code trace.dat} file, versions 6 and 7, in pure Java.
 *
 * <pre>{@code
 * try (var r = TraceDatReader.open(path)) {
 *   r.info().version();          // 6 or 7
 *   r.events().forEach(...);     // FtraceEvent, in timestamp order across CPUs
 * }
 * }</pre>
 *
 * <h2>Format</h2>
 * Both versions start with {@code 17 08 44 "tracing"}, a NUL-terminated version ({@code "6"}/{@code "7"}), one
 * byte endianness (0 little, 1 big), one byte user-space long size and a u32 page size; every later number is
 * in the file's endianness.
 * <ul>
 *   <li><b>v6</b> is sequential: {@code "header_page\0"} u64 size + text, {@code "header_event\0"} u64 size + text,
 *   ftrace formats (u32 count, each u64 size + format file), event systems (u32 count; per system a name, u32
 *   count, each u64 size + format file), kallsyms (u32 size, skipped), printk formats (u32 size, skipped), saved
 *   cmdlines (u64 size + "pid comm" lines), u32 CPU count, {@code "options  \0"} + options (u16 id, u32 size, data;
 *   id 0 ends), {@code "flyrecord\0"} and per CPU a u64 offset and u64 size of its ring-buffer pages.</li>
 *   <li><b>v7</b> adds after the page size the compression name and version ({@code "zstd\0" "1.5.4\0"}) and the
 *   u64 offset of the first options section. Sections have a 16-byte header (u16 id, u16 flags — bit 0 =
 *   compressed, u32 description string id, u64 size); a compressed section starts with u32 compressed size and
 *   u32 uncompressed size. Options (u16 id, u32 size; DONE = id 0 carries the u64 offset of the next options
 *   section) locate the HEADER_INFO (16), FTRACE_EVENTS (17), EVENT_FORMATS (18), KALLSYMS (19), PRINTK (20) and
 *   CMDLINES (21) sections, whose contents are the v6 pieces. A BUFFER option (3: u64 section offset, name,
 *   clock, u32 CPU count, per CPU u32 id, u64 offset, u64 size) gives the per-CPU data; when its section is
 *   compressed each CPU's data is a u32 chunk count followed by chunks (u32 compressed size, u32 uncompressed
 *   size, data), each a whole number of pages. Chunks are decompressed one at a time.</li>
 * </ul>
 * Ring-buffer pages ({@code kernel/trace/ring_buffer.c}; layout from the stored {@code header_page}) carry a u64
 * timestamp, a {@code commit} word (used bytes; flag bits 31/30) and events with 32-bit headers
 * ({@link CpuCursor}). An event's first bytes are the common fields; {@code common_type} selects the format,
 * {@code common_pid} the task. Events of all CPUs are merged by timestamp (ties: lower CPU first, as
 * {@code trace-cmd report}). Timestamps get the DATE/OFFSET options' shift; TSC2NSEC files are refused.
 *
 * <h2>Fields</h2>
 * {@link FtraceEvent#fields()} holds the event's own fields rendered as {@code trace-cmd report -R} does (see
 * {@link FieldRenderer}); {@code comm} comes from the saved cmdlines ({@code <idle>} for pid 0, {@code <...>} when
 * unknown); {@code flags} is always "" (trace-cmd 3.1.6 {@code report} prints no latency column by default).
 * Events whose id has no format get system "" and event {@code unknown_type_<id>} with no fields.
 *
 * <h2>Errors and memory</h2>
 * Metadata errors surface from {@link #open}; data errors from {@link #next()} as {@link TraceDatException}, or
 * from {@link #events()}/{@link #iterator()} as {@link UncheckedIOException} wrapping one. Messages name the file,
 * the byte offset and what was expected there. Memory is bounded by one page (v6) or one decompressed chunk (v7)
 * per CPU plus the metadata; kallsyms are never loaded.
 *
 * <h2>Sources read</h2>
 * rostedt/trace-cmd {@code Documentation/trace-cmd/trace-cmd.dat.v7.5.txt} and {@code trace-cmd.dat.v6.5.txt},
 * {@code lib/trace-cmd/trace-input.c} (section headers, {@code init_cpu_zpage}: chunk layout);
 * rostedt/libtraceevent {@code src/kbuffer-parse.c} (event header decoding) and {@code src/event-parse.c}
 * ({@code print_field}, {@code print_field_raw}, {@code parse_args}, timestamp rounding); the kernel's
 * {@code include/linux/ring_buffer.h} and {@code kernel/trace/ring_buffer.c}; the format files under
 * {@code /sys/kernel/tracing/events} on Linux 6.18. The expected events in the tests come from the real
 * {@code trace-cmd report -R} (3.1.6) output for each recorded file.
 */
public final class TraceDatReader implements AutoCloseable, Iterable<FtraceEvent> {

  private final FileInput file;
  private final Metadata meta;
  private final Map<Integer, FieldRenderer> renderers = new HashMap<>();
  private final FieldFormat commonType;
  private final FieldFormat commonPid;
  private PriorityQueue<CpuCursor> queue;

  private TraceDatReader(FileInput file, Metadata meta) {
    this.file = file;
    this.meta = meta;
    FieldFormat type = new FieldFormat("unsigned short", "common_type", 0, 2, false, 0);
    FieldFormat pid = new FieldFormat("int", "common_pid", 4, 4, true, 0);
    for (EventFormat e : meta.formats().values()) {
      if (e.common("common_type") != null && e.common("common_pid") != null) {
        type = e.common("common_type");
        pid = e.common("common_pid");
        break;
      }
    }
    this.commonType = type;
    this.commonPid = pid;
  }

  /** Opens the file and reads its metadata (header, formats, cmdlines, options, CPU data locations). */
  public static TraceDatReader open(Path path) throws IOException {
    return open(FileInput.open(path));
  }

  /**
   * Reads a whole {@code trace.dat} held in memory, as {@link #open(Path)} reads a file; {@code name} stands for
   * the file name in errors. The array is read in place: leave it unchanged while the reader is open.
   */
  public static TraceDatReader open(String name, byte[] bytes) throws IOException {
    return open(FileInput.of(name, bytes));
  }

  private static TraceDatReader open(FileInput in) throws IOException {
    try {
      return new TraceDatReader(in, MetadataReader.read(in));
    } catch (IOException e) {
      in.close();
      throw e;
    } catch (RuntimeException e) {
      in.close();
      throw new TraceDatException(in.name(), 0, "unexpected failure reading metadata: " + e, e);
    }
  }

  public TraceDatInfo info() {
    return meta.info();
  }

  /** The saved cmdlines (pid to comm). */
  public Map<Integer, String> cmdlines() {
    return Map.copyOf(meta.cmdlines());
  }

  /** The next event in timestamp order, or null after the last. */
  public FtraceEvent next() throws IOException {
    if (queue == null) {
      start();
    }
    CpuCursor c = queue.poll();
    if (c == null) {
      return null;
    }
    RawEvent raw = c.take();
    if (c.peek() != null) {
      queue.add(c);
    }
    try {
      return decode(raw);
    } catch (FieldRenderer.BadRecord e) {
      throw c.error(raw.page(), raw.offsetInPage(), "bad event record: " + e.getMessage());
    } catch (RuntimeException e) {
      throw c.error(raw.page(), raw.offsetInPage(), "undecodable event record: " + e);
    }
  }

  private void start() throws IOException {
    PriorityQueue<CpuCursor> q = new PriorityQueue<>(
        Comparator.comparingLong((CpuCursor c) -> headTs(c)).thenComparingInt(CpuCursor::cpu));
    List<CpuCursor> cursors = new ArrayList<>();
    for (CpuData d : meta.cpus()) {
      PageSource pages = PageSource.of(file, d, meta.codec(), meta.info().pageSize());
      cursors.add(new CpuCursor(file, d.cpu(), pages, meta.page()));
    }
    for (CpuCursor c : cursors) {
      if (c.peek() != null) {
        q.add(c);
      }
    }
    queue = q;
  }

  private static long headTs(CpuCursor c) {
    try {
      RawEvent e = c.peek();
      return e == null ? Long.MAX_VALUE : e.timestampNs();
    } catch (IOException e) {
      throw new UncheckedIOException(e); // not reached: a cursor is queued only with its head decoded
    }
  }

  private FtraceEvent decode(RawEvent raw) throws FieldRenderer.BadRecord {
    ByteBuffer data = raw.data();
    if (data.limit() < commonPid.offset() + commonPid.size()
        || data.limit() < commonType.offset() + commonType.size()) {
      throw new FieldRenderer.BadRecord("record of " + data.limit() + " bytes has no room for the common fields");
    }
    int type = (int) FieldRenderer.read(data, commonType);
    int pid = (int) FieldRenderer.read(data, commonPid);
    long ts = raw.timestampNs() + meta.tsOffsetNs();
    String comm = pid == 0 ? "<idle>" : meta.cmdlines().getOrDefault(pid, "<...>");
    EventFormat f = meta.formats().get(type);
    if (f == null) {
      return new FtraceEvent(comm, pid, raw.cpu(), "", ts, "", "unknown_type_" + type, Map.of());
    }
    FieldRenderer r = renderers.computeIfAbsent(type, t -> new FieldRenderer(f));
    return new FtraceEvent(comm, pid, raw.cpu(), "", ts, f.system(), f.name(), r.render(data));
  }

  /** All remaining events, lazily; a read error is thrown as UncheckedIOException wrapping TraceDatException. */
  public Stream<FtraceEvent> events() {
    return StreamSupport.stream(
        Spliterators.spliteratorUnknownSize(iterator(), Spliterator.ORDERED | Spliterator.NONNULL), false);
  }

  @Override
  public Iterator<FtraceEvent> iterator() {
    return new Iterator<>() {
      private FtraceEvent ahead;

      @Override
      public boolean hasNext() {
        if (ahead == null) {
          try {
            ahead = TraceDatReader.this.next();
          } catch (IOException e) {
            throw new UncheckedIOException(e.getMessage(), e);
          }
        }
        return ahead != null;
      }

      @Override
      public FtraceEvent next() {
        if (!hasNext()) {
          throw new NoSuchElementException();
        }
        FtraceEvent e = ahead;
        ahead = null;
        return e;
      }
    };
  }

  @Override
  public void close() throws IOException {
    file.close();
  }
}
