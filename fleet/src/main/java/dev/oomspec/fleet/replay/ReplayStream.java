package dev.oomspec.fleet.replay;

import dev.oomspec.fleet.input.HostRule;
import dev.oomspec.fleet.input.InputFile;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.replay.ReplayEngine;
import dev.oomspec.traces.replay.ReplayPipeline;
import java.io.FileNotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.util.Iterator;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.TimeUnit;
import org.apache.hadoop.conf.Configuration;
import org.apache.hadoop.fs.FSError;
import org.apache.hadoop.fs.FileSystem;
import org.apache.hadoop.fs.Path;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;

/**
 * The records of one task's files, streamed: a reader thread replays the files one after the other through the same
 * {@link ReplayPipeline} as {@code oomspec replay} and hands each record to the task through a queue of
 * {@link #QUEUE} slots, so a task holds at most that many records and one file's read-ahead, whatever the file sizes.
 *
 * <p>Each file yields its events (in file order), then one file record: its line accounting, or — when it cannot be
 * opened or read to its end — the reason, after the events read before the failure. A failing file never stops the
 * others.
 */
final class ReplayStream implements Iterator<Row>, AutoCloseable {
  static final int QUEUE = 256;

  private static final Object END = new Object();

  private final BlockingQueue<Object> queue = new ArrayBlockingQueue<>(QUEUE);
  private final Thread reader;
  private Object next;
  private volatile boolean closed;

  /** A failure of the reader thread itself (not of one file), given to the task. */
  private record Failure(Throwable cause) {}

  ReplayStream(List<InputFile> files, Configuration conf, HostRule hosts, String kernel, int candidates) {
    reader = new Thread(() -> readAll(files, conf, hosts, kernel, candidates), "oomspec-fleet-read");
    reader.setDaemon(true);
    reader.start();
  }

  private void readAll(List<InputFile> files, Configuration conf, HostRule hosts, String kernel, int candidates) {
    try (ReplayPipeline pipeline = new ReplayPipeline(new ReplayEngine(kernel, false), 1)) {
      for (InputFile f : files) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        put(record(FleetSchema.KIND_FILE, null, replayFile(pipeline, f, conf, hosts.hostOf(f.path()), candidates)));
      }
      put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the task ended: nobody reads any more
    } catch (RuntimeException | Error e) {
      offer(new Failure(e));
    }
  }

  /** Replays one file, putting its events; returns its file row. */
  private Row replayFile(ReplayPipeline pipeline, InputFile f, Configuration conf, String host, int candidates)
      throws InterruptedException {
    long[] counts = new long[2]; // events, skipped
    try {
      Path path = new Path(f.path());
      FileSystem fs = path.getFileSystem(conf);
      try (InputStream in = fs.open(path)) {
        ReplayPipeline.Summary s = pipeline.run(in, f.path(), ReadOptions.defaults(),
            r -> {
              putUnchecked(record(FleetSchema.KIND_EVENT, EventRows.of(r, host, candidates), null));
              counts[0]++;
            },
            sk -> counts[1]++);
        return FileRows.read(f.path(), host, f.bytes(), s.accounting(), counts[0], counts[1]);
      }
    } catch (FileNotFoundException e) {
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1], "no such file");
    } catch (InterruptedIOException e) {
      throw interrupted(e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof InterruptedIOException i) {
        throw interrupted(i);
      }
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1], reason(e.getCause(), counts[0]));
    } catch (IOException e) {
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1], reason(e, counts[0]));
    } catch (FSError e) {
      // Hadoop's local file system reports a failed read as this Error (an IOException inside)
      IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1], reason(cause, counts[0]));
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("task ended");
      }
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1],
          "replay failed: " + e.getClass().getSimpleName() + ": " + e.getMessage());
    }
  }

  private static String reason(IOException e, long eventsBefore) {
    String what = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    return "unreadable" + (eventsBefore > 0 ? " after " + eventsBefore + " events" : "") + ": " + what;
  }

  private static InterruptedException interrupted(Exception e) {
    InterruptedException ie = new InterruptedException("task ended");
    ie.initCause(e);
    return ie;
  }

  private static Row record(String kind, Row event, Row file) {
    return RowFactory.create(kind, event, file);
  }

  /** Waits for a free slot; gives up when the task has ended (the pipeline's writer thread calls this too). */
  private void put(Object o) throws InterruptedException {
    while (!queue.offer(o, 100, TimeUnit.MILLISECONDS)) {
      if (closed) {
        throw new InterruptedException("task ended");
      }
    }
  }

  private void putUnchecked(Object o) {
    try {
      put(o);
    } catch (InterruptedException e) {
      throw new UncheckedIOException(new InterruptedIOException("task ended"));
    }
  }

  private void offer(Object o) {
    queue.clear(); // the task reads no more rows after a failure
    queue.offer(o);
  }

  @Override
  public boolean hasNext() {
    if (next == null) {
      try {
        next = queue.take();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the replay", e);
      }
    }
    if (next instanceof Failure f) {
      if (f.cause() instanceof Error err) {
        throw err;
      }
      throw (RuntimeException) f.cause();
    }
    return next != END;
  }

  @Override
  public Row next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    Row r = (Row) next;
    next = null;
    return r;
  }

  /** Stops the reader thread (the task ended, completed or not). */
  @Override
  public void close() {
    closed = true;
    reader.interrupt();
  }
}
