package dev.oomspec.traces.capture;

import java.nio.file.Path;

/**
 * Run in a child JVM by {@link LiveCaptureTest}: opens a capture session, starts one 10 MB worker in
 * the group, prints {@code READY <cgroup> <trace instance> <worker pid>} and waits to be killed.
 */
public final class CaptureHolder {

  private CaptureHolder() {}

  public static void main(String[] args) throws Exception {
    CaptureEnvironment env = CaptureEnvironment.probe();
    Scenario s = ScenarioCatalog.load("five-idle");
    Path tail = WorkerProcess.locateTail().orElseThrow();
    CaptureSession session = CaptureSession.open(env, s, tail);
    long deadline = System.nanoTime() + 30_000_000_000L;
    WorkerProcess w = session.start("idle10", s.workers().get(0), deadline);
    w.feed(10L << 20);
    w.awaitConsumed(deadline);
    System.out.println("READY " + session.cgroup().dir() + " " + session.trace().dir() + " " + w.pid());
    System.out.flush();
    Thread.sleep(120_000); // hang guard only: the test signals this JVM as soon as it reads READY
  }
}
