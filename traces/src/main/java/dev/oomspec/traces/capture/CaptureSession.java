package dev.oomspec.traces.capture;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * Everything one capture makes on the machine, and its removal: the child memory cgroup, the ftrace
 * instance, the kmsg window, the worker processes and the temporary directory of worker symlinks.
 *
 * <p>{@link #close()} (idempotent; also run by a JVM shutdown hook on Ctrl-C/SIGTERM) kills only the
 * processes this session started, through their {@link Process} handles, waits for them, then removes
 * the trace instance, the cgroup (rmdir, retried while exiting tasks linger) and the temporary
 * directory. Every name starts with {@link Owner#prefix()} so that {@link StaleCleanup} can remove what
 * a SIGKILLed owner left behind.
 */
public final class CaptureSession implements AutoCloseable {

  private final Owner owner = Owner.self();
  private final String nonce = UUID.randomUUID().toString().substring(0, 8);
  private final CaptureEnvironment env;
  private final Path tail;
  private final List<WorkerProcess> workers = new ArrayList<>();
  private final List<String> cleanupProblems = new ArrayList<>();
  private final Thread hook = new Thread(this::closeFromHook, "oomspec-capture-cleanup");
  private Path binDir;
  private MemoryCgroup cgroup;
  private TraceInstance trace;
  private KmsgWindow kmsg;
  private boolean closed;

  private CaptureSession(CaptureEnvironment env, Path tail) {
    this.env = env;
    this.tail = tail;
  }

  /**
   * Makes the group (limit set), the trace instance and the kmsg window, in that order; on any
   * failure, removes what was made and rethrows.
   */
  public static CaptureSession open(CaptureEnvironment env, Scenario s, Path tail) throws IOException {
    CaptureSession c = new CaptureSession(env, tail);
    Runtime.getRuntime().addShutdownHook(c.hook);
    try {
      String base = c.owner.prefix() + c.nonce;
      c.binDir = Files.createTempDirectory(c.owner.prefix() + "bin-");
      c.cgroup = MemoryCgroup.create(env.cgroupVersion(), env.ownCgroup(), base + "-" + s.name());
      long limit = s.limitMb() * 1024L * 1024L;
      Long memsw = s.swapLimitMb() == null ? null : s.swapLimitMb() * 1024L * 1024L;
      c.cgroup.configure(limit, memsw, s.swappiness());
      c.trace = TraceInstance.create(env.tracefs(), base);
      c.kmsg = KmsgWindow.open();
    } catch (IOException | RuntimeException e) {
      c.close();
      throw e;
    }
    return c;
  }

  public MemoryCgroup cgroup() {
    return cgroup;
  }

  public TraceInstance trace() {
    return trace;
  }

  public KmsgWindow kmsg() {
    return kmsg;
  }

  public List<WorkerProcess> workers() {
    synchronized (this) {
      return List.copyOf(workers);
    }
  }

  /** Problems met while cleaning up (empty when everything was removed). */
  public List<String> cleanupProblems() {
    synchronized (this) {
      return List.copyOf(cleanupProblems);
    }
  }

  /**
   * Starts one worker, moves it into the group, sets its oom_score_adj and waits until it idles in
   * read(0); it has allocated nothing of its size yet.
   */
  public WorkerProcess start(String comm, Scenario.WorkerSpec spec, long deadlineNanos)
      throws IOException {
    WorkerProcess w;
    synchronized (this) {
      if (closed) {
        throw new IOException("capture session closed (interrupted or timed out)");
      }
      w = WorkerProcess.start(tail, binDir, comm, spec);
      workers.add(w);
    }
    cgroup.add(w.pid());
    w.setOomScoreAdj(spec.oomScoreAdj());
    w.awaitIdle(deadlineNanos);
    return w;
  }

  /** Whether {@link #close()} has run (e.g. from the timeout guard or the shutdown hook). */
  public synchronized boolean closed() {
    return closed;
  }

  @Override
  public void close() {
    synchronized (this) {
      if (closed) {
        return;
      }
      closed = true;
    }
    for (WorkerProcess w : workers()) {
      w.kill(5000);
      if (w.alive()) {
        problem("worker " + w.comm() + " (pid " + w.pid() + ") did not exit after SIGKILL");
      }
    }
    if (kmsg != null) {
      try {
        kmsg.close();
      } catch (IOException e) {
        problem("closing /dev/kmsg: " + e.getMessage());
      }
    }
    if (trace != null && !trace.remove()) {
      problem("could not remove trace instance " + trace.dir());
    }
    if (cgroup != null && !MemoryCgroup.remove(cgroup.dir(), 5000)) {
      problem("could not remove cgroup " + cgroup.dir());
    }
    if (binDir != null) {
      deleteTree(binDir);
    }
    if (Thread.currentThread() != hook) {
      try {
        Runtime.getRuntime().removeShutdownHook(hook);
      } catch (IllegalStateException e) {
        // the JVM is shutting down; the hook is running or ran
      }
    }
  }

  private void closeFromHook() {
    close();
  }

  private synchronized void problem(String p) {
    cleanupProblems.add(p);
  }

  static void deleteTree(Path dir) {
    if (!Files.exists(dir, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
      return;
    }
    try (Stream<Path> s = Files.walk(dir)) {
      s.sorted(Comparator.reverseOrder()).forEach(p -> {
        try {
          Files.deleteIfExists(p);
        } catch (IOException e) {
          // best effort: a temp dir of symlinks
        }
      });
    } catch (IOException e) {
      // best effort
    }
  }
}
