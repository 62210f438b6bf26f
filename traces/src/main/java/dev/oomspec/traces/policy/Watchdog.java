package dev.oomspec.traces.policy;

import java.time.Duration;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Runs one policy run on a daemon thread of its own and gives up after a deadline: a Java policy that loops without
 * calling anything cannot be stopped from inside (the loader's limits count calls), and a BPF program could not loop
 * like that at all (the verifier refuses an unbounded loop). An abandoned thread keeps only its own rebuilt world.
 */
final class Watchdog {
    private Watchdog() {}

    /** The result, or null when the deadline passed. */
    static <T> T run(String name, Duration deadline, Callable<T> work) throws ExecutionException {
        FutureTask<T> task = new FutureTask<>(work);
        Thread t = new Thread(task, "oomspec-policy-" + name);
        t.setDaemon(true);
        t.start();
        try {
            return task.get(deadline.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            task.cancel(true);
            return null;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            task.cancel(true);
            return null;
        }
    }
}
