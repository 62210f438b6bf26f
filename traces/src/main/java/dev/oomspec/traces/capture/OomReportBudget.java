package dev.oomspec.traces.capture;

import java.util.ArrayDeque;
import java.util.Deque;

/**
 * The kernel prints the OOM report (header, memcg stats, task table) only when
 * {@code __ratelimit(&oom_rs)} allows: DEFAULT_RATELIMIT_BURST (10) per DEFAULT_RATELIMIT_INTERVAL
 * (5 s); the {@code Killed process} line is printed always. A capture without the task table is
 * useless to the model, so scenarios are paced: before one that expects k kills, wait until fewer
 * than {@code 10 - k} reports were printed in the last 5 s (a sliding window is conservative for the
 * kernel's fixed one). Reports printed by other processes on the machine are not seen here; the
 * capture detects the shortfall afterwards and is retried once after {@link #awaitFreshWindow()}.
 */
final class OomReportBudget {

  static final int BURST = 10;
  static final long INTERVAL_MS = 5000;
  private static final long MARGIN_MS = 200;
  private static final Deque<Long> PRINTED = new ArrayDeque<>();

  private OomReportBudget() {}

  /** Waits (at most one interval) until {@code reports} more fit in the kernel's burst. */
  static synchronized void await(int reports) {
    while (true) {
      long now = System.nanoTime();
      while (!PRINTED.isEmpty() && now - PRINTED.peekFirst() > (INTERVAL_MS + MARGIN_MS) * 1_000_000L) {
        PRINTED.removeFirst();
      }
      if (PRINTED.size() + reports <= BURST || PRINTED.isEmpty()) {
        return;
      }
      long waitMs = (PRINTED.peekFirst() + (INTERVAL_MS + MARGIN_MS) * 1_000_000L - now) / 1_000_000L + 1;
      sleep(waitMs);
    }
  }

  /** Waits one full interval: whatever window the kernel had open has then expired. */
  static synchronized void awaitFreshWindow() {
    sleep(INTERVAL_MS + MARGIN_MS);
    PRINTED.clear();
  }

  /** Notes reports the kernel printed just now. */
  static synchronized void spent(int reports) {
    long now = System.nanoTime();
    for (int i = 0; i < reports; i++) {
      PRINTED.addLast(now);
    }
  }

  private static void sleep(long ms) {
    try {
      Thread.sleep(Math.max(1, ms));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
