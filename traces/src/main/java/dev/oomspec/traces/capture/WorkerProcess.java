package dev.oomspec.traces.capture;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * One worker: GNU {@code tail} reading its stdin, started through a symlink named after the worker so
 * that the kernel's comm (the basename of the executed path) is the worker's name.
 *
 * <p>Why tail: fed bytes that contain no newline, {@code tail} (default {@code -n 10}) keeps every byte
 * it reads in a list of heap buffers of BUFSIZ (8192) bytes plus a 24-byte header, and blocks in
 * {@code read(0)} when the pipe is empty. So the harness decides the resident size by how many bytes it
 * writes into the pipe: measured on 6.18, RssAnon = ~116 kB + 1.0039 x bytes fed (8224/8192, to 4 kB),
 * RssFile ~1.6 MB of shared libc/tail text. A trigger is a tail fed until the write fails. tail
 * allocates nothing before its first read, so moving it into the group before feeding it means its data
 * is charged there; and when the harness dies without cleanup, tail sees EOF, writes its buffer to
 * /dev/null and exits: workers never outlive the harness. A JVM worker would cost ~35 MB each with a
 * GC-dependent size; python3 is not on every machine; a C worker needs a compiler.
 */
public final class WorkerProcess {

  private static final int CHUNK = 64 * 1024;
  private static final byte[] ZEROS = new byte[CHUNK];

  private final String comm;
  private final Scenario.WorkerSpec spec;
  private final Process process;
  private final OutputStream stdin;
  private long fed;
  private int actualAdj;
  private long baseRchar;

  private WorkerProcess(String comm, Scenario.WorkerSpec spec, Process process) {
    this.comm = comm;
    this.spec = spec;
    this.process = process;
    this.stdin = process.getOutputStream();
  }

  /** The GNU tail binary, or empty when there is none on this machine. */
  public static Optional<Path> locateTail() {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin:/bin").split(":")) {
      Path p = Path.of(dir.isEmpty() ? "." : dir, "tail");
      if (Files.isExecutable(p)) {
        try {
          Process v = new ProcessBuilder(p.toString(), "--version").redirectErrorStream(true).start();
          String out = new String(v.getInputStream().readAllBytes());
          v.waitFor(5, TimeUnit.SECONDS);
          if (out.contains("GNU coreutils")) {
            return Optional.of(p.toRealPath());
          }
        } catch (IOException e) {
          continue;
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return Optional.empty();
        }
      }
    }
    return Optional.empty();
  }

  /**
   * Starts a worker: symlink {@code binDir/comm -> tail}, exec it with stdin a pipe from this JVM and
   * stdout/stderr discarded. The process then sits in read(0) holding no data.
   */
  static WorkerProcess start(Path tail, Path binDir, String comm, Scenario.WorkerSpec spec)
      throws IOException {
    Path link = binDir.resolve(comm);
    Files.deleteIfExists(link);
    Files.createSymbolicLink(link, tail);
    Process p =
        new ProcessBuilder(link.toString())
            .redirectOutput(ProcessBuilder.Redirect.DISCARD)
            .redirectError(ProcessBuilder.Redirect.DISCARD)
            .start();
    return new WorkerProcess(comm, spec, p);
  }

  public String comm() {
    return comm;
  }

  public Scenario.WorkerSpec spec() {
    return spec;
  }

  public long pid() {
    return process.pid();
  }

  /** The handle; the only way the harness signals a worker. */
  Process process() {
    return process;
  }

  public boolean alive() {
    return process.isAlive();
  }

  public int actualAdj() {
    return actualAdj;
  }

  /** Bytes written into the worker's pipe so far. */
  public long fed() {
    return fed;
  }

  /**
   * Waits until the worker sleeps in read(2) on its stdin (startup done), and records how many bytes
   * it had read by then (/proc/PID/io rchar) so {@link #awaitConsumed} can count fed bytes exactly.
   */
  void awaitIdle(long deadlineNanos) throws IOException {
    while (process.isAlive()) {
      Optional<String> syscall = CaptureEnvironment.read(proc("syscall"));
      if (syscall.isEmpty() || syscall.get().isBlank()) {
        // no /proc/PID/syscall (kernel without it): settle for "sleeping" in /proc/PID/stat
        String st = CaptureEnvironment.read(proc("stat")).orElse("");
        if (st.contains(") S ")) {
          baseRchar = rchar();
          return;
        }
        pause(deadlineNanos, "startup of " + comm);
        continue;
      }
      String[] f = syscall.get().strip().split(" ");
      // x86_64 read = 0, arm64/generic read = 63; first argument fd 0
      if (f.length > 2 && (f[0].equals("0") || f[0].equals("63")) && f[1].equals("0x0")) {
        baseRchar = rchar();
        return;
      }
      pause(deadlineNanos, "startup of " + comm);
    }
    throw new IOException(comm + " exited during startup: " + process.exitValue());
  }

  /** Writes {@code /proc/PID/oom_score_adj} and reads back what the kernel kept. */
  void setOomScoreAdj(int adj) throws IOException {
    try {
      Files.writeString(proc("oom_score_adj"), Integer.toString(adj));
    } finally {
      actualAdj = Integer.parseInt(Files.readString(proc("oom_score_adj")).strip());
    }
  }

  /**
   * Writes {@code bytes} zero bytes into the pipe (no newline, so tail keeps them all). Returns false
   * when the worker died (the pipe broke) before all were written.
   */
  boolean feed(long bytes) {
    long left = bytes;
    try {
      while (left > 0) {
        int n = (int) Math.min(CHUNK, left);
        stdin.write(ZEROS, 0, n);
        stdin.flush();
        fed += n;
        left -= n;
      }
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  /** Waits until the worker has read every byte fed to it, or died. Returns whether it is alive. */
  boolean awaitConsumed(long deadlineNanos) throws IOException {
    while (process.isAlive()) {
      long read;
      try {
        read = rchar() - baseRchar;
      } catch (IOException e) {
        if (!process.isAlive()) {
          return false; // died between the two checks
        }
        throw e;
      }
      if (read >= fed) {
        return true;
      }
      pause(deadlineNanos, comm + " reading its " + fed + " bytes (read " + read + ")");
    }
    return false;
  }

  /** Exit status: negative signal number when killed by a signal (Java reports 128+N), null if alive. */
  public Integer exit() {
    if (process.isAlive()) {
      return null;
    }
    int v = process.exitValue();
    return v > 128 && v < 128 + 65 ? -(v - 128) : v;
  }

  /** SIGKILL through the process handle, then a bounded wait. */
  void kill(long waitMillis) {
    try {
      stdin.close();
    } catch (IOException e) {
      // already broken
    }
    if (process.isAlive()) {
      process.destroyForcibly();
    }
    try {
      process.waitFor(waitMillis, TimeUnit.MILLISECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private long rchar() throws IOException {
    for (String l : Files.readAllLines(proc("io"))) {
      if (l.startsWith("rchar:")) {
        return Long.parseLong(l.substring(6).strip());
      }
    }
    throw new IOException("no rchar in /proc/" + pid() + "/io");
  }

  private Path proc(String file) {
    return Path.of("/proc/" + process.pid() + "/" + file);
  }

  private static void pause(long deadlineNanos, String what) throws IOException {
    if (System.nanoTime() > deadlineNanos) {
      throw new IOException("timed out waiting for " + what);
    }
    try {
      Thread.sleep(2);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted waiting for " + what);
    }
  }
}
