package dev.oomspec.traces;

import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.read.BoundedLineReader;
import dev.oomspec.traces.read.ByteLine;
import dev.oomspec.traces.read.LineScan;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Reads a file in chunks on several threads, with the output and the line accounting of the sequential reader.
 *
 * <p>The file is cut into chunks of about {@link ReadOptions#chunkBytes()} at line starts. A worker reads its
 * chunk with positional reads, counts its lines (the line numbers of a chunk are the lines of the chunks before
 * it), reads the {@link #WARM_LINES} lines before the chunk with a fresh state (a report's lines before its
 * chunk, the tail of reports killed there) and then its own lines, and renders the events its own lines closed.
 * A report cannot stay open much longer than {@link dev.oomspec.traces.assemble.OomReportAssembler#TAIL_LINES}
 * lines, so the state the worker reaches at its first line is normally the state the chunk before ended in; the
 * caller's thread compares the two ({@link TextRun#state}) and hands the chunk's results on, in input order, only
 * when they are equal. When they are not, it reads the chunk again itself, from the state the chunk before ended
 * in — so the result is always the sequential reader's. A chunk whose line has no end within
 * {@link #LONGEST_LINE} bytes (a line that must be reported too long without being held) ends parallel reading:
 * the rest of the file is read as a stream.
 *
 * <p>At most {@code workers + 2} chunks are read ahead of the caller's thread (bounded memory whatever the file
 * size).
 */
final class ParallelRead<T> {

  /**
   * Lines read before a chunk to reach the state the chunk starts in (system property {@code oomspec.read.warm}:
   * fewer, to see chunks read again when the states differ).
   */
  static final int WARM_LINES = Integer.getInteger("oomspec.read.warm", 2600);

  /** At most this many bytes are read before a chunk for its warm-up lines. */
  static final int WARM_BYTES = 1 << 20;
  /** A chunk boundary is looked for this far; a longer line ends parallel reading. */
  static final int LONGEST_LINE = 4 << 20;

  private final Path file;
  private final String source;
  private final ReadOptions options;
  private final TextRun.Setup setup;
  private final Function<OomEvent, T> render;
  private final int chunkBytes;
  private final long size;
  private final int chunks;
  private final List<CompletableFuture<Long>> lineCounts = new ArrayList<>();
  private final List<CompletableFuture<Chunk<T>>> results = new ArrayList<>();
  private final AtomicInteger nextChunk = new AtomicInteger();
  private final Semaphore ahead;
  private final AtomicBoolean stopped = new AtomicBoolean();
  private final int warmLines;
  private int readAgain;
  private boolean gaveUp;

  /** What a worker made of one chunk. */
  private static final class Chunk<T> {
    long start;
    long end;
    long firstLine;
    long lines;
    String startState;
    String endState;
    TextRun run;
    LineCounts counts;
    List<T> out = new ArrayList<>();
    /** A boundary was not found: the rest of the file is read as a stream. */
    boolean giveUp;
  }

  private ParallelRead(Path file, long size, String source, ReadOptions options, TextRun.Setup setup,
      Function<OomEvent, T> render, int workers, int warmLines) {
    this.warmLines = warmLines;
    this.file = file;
    this.size = size;
    this.source = source;
    this.options = options;
    this.setup = setup;
    this.render = render;
    this.chunkBytes = options.chunkBytes();
    this.chunks = (int) Math.max(1, (size + chunkBytes - 1) / chunkBytes);
    for (int k = 0; k < chunks; k++) {
      lineCounts.add(new CompletableFuture<>());
      results.add(new CompletableFuture<>());
    }
    this.ahead = new Semaphore(workers + 2);
  }

  /** Reads {@code file} on {@code workers} threads; events rendered there, handed to {@code sink} here in order. */
  static <T> LineAccounting read(Path file, long size, String source, ReadOptions options, TextRun.Setup setup,
      int workers, Function<OomEvent, T> render, Consumer<T> sink) throws IOException {
    return read(file, size, source, options, setup, workers, render, sink, WARM_LINES).accounting();
  }

  /** How a file was read: its accounting, its chunks, how many were read again, whether a line ended it. */
  record Outcome(LineAccounting accounting, int chunks, int readAgain, boolean gaveUp) {}

  /** As above, with {@code warmLines} lines read before each chunk (tests: few, to have chunks read again). */
  static <T> Outcome read(Path file, long size, String source, ReadOptions options, TextRun.Setup setup,
      int workers, Function<OomEvent, T> render, Consumer<T> sink, int warmLines) throws IOException {
    ParallelRead<T> p = new ParallelRead<>(file, size, source, options, setup, render, workers, warmLines);
    List<Thread> threads = new ArrayList<>();
    for (int w = 0; w < workers; w++) {
      Thread t = new Thread(p::work, "oomspec-read-" + w);
      t.setDaemon(true);
      threads.add(t);
      t.start();
    }
    try {
      LineAccounting a = p.emit(sink);
      return new Outcome(a, p.chunks, p.readAgain, p.gaveUp);
    } finally {
      p.stopped.set(true);
      p.ahead.release(workers + p.chunks); // wake workers waiting for room
      for (CompletableFuture<Long> c : p.lineCounts) {
        c.completeExceptionally(new IOException("reading stopped"));
      }
      for (Thread t : threads) {
        try {
          t.join();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  // ---- the workers --------------------------------------------------------------------------------------

  /** Each worker's buffer, reused from chunk to chunk (a chunk's bytes are not needed once it is read). */
  private final ThreadLocal<byte[][]> buffers = ThreadLocal.withInitial(() -> new byte[1][]);

  private byte[] buffer(int size) {
    byte[][] holder = buffers.get();
    if (holder[0] == null || holder[0].length < size) {
      holder[0] = new byte[Math.max(size, chunkBytes + chunkBytes / 8)];
    }
    return holder[0];
  }

  private void work() {
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      while (!stopped.get()) {
        ahead.acquire();
        int k = nextChunk.getAndIncrement();
        if (k >= chunks || stopped.get()) {
          ahead.release();
          return;
        }
        try {
          results.get(k).complete(chunk(ch, k));
        } catch (Throwable x) {
          lineCounts.get(k).completeExceptionally(x);
          results.get(k).completeExceptionally(x);
          return;
        }
      }
    } catch (IOException e) {
      for (int k = nextChunk.get(); k < chunks; k++) {
        results.get(k).completeExceptionally(e);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private Chunk<T> chunk(FileChannel ch, int k) throws IOException, InterruptedException {
    Chunk<T> c = new Chunk<>();
    long start = k == 0 ? 0 : lineStartAtOrAfter(ch, (long) k * chunkBytes);
    long end = k == chunks - 1 ? size : lineStartAtOrAfter(ch, (long) (k + 1) * chunkBytes);
    if (start < 0 || end < 0) {
      c.giveUp = true;
      lineCounts.get(k).complete(0L);
      return c;
    }
    end = Math.max(end, start);
    c.start = start;
    c.end = end;
    long warmFrom = k == 0 ? 0 : warmStart(ch, start);
    int length = Math.toIntExact(end - warmFrom);
    byte[] b = buffer(length);
    readFully(ch, b, 0, length, warmFrom);
    int own = (int) (start - warmFrom);
    c.lines = LineScan.countLines(b, own, length);
    lineCounts.get(k).complete(c.lines);
    long firstLine = 1;
    for (int j = 0; j < k; j++) {
      firstLine += waitFor(lineCounts.get(j));
    }
    c.firstLine = firstLine;
    long warmCount = LineScan.countLines(b, 0, own);
    TextRun run = new TextRun(source, options, setup, e -> { });
    c.run = run;
    run.counting = false;
    run.lines(b, 0, own, firstLine - warmCount);
    c.startState = k == 0 ? null : run.state();
    run.counting = true;
    run.counts = c.counts = new LineCounts(source);
    c.counts.ownFrom(firstLine);
    run.to(e -> c.out.add(render.apply(e)));
    run.lines(b, own, length, firstLine);
    if (k == chunks - 1) {
      run.finish();
    } else {
      c.endState = run.state();
    }
    return c;
  }

  private static long waitFor(CompletableFuture<Long> f) throws IOException, InterruptedException {
    try {
      return f.get();
    } catch (ExecutionException e) {
      throw new IOException("an earlier chunk could not be read", e.getCause());
    }
  }

  /** The first line start at or after {@code pos} (the file's size if none), or -1 beyond {@link #LONGEST_LINE}. */
  private long lineStartAtOrAfter(FileChannel ch, long pos) throws IOException {
    if (pos >= size) {
      return size;
    }
    byte[] window = new byte[64 * 1024];
    long at = pos - 1; // the byte before pos: a '\n' there makes pos a line start
    while (at < size) {
      if (at - pos >= LONGEST_LINE) {
        return -1;
      }
      int n = (int) Math.min(window.length, size - at);
      readFully(ch, window, 0, n, at);
      for (int i = 0; i < n; i++) {
        if (window[i] == '\n') {
          return at + i + 1;
        }
      }
      at += n;
    }
    return size;
  }

  /** The start of the line {@link #WARM_LINES} lines before {@code start} (or as far back as allows). */
  private long warmStart(FileChannel ch, long start) throws IOException {
    if (warmLines == 0) {
      return start;
    }
    int n = (int) Math.min(WARM_BYTES, start);
    byte[] back = new byte[n];
    readFully(ch, back, start - n);
    int lines = 0;
    for (int i = n - 2; i >= 0; i--) { // back[n - 1] is the '\n' ending the line before start
      if (back[i] == '\n' && ++lines == warmLines) {
        return start - n + i + 1;
      }
    }
    if (n == start) {
      return 0;
    }
    for (int i = 0; i < n; i++) { // as far back as the window allows, from a line start
      if (back[i] == '\n') {
        return start - n + i + 1;
      }
    }
    return start;
  }

  private static void readFully(FileChannel ch, byte[] b, long pos) throws IOException {
    readFully(ch, b, 0, b.length, pos);
  }

  private static void readFully(FileChannel ch, byte[] b, int off, int len, long pos) throws IOException {
    ByteBuffer buf = ByteBuffer.wrap(b, off, len);
    while (buf.hasRemaining()) {
      int r = ch.read(buf, pos + buf.position() - off);
      if (r < 0) {
        throw new IOException(pos + buf.position() - off + ": the file became shorter while it was read");
      }
    }
  }

  // ---- the caller's thread: in order, checked ----------------------------------------------------------

  private LineAccounting emit(Consumer<T> sink) throws IOException {
    LineCounts totals = new LineCounts(source);
    Chunk<T> prev = null;
    int reread = 0;
    for (int k = 0; k < chunks; k++) {
      Chunk<T> c = take(k);
      if (c.giveUp) {
        debug(k, reread, true);
        readAgain = reread;
        gaveUp = true;
        return rest(prev, totals, sink);
      }
      if (prev != null && !c.startState.equals(prev.endState)) {
        c = again(prev, c);
        reread++;
      }
      totals.absorb(c.counts);
      for (T t : c.out) {
        sink.accept(t);
      }
      options.read(c.end - c.start);
      c.out = null;
      if (prev != null) {
        prev.run = null;
      }
      prev = c;
      ahead.release();
    }
    debug(chunks, reread, false);
    readAgain = reread;
    return totals.accounting(prev.run.reader.name(), "lines");
  }

  /** With {@code -Doomspec.read.debug=true}: how the chunks were read, on stderr. */
  private void debug(int read, int reread, boolean gaveUp) {
    if (Boolean.getBoolean("oomspec.read.debug")) {
      System.err.println(source + ": " + chunks + " chunks of " + chunkBytes + " bytes, " + read + " read in parallel, "
          + reread + " read again (state differed)" + (gaveUp ? ", the rest as a stream (a line too long)" : ""));
    }
  }

  private Chunk<T> take(int k) throws IOException {
    try {
      return results.get(k).get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new java.io.InterruptedIOException("reading interrupted");
    } catch (ExecutionException e) {
      Throwable x = e.getCause();
      if (x instanceof IOException io) {
        throw io;
      }
      if (x instanceof RuntimeException re) {
        throw re;
      }
      if (x instanceof Error er) {
        throw er;
      }
      throw new IllegalStateException(x);
    }
  }

  /** The chunk read again here, from the state the chunk before ended in (the worker's start state differed). */
  private Chunk<T> again(Chunk<T> prev, Chunk<T> c) throws IOException {
    Chunk<T> r = new Chunk<>();
    r.start = c.start;
    r.end = c.end;
    r.firstLine = c.firstLine;
    r.lines = c.lines;
    r.run = prev.run;
    r.counts = new LineCounts(source);
    r.counts.ownFrom(c.firstLine);
    r.run.counts = r.counts;
    r.run.to(e -> r.out.add(render.apply(e)));
    byte[] b = new byte[Math.toIntExact(c.end - c.start)];
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      readFully(ch, b, c.start);
    }
    r.run.lines(b, 0, b.length, c.firstLine);
    if (c.end >= size) {
      r.run.finish();
    } else {
      r.endState = r.run.state();
    }
    return r;
  }

  /** A line too long for a chunk: the rest of the file read as a stream, from where the last chunk ended. */
  private LineAccounting rest(Chunk<T> prev, LineCounts totals, Consumer<T> sink) throws IOException {
    long from = prev == null ? 0 : prev.end;
    long firstLine = prev == null ? 1 : prev.firstLine + prev.lines;
    TextRun run = prev == null ? new TextRun(source, options, setup, e -> { }) : prev.run;
    LineCounts counts = new LineCounts(source);
    counts.ownFrom(firstLine);
    run.counts = counts;
    run.to(e -> sink.accept(render.apply(e)));
    try (FileChannel ch = FileChannel.open(file, StandardOpenOption.READ)) {
      ch.position(from);
      InputStream in = OomLogReader.counted(Channels.newInputStream(ch), options);
      BoundedLineReader lines = new BoundedLineReader(in, options.maxLineLength()).numberFrom(firstLine);
      ByteLine v = new ByteLine();
      while (lines.next(v)) {
        run.line(v);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
    run.finish();
    totals.absorb(counts);
    return totals.accounting(run.reader.name(), "lines");
  }
}
