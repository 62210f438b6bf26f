package dev.oomspec.fleet.replay;

import dev.oomspec.fleet.input.HostRule;
import dev.oomspec.fleet.input.InputFile;
import dev.oomspec.conformance.replay.ReplayViews;
import dev.oomspec.reports.PolicyView;
import dev.oomspec.traces.ReadOptions;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.input.Compression;
import dev.oomspec.traces.input.Content;
import dev.oomspec.traces.input.LogInputs;
import dev.oomspec.traces.input.OpenedInput;
import dev.oomspec.traces.policy.CaptureSidecar;
import dev.oomspec.traces.policy.PolicyLab;
import dev.oomspec.traces.replay.ReplayEngine;
import dev.oomspec.traces.replay.ReplayPipeline;
import dev.oomspec.traces.replay.ReplayResult;
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
    this(files, conf, new ReplaySettings(hosts, kernel, candidates, null));
  }

  ReplayStream(List<InputFile> files, Configuration conf, ReplaySettings settings) {
    reader = new Thread(() -> readAll(files, conf, settings), "oomspec-fleet-read");
    reader.setDaemon(true);
    reader.start();
  }

  private void readAll(List<InputFile> files, Configuration conf, ReplaySettings settings) {
    try (ReplayPipeline pipeline = new ReplayPipeline(new ReplayEngine(settings.kernel(), false), 1)) {
      PolicyLab lab = settings.policies() == null ? null : settings.policies().lab();
      for (InputFile f : files) {
        if (Thread.currentThread().isInterrupted()) {
          return;
        }
        put(record(FleetSchema.KIND_FILE, null, replayFile(pipeline, lab, f, conf, settings)));
      }
      put(END);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt(); // the task ended: nobody reads any more
    } catch (RuntimeException | Error e) {
      offer(new Failure(e));
    }
  }

  /**
   * Replays one file, putting its events (with the policies' results when {@code lab} is set); returns its file row.
   * The file is opened as {@code oomspec replay} opens its inputs ({@link LogInputs}: decompressed by content, then
   * text, trace.dat, empty or binary); a binary file is not read — its row says why.
   */
  private Row replayFile(ReplayPipeline pipeline, PolicyLab lab, InputFile f, Configuration conf,
      ReplaySettings settings) throws InterruptedException {
    long[] counts = new long[2]; // events, skipped
    String host = settings.hosts().hostOf(f.path());
    String[] logHost = new String[1]; // the first event's host as the log prints it, when the path gives none
    try {
      Path path = new Path(f.path());
      FileSystem fs = path.getFileSystem(conf);
      CaptureSidecar sidecar = lab == null ? null : sidecar(path);
      try (OpenedInput opened = LogInputs.open(fs.open(path))) {
        String content = content(opened.content());
        if (opened.content() instanceof Content.Binary b) {
          return FileRows.failed(f.path(), host, f.bytes(), 0, 0, (opened.compression() == Compression.NONE ? ""
              : opened.compression().label() + " data: ") + "binary input (" + b.what() + "), not a log", content);
        }
        ReplayPipeline.Summary s = pipeline.runWithEvents(opened.stream(), f.path(), ReadOptions.defaults(),
            (OomEvent event, ReplayResult r) -> {
              String h = host != null ? host : LogHost.of(event.stream());
              if (logHost[0] == null) {
                logHost[0] = h;
              }
              List<PolicyView> policies = lab == null ? null : ReplayViews.policies(lab.evaluate(event, sidecar));
              putUnchecked(record(FleetSchema.KIND_EVENT, EventRows.of(r, h, settings.candidates(), policies), null));
              counts[0]++;
            },
            sk -> counts[1]++);
        return FileRows.read(f.path(), host != null ? host : logHost[0], f.bytes(), s.accounting(), counts[0],
            counts[1], content);
      }
    } catch (FileNotFoundException e) {
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1], "no such file", null);
    } catch (InterruptedIOException e) {
      throw interrupted(e);
    } catch (UncheckedIOException e) {
      if (e.getCause() instanceof InterruptedIOException i) {
        throw interrupted(i);
      }
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1], reason(e.getCause(), counts[0]), null);
    } catch (IOException e) {
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1], reason(e, counts[0]), null);
    } catch (FSError e) {
      // Hadoop's local file system reports a failed read as this Error (an IOException inside)
      IOException cause = e.getCause() instanceof IOException io ? io : new IOException(e.getMessage(), e);
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1], reason(cause, counts[0]), null);
    } catch (RuntimeException e) {
      if (Thread.currentThread().isInterrupted()) {
        throw new InterruptedException("task ended");
      }
      return FileRows.failed(f.path(), host, f.bytes(), counts[0], counts[1],
          "replay failed: " + e.getClass().getSimpleName() + ": " + e.getMessage(), null);
    }
  }

  /** {@code text}, {@code trace.dat}, {@code empty} or {@code binary}: the files row's {@code content}. */
  static String content(Content c) {
    if (c instanceof Content.TraceDat) {
      return "trace.dat";
    }
    if (c instanceof Content.Empty) {
      return "empty";
    }
    return c instanceof Content.Binary ? "binary" : "text";
  }

  /** The capture JSON beside a local file ({@code oomspec capture}'s, as the replay reads it); none elsewhere. */
  private static CaptureSidecar sidecar(Path path) {
    if (!"file".equals(path.toUri().getScheme())) {
      return null;
    }
    return CaptureSidecar.beside(java.nio.file.Path.of(path.toUri().getPath()));
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
