package dev.oomspec.reference.mm;

import dev.oomspec.reference.uapi.Errno;
import java.util.function.BooleanSupplier;

/**
 * {@code DEFINE_MUTEX(oom_lock)} as a real mutex. Threads are the kernel's tasks: a Java interrupt
 * stands for a fatal signal. A holder may also be a token object (to model "held by another task" from
 * a single-threaded driver).
 */
public final class OomLock {
    private Object owner;
    private long acquisitions;

    /** mutex_trylock(): true if taken. */
    public synchronized boolean tryLock() { return tryLockAs(Thread.currentThread()); }

    /** Takes the lock on behalf of {@code holder} (e.g. a token for "another task") if free. */
    public synchronized boolean tryLockAs(Object holder) {
        if (owner != null) return false;
        owner = holder;
        acquisitions++;
        return true;
    }

    /**
     * mutex_lock_killable(): 0 when taken; -EINTR if a fatal signal (interrupt) is pending while the lock
     * is contended. Like the kernel's fast path, a free lock is taken even with a signal pending.
     */
    public int lockKillable() { return lockKillable(null); }

    /**
     * mutex_lock_killable() with the proposed escape hatch (review R-16): {@code stillWarranted} is asked
     * each time the lock is released while waiting; when it answers false the wait ends with -ECANCELED
     * (the errno is a model choice — none was proposed on-list). {@code null} = no hatch (v3/post).
     */
    public synchronized int lockKillable(BooleanSupplier stillWarranted) {
        Object me = Thread.currentThread();
        while (owner != null) {
            if (Thread.interrupted()) {
                Thread.currentThread().interrupt(); // the fatal signal stays pending
                return Errno.EINTR.neg();
            }
            try {
                wait();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return Errno.EINTR.neg();
            }
            if (stillWarranted != null && !stillWarranted.getAsBoolean()) return Errno.ECANCELED.neg();
        }
        owner = me;
        acquisitions++;
        return 0;
    }

    /** mutex_unlock() by the current thread. */
    public void unlock() { unlockAs(Thread.currentThread()); }

    public synchronized void unlockAs(Object holder) {
        if (owner != holder) throw new IllegalMonitorStateException("oom_lock not held by " + holder);
        owner = null;
        notifyAll();
    }

    public synchronized boolean isHeldByCurrentThread() { return owner == Thread.currentThread(); }
    public synchronized boolean isLocked() { return owner != null; }
    /** Number of successful acquisitions so far. */
    public synchronized long acquisitions() { return acquisitions; }
}
