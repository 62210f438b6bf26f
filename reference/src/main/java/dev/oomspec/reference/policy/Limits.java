package dev.oomspec.reference.policy;

import java.time.Duration;

/**
 * How far a Java policy may go in one handler call. The verifier bounds a BPF program before it loads; a Java twin
 * has no verifier, so the loader stops it after {@code maxSteps} kfunc calls and iterator steps, or when a call comes
 * after {@code wallClock} has passed (a loop that makes no call at all is the lab's watchdog's job).
 */
public record Limits(long maxSteps, Duration wallClock) {
    /** 1,000,000 steps (the verifier's instruction limit) and 2 s per handler call. */
    public static final Limits DEFAULT = new Limits(1_000_000, Duration.ofSeconds(2));

    public Limits {
        if (maxSteps < 1) throw new IllegalArgumentException("maxSteps must be >= 1: " + maxSteps);
        if (wallClock.isNegative() || wallClock.isZero()) throw new IllegalArgumentException("wallClock must be > 0");
    }
}
