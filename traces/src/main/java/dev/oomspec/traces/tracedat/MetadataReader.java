package dev.oomspec.traces.tracedat;

import java.io.IOException;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the initial header and the metadata of a v6 (sequential layout) or v7 (sections located by options)
 * file. Kallsyms and printk formats are skipped by offset, never loaded.
 */
final class MetadataReader {

  private static final String MAGIC = "\u0017\u0008\u0044tracing";

  // v7 option ids (trace-cmd.dat.v7(5))
  private static final int OPT_DONE = 0;
  private static final int OPT_DATE = 1;
  private static final int OPT_CPUSTAT = 2;
  private static final int OPT_BUFFER = 3;
  private static final int OPT_TRACECLOCK = 4;
  private static final int OPT_UNAME = 5;
  private static final int OPT_HOOK = 6;
  private static final int OPT_OFFSET = 7;
  private static final int OPT_CPUCOUNT = 8;
  private static final int OPT_VERSION = 9;
  private static final int OPT_TSC2NSEC = 14;
  private static final int OPT_HEADER_INFO = 16;
  private static final int OPT_FTRACE_EVENTS = 17;
  private static final int OPT_EVENT_FORMATS = 18;
  private static final int OPT_CMDLINES = 21;

  private static final int SEC_OPTIONS = 0;
  private static final int SEC_FL_COMPRESS = 1;

  private final FileInput file;
  private final Map<String, String> textOptions = new LinkedHashMap<>();
  private final List<EventFormat> events = new ArrayList<>();
  private final Map<Integer, String> cmdlines = new HashMap<>();
  private String headerPage = "";
  private long tsOffset;
  private Codec codec = new Codec.None();

  private MetadataReader(FileInput file) {
    this.file = file;
  }

  static Metadata read(FileInput file) throws IOException {
    return new MetadataReader(file).read();
  }

  private Metadata read() throws IOException {
    Walker w = new Walker(file, 0);
    w.expect(MAGIC, "trace.dat magic \\x17\\x08\\x44tracing");
    long versionAt = w.pos();
    String versionText = w.cstring("version string");
    int version;
    try {
      version = Integer.parseInt(versionText);
    } catch (NumberFormatException e) {
      throw file.error(versionAt, "expected a numeric file version, got '" + versionText + "'");
    }
    if (version != 6 && version != 7) {
      throw file.error(versionAt, "unsupported trace.dat version " + version + " (this reader reads 6 and 7)");
    }
    long endianAt = w.pos();
    Cursor h = w.cursor(2, "endianness and long size");
    int endian = h.u8("endianness");
    int longSize = h.u8("long size");
    if (endian > 1 || (longSize != 4 && longSize != 8)) {
      throw file.error(endianAt, "expected endianness 0/1 and long size 4/8, got " + endian + "/" + longSize);
    }
    file.order(endian == 1 ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    long pageAt = w.pos();
    long pageSize = w.u32("page size");
    if (pageSize < 64 || pageSize > (1 << 24) || Long.bitCount(pageSize) != 1) {
      throw file.error(pageAt, "implausible page size " + pageSize);
    }
    String compVersion = "";
    List<CpuData> cpus;
    String clock;
    if (version == 7) {
      codec = Codec.forName(w.cstring("compression name"));
      compVersion = w.cstring("compression version");
      long optionsAt = w.size64("offset of the first options section");
      cpus = new ArrayList<>();
      clock = readV7(optionsAt, cpus, pageSize);
    } else {
      cpus = new ArrayList<>();
      clock = readV6(w, cpus);
    }
    PageLayout page = PageLayout.parse(headerPage, longSize);
    if (page.dataOffset() >= pageSize || page.commitOffset() + page.commitSize() > page.dataOffset()) {
      throw file.error(0, "header_page layout " + page + " does not fit a " + pageSize + "-byte page");
    }
    Map<Integer, EventFormat> byId = new HashMap<>();
    for (EventFormat e : events) {
      byId.put(e.id(), e);
    }
    TraceDatInfo info = new TraceDatInfo(version, endian == 1, longSize, (int) pageSize, codec.name(), compVersion,
        cpus.size(), clock, textOptions, events);
    return new Metadata(info, codec, page, byId, cmdlines, cpus, tsOffset);
  }

  // ---------------------------------------------------------------- v6

  private String readV6(Walker w, List<CpuData> cpus) throws IOException {
    readHeaderInfo(w);
    readFtraceEvents(w);
    readEventFormats(w);
    w.skip(w.u32("kallsyms size"), "kallsyms");
    w.skip(w.u32("printk formats size"), "printk formats");
    readCmdlines(w);
    long cpusAt = w.pos();
    long cpuCount = w.u32("CPU count");
    if (cpuCount > 8192) {
      throw file.error(cpusAt, "implausible CPU count " + cpuCount);
    }
    if (w.at("options  \0")) {
      w.skip(10, "options marker");
      while (true) {
        int id = w.u16("option id");
        if (id == OPT_DONE) {
          break;
        }
        long size = w.u32("option size");
        option(id, w.cursor(size, "option " + id));
      }
    }
    if (w.at("latency  \0")) {
      throw file.error(w.pos(), "latency (text) trace data is not supported, only flyrecord");
    }
    w.expect("flyrecord\0", "flyrecord marker");
    for (int cpu = 0; cpu < cpuCount; cpu++) {
      long off = w.size64("CPU " + cpu + " data offset");
      long size = w.size64("CPU " + cpu + " data size");
      checkRange(off, size, "CPU " + cpu + " flyrecord data");
      cpus.add(new CpuData.Plain(cpu, off, size));
    }
    return selectedClock(textOptions.getOrDefault("TRACECLOCK", ""));
  }

  // ---------------------------------------------------------------- v7

  private String readV7(long optionsAt, List<CpuData> cpus, long pageSize) throws IOException {
    Map<Integer, Long> sections = new HashMap<>();
    List<Cursor> buffers = new ArrayList<>();
    long next = optionsAt;
    int guard = 0;
    while (next != 0) {
      if (++guard > 1000) {
        throw file.error(next, "options sections form a loop");
      }
      Cursor c = section(next, SEC_OPTIONS, "options section");
      next = 0;
      while (true) {
        int id = c.u16("option id");
        long size = c.u32("option size");
        Cursor data = new Cursor(file, java.nio.ByteBuffer.wrap(c.bytes(size, "option " + id + " data")),
            -1, "option " + id);
        if (id == OPT_DONE) {
          next = data.size64("next options section offset");
          break;
        }
        switch (id) {
          case OPT_HEADER_INFO, OPT_FTRACE_EVENTS, OPT_EVENT_FORMATS, OPT_CMDLINES ->
              sections.put(id, data.size64("section offset"));
          case OPT_BUFFER -> buffers.add(data);
          default -> option(id, data);
        }
      }
    }
    Long headerInfo = sections.get(OPT_HEADER_INFO);
    if (headerInfo == null) {
      throw file.error(optionsAt, "no HEADER_INFO option: header_page/header_event missing");
    }
    readHeaderInfo(section(headerInfo, OPT_HEADER_INFO, "header info section"));
    if (sections.containsKey(OPT_FTRACE_EVENTS)) {
      readFtraceEvents(section(sections.get(OPT_FTRACE_EVENTS), OPT_FTRACE_EVENTS, "ftrace formats section"));
    }
    if (sections.containsKey(OPT_EVENT_FORMATS)) {
      readEventFormats(section(sections.get(OPT_EVENT_FORMATS), OPT_EVENT_FORMATS, "event formats section"));
    }
    if (sections.containsKey(OPT_CMDLINES)) {
      readCmdlines(section(sections.get(OPT_CMDLINES), OPT_CMDLINES, "cmdlines section"));
    }
    String clock = "";
    for (Cursor b : buffers) {
      long dataAt = b.size64("BUFFER section offset");
      String name = b.cstring("buffer name");
      String bufClock = b.cstring("buffer clock");
      // trace-cmd 3.x writes the buffer's u32 page size before the CPU count (the v7 man page predates it):
      // the rest is then 8 + 20n bytes instead of 4 + 20n.
      if (b.remaining() % 20 == 8) {
        long bufPage = b.u32("buffer page size");
        if (bufPage != pageSize) {
          throw b.fail("buffer page size " + bufPage + " differs from the file's " + pageSize);
        }
      }
      long count = b.u32("buffer CPU count");
      if (!name.isEmpty()) {
        continue; // instances other than the top buffer are not read
      }
      if (count > 8192) {
        throw b.fail("implausible CPU count " + count);
      }
      clock = bufClock;
      SectionHeader sh = sectionHeader(dataAt, "flyrecord section");
      boolean compressed = (sh.flags() & SEC_FL_COMPRESS) != 0;
      for (int i = 0; i < count; i++) {
        int cpu = (int) b.u32("CPU id");
        long off = b.size64("CPU data offset");
        long size = b.size64("CPU data size");
        checkRange(off, size, "CPU " + cpu + " flyrecord data");
        cpus.add(compressed ? new CpuData.Chunked(cpu, off, size) : new CpuData.Plain(cpu, off, size));
      }
    }
    return clock;
  }

  /** The v7 section header: u16 id, u16 flags, u32 description string id, u64 size. */
  record SectionHeader(int id, int flags, long size, long dataAt) {
  }

  private SectionHeader sectionHeader(long at, String what) throws IOException {
    Cursor c = file.cursor(at, 16, what + " header");
    int id = c.u16("section id");
    int flags = c.u16("section flags");
    c.u32("section description");
    long size = c.size64("section size");
    checkRange(at + 16, size, what);
    return new SectionHeader(id, flags, size, at + 16);
  }

  /** A whole (small) section, decompressed when flagged. */
  private Cursor section(long at, int expectId, String what) throws IOException {
    SectionHeader sh = sectionHeader(at, what);
    if (sh.id() != expectId) {
      throw file.error(at, "expected " + what + " (section id " + expectId + "), found section id " + sh.id());
    }
    if ((sh.flags() & SEC_FL_COMPRESS) == 0) {
      return file.cursor(sh.dataAt(), sh.size(), what);
    }
    Cursor c = file.cursor(sh.dataAt(), sh.size(), what);
    long csize = c.u32("compressed size");
    long usize = c.u32("uncompressed size");
    if (usize > Codec.MAX_BLOCK) {
      throw file.error(sh.dataAt() + 4, "implausible uncompressed size " + usize + " of " + what);
    }
    byte[] in = c.bytes(csize, "compressed " + what);
    try {
      return new Cursor(file, java.nio.ByteBuffer.wrap(codec.decompress(in, (int) usize)), -1, what);
    } catch (Codec.BadBlock e) {
      throw new TraceDatException(file.name(), sh.dataAt() + 8, e.getMessage() + " in " + what, e);
    }
  }


  // ---------------------------------------------------------------- shared pieces

  private void readHeaderInfo(Input w) throws IOException {
    w.expect("header_page\0", "'header_page' marker");
    long size = w.size64("header_page size");
    headerPage = text(w.cursor(size, "header_page"), size);
    w.expect("header_event\0", "'header_event' marker");
    long esize = w.size64("header_event size");
    w.skip(esize, "header_event");
  }

  private void readFtraceEvents(Input w) throws IOException {
    long count = w.u32("ftrace format count");
    for (int i = 0; i < count; i++) {
      long size = w.size64("ftrace format size");
      long at = w.pos();
      addEvent("ftrace", text(w.cursor(size, "ftrace event format"), size), at);
    }
  }

  private void readEventFormats(Input w) throws IOException {
    long systems = w.u32("event system count");
    for (int s = 0; s < systems; s++) {
      String system = w.cstring("event system name");
      long count = w.u32("event count of system " + system);
      for (int i = 0; i < count; i++) {
        long size = w.size64("event format size");
        long at = w.pos();
        addEvent(system, text(w.cursor(size, "event format of system " + system), size), at);
      }
    }
  }

  private void addEvent(String system, String text, long at) throws TraceDatException {
    try {
      events.add(EventFormatParser.parse(system, text));
    } catch (EventFormatParser.BadFormat e) {
      throw file.error(at, e.getMessage());
    }
  }

  private void readCmdlines(Input w) throws IOException {
    long size = w.size64("saved cmdlines size");
    String text = text(w.cursor(size, "saved cmdlines"), size);
    for (String line : text.split("\n")) {
      int sp = line.indexOf(' ');
      if (sp > 0) {
        try {
          cmdlines.put(Integer.parseInt(line.substring(0, sp).trim()), line.substring(sp + 1));
        } catch (NumberFormatException ignored) {
          // not a "pid comm" line
        }
      }
    }
  }

  private static String text(Cursor c, long size) throws TraceDatException {
    return c.text(size, "text");
  }

  private void option(int id, Cursor data) throws IOException {
    switch (id) {
      case OPT_DATE -> {
        String s = data.text(data.remaining(), "DATE option").strip();
        textOptions.put("DATE", s);
        tsOffset += parseLong(s, data) * 1000; // microseconds, as trace-input.c
      }
      case OPT_OFFSET -> {
        String s = data.text(data.remaining(), "OFFSET option").strip();
        textOptions.put("OFFSET", s);
        tsOffset += parseLong(s, data);
      }
      case OPT_CPUSTAT -> textOptions.merge("CPUSTAT", data.text(data.remaining(), "CPUSTAT"), String::concat);
      case OPT_TRACECLOCK -> textOptions.put("TRACECLOCK", data.text(data.remaining(), "TRACECLOCK").strip());
      case OPT_UNAME -> textOptions.put("UNAME", data.text(data.remaining(), "UNAME").strip());
      case OPT_VERSION -> textOptions.put("VERSION", data.text(data.remaining(), "VERSION").strip());
      case OPT_HOOK -> textOptions.put("HOOK", data.text(data.remaining(), "HOOK").strip());
      case OPT_CPUCOUNT -> textOptions.put("CPUCOUNT", Long.toString(data.u32("CPUCOUNT")));
      case OPT_TSC2NSEC -> throw data.fail("TSC2NSEC timestamps (x86-tsc clock) are not supported");
      default -> { } // PROCMAPS, TRACEID, TIME_SHIFT, GUEST, KALLSYMS, PRINTK...: not needed for events
    }
  }

  private long parseLong(String s, Cursor at) throws TraceDatException {
    try {
      return Long.decode(s);
    } catch (NumberFormatException e) {
      throw at.fail("expected a number, got '" + s + "'");
    }
  }

  /** The {@code [selected]} entry of a trace_clock listing ("[local] global counter ..."). */
  static String selectedClock(String traceClock) {
    int a = traceClock.indexOf('[');
    int b = traceClock.indexOf(']', a + 1);
    return a >= 0 && b > a ? traceClock.substring(a + 1, b) : traceClock.strip();
  }

  private void checkRange(long off, long size, String what) throws TraceDatException {
    if (off < 0 || size < 0 || off > file.size()) {
      throw file.error(off, what + " outside the file (size " + file.size() + ")");
    }
    if (off + size > file.size()) {
      throw file.error(off, "truncated " + what + ", expected " + size + " bytes, " + (file.size() - off)
          + " left");
    }
  }

  static String ascii(byte[] b) {
    return new String(b, StandardCharsets.ISO_8859_1);
  }
}
