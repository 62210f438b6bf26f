package dev.oomspec.traces.replay;

import dev.oomspec.traces.LineAccounting;
import dev.oomspec.traces.OomLogReader;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.event.OomEvent;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;

/**
 * Streams a log through the readers and the replay engine with bounded memory. From a stream: the calling
 * thread reads and assembles events, {@code workers} threads replay them, and one writer thread hands the
 * results to the sink in input order; at most {@code window} events are in flight, whatever the input size.
 * From a file: the threads that read it replay its events ({@link #run(Path, String, ReadOptions,
 * java.util.function.BiFunction, Consumer, Consumer)}).
 */
public final class ReplayPipeline implements AutoCloseable {
  /** What one input produced: the line accounting and the number of events replayed / skipped. */
  public record Summary(LineAccounting accounting, long replayed, long skipped) {}

  /** An event that was read but is not a kernel report (an ftrace or oomkill-tool event): not replayed. */
  public record Skipped(OomEvent event, String why) {}

  private static final Object END = new Object();

  /** An event handed to the replay workers, and the future of its result. */
  private record Submitted(OomEvent event, Future<ReplayResult> result) {}

  private final ReplayEngine engine;
  private final ExecutorService pool;
  private final int window;

  public ReplayPipeline(ReplayEngine engine, int workers) {
    this.engine = engine;
    this.pool = workers <= 1 ? null : Executors.newFixedThreadPool(workers, r -> {
      Thread t = new Thread(r, "oomspec-replay");
      t.setDaemon(true);
      return t;
    });
    this.window = Math.max(16, workers * 64);
  }

  /** Reads {@code in} (named {@code source}) and gives each replayed event, in order, to {@code results}. */
  public Summary run(InputStream in, String source, ReadOptions options, Consumer<ReplayResult> results,
      Consumer<Skipped> skipped) throws IOException {
    return runWithEvents(in, source, options, (event, result) -> results.accept(result), skipped);
  }

  /** As {@link #run(InputStream, String, ReadOptions, Consumer, Consumer)}, each result with the event it replayed. */
  public Summary runWithEvents(InputStream in, String source, ReadOptions options,
      java.util.function.BiConsumer<OomEvent, ReplayResult> results, Consumer<Skipped> skipped) throws IOException {
    BlockingQueue<Object> queue = new ArrayBlockingQueue<>(window);
    long[] counts = new long[2];
    Throwable[] writerFailure = new Throwable[1];
    Thread writer = new Thread(() -> drain(queue, results, skipped, writerFailure), "oomspec-replay-writer");
    writer.setDaemon(true);
    writer.start();
    LineAccounting accounting;
    try {
      accounting = OomLogReader.read(in, source, options, e -> {
        Object item;
        if (EventReplayInput.replayable(e)) {
          counts[0]++;
          item = new Submitted(e, submit(e));
        } else {
          counts[1]++;
          item = new Skipped(e, e.origin() + " event: no kernel report to replay");
        }
        put(queue, item);
      });
    } finally {
      put(queue, END);
      join(writer);
    }
    if (writerFailure[0] instanceof RuntimeException re) throw re;
    if (writerFailure[0] instanceof Error er) throw er;
    if (writerFailure[0] != null) throw new IllegalStateException(writerFailure[0]);
    return new Summary(accounting, counts[0], counts[1]);
  }

  /**
   * Reads a file and replays its events on the threads that read it ({@link OomLogReader#read(Path, String,
   * ReadOptions, java.util.function.Function, Consumer)}: a large plain file in chunks, in parallel), each result made into what the
   * caller keeps of it there ({@code render}: the event and its result, e.g. into its JSON line); the results go
   * to {@code results} on the calling thread, in input order.
   */
  public <T> Summary run(Path file, String source, ReadOptions options,
      java.util.function.BiFunction<OomEvent, ReplayResult, T> render, Consumer<T> results,
      Consumer<Skipped> skipped) throws IOException {
    long[] counts = new long[2];
    LineAccounting accounting = OomLogReader.read(file, source, options,
        e -> EventReplayInput.replayable(e)
            ? new Done<>(render.apply(e, engine.replay(EventReplayInput.of(e))), null)
            : new Done<T>(null, new Skipped(e, e.origin() + " event: no kernel report to replay")),
        d -> {
          if (d.skipped() != null) {
            counts[1]++;
            skipped.accept(d.skipped());
          } else {
            counts[0]++;
            results.accept(d.result());
          }
        });
    return new Summary(accounting, counts[0], counts[1]);
  }

  /** One event's outcome: a rendered replay, or why it was not replayed. */
  private record Done<T>(T result, Skipped skipped) {}

  private Future<ReplayResult> submit(OomEvent e) {
    if (pool == null) return CompletableFuture.completedFuture(engine.replay(EventReplayInput.of(e)));
    return pool.submit(() -> engine.replay(EventReplayInput.of(e))); // the conversion too runs on a worker
  }

  private static void drain(BlockingQueue<Object> queue, java.util.function.BiConsumer<OomEvent, ReplayResult> results,
      Consumer<Skipped> skipped,
      Throwable[] failure) {
    try {
      for (Object item = queue.take(); item != END; item = queue.take()) {
        if (failure[0] != null) continue; // keep draining so the reader never blocks forever
        try {
          if (item instanceof Skipped s) skipped.accept(s);
          else {
            Submitted sub = (Submitted) item;
            results.accept(sub.event(), sub.result().get());
          }
        } catch (ExecutionException ex) {
          failure[0] = ex.getCause();
        } catch (RuntimeException | Error ex) {
          failure[0] = ex;
        }
      }
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      failure[0] = ie;
    }
  }

  private static void put(BlockingQueue<Object> q, Object o) {
    try {
      q.put(o);
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
      throw new UncheckedIOException(new java.io.InterruptedIOException("replay interrupted"));
    }
  }

  private static void join(Thread t) {
    try {
      t.join();
    } catch (InterruptedException ie) {
      Thread.currentThread().interrupt();
    }
  }

  @Override
  public void close() {
    if (pool != null) pool.shutdownNow();
  }
}
