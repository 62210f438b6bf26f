package dev.oomspec.reference;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reference.bpf.BpfProg;
import dev.oomspec.reference.series.AttachRequest;
import dev.oomspec.reference.series.v3.BpfOomOps;
import dev.oomspec.reference.series.v3.Kfuncs;
import dev.oomspec.reference.series.v3.OomKillBpf;
import dev.oomspec.reference.uapi.BpfProgType;
import java.util.Set;
import dev.oomspec.reference.mm.Memcg;
import dev.oomspec.reference.uapi.Errno;
import dev.oomspec.reference.mm.Mm;
import dev.oomspec.reference.mm.OomLock;
import dev.oomspec.reference.mm.World;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** oom_lock with real threads: bounded work, correctness assertions only (no timing assertions). */
class OomLockStressTest {
    static final int THREADS = 8, ITERATIONS = 2000;
    static final long HANG_GUARD_MS = 120_000; // join guard only
    static final long WAIT = OomKillBpf.BPF_OOM_FLAGS_WAIT_ON_OOM_LOCK;

    /** v3 booted on a 6.18 world; kfuncs as a sleepable SYSCALL program sees them (it may declare OOMs). */
    static OomModel v3(java.util.function.Function<dev.oomspec.reference.series.Boot, dev.oomspec.reference.series.SeriesModel> series) {
        return OomModel.builder().kernel("6.18.0").series(series).build();
    }

    static Kfuncs syscallKfuncs(OomModel m) {
        return ((dev.oomspec.reference.series.v3.Series) m.series()).kfuncs(BpfProg.of(BpfProgType.SYSCALL, null, true));
    }

    @Test
    void exactlyOneHolderAndEveryWaiterReturns() throws Exception {
        OomLock lock = new OomLock();
        AtomicInteger inside = new AtomicInteger(), maxInside = new AtomicInteger(), done = new AtomicInteger();
        CountDownLatch start = new CountDownLatch(1);
        Thread[] ts = new Thread[THREADS];
        for (int i = 0; i < THREADS; i++) {
            ts[i] = new Thread(() -> {
                try { start.await(); } catch (InterruptedException e) { return; }
                for (int k = 0; k < ITERATIONS; k++) {
                    assertEquals(0, lock.lockKillable());
                    int now = inside.incrementAndGet();
                    maxInside.accumulateAndGet(now, Math::max);
                    Thread.yield();
                    inside.decrementAndGet();
                    lock.unlock();
                }
                done.incrementAndGet();
            });
            ts[i].start();
        }
        start.countDown();
        for (Thread t : ts) t.join(HANG_GUARD_MS);
        for (Thread t : ts) assertFalse(t.isAlive(), "a waiter never returned (lost wake-up)");
        assertEquals(THREADS, done.get());
        assertEquals(1, maxInside.get());
        assertEquals((long) THREADS * ITERATIONS, lock.acquisitions());
    }

    @Test
    void bpfOutOfMemoryHandlesOneOomAtATime() throws Exception {
        OomModel m = v3(dev.oomspec.reference.series.v3.Series::new);
        World w = m.world();
        Memcg cg = w.memcontrol().createPath("/a").setMemoryMax(1000).setSwapMax(0);
        // no killable task: each OOM runs the full path and reports "no killable processes"
        w.setCurrent(w.newProcess(100, "trigger", 0, new Mm(10, 10, 0, 0, 0, 0)).setOomScoreAdj(-1000));
        w.attach(w.task(100), cg);
        AtomicInteger inside = new AtomicInteger(), maxInside = new AtomicInteger();
        w.addOomNotifier(() -> 0);
        Kfuncs kfuncs = syscallKfuncs(m);
        ((dev.oomspec.reference.series.v3.Series) m.series()).attach(new BpfOomOps((oc, link, k) -> {
            int now = inside.incrementAndGet();
            maxInside.accumulateAndGet(now, Math::max);
            Thread.yield();
            inside.decrementAndGet();
            return 0;
        }, "probe"), Set.of("handle_out_of_memory"), new AttachRequest(true, null, new AttachRequest.Valid(cg), Set.of()));
        AtomicInteger ok = new AtomicInteger(), busy = new AtomicInteger();
        Thread[] ts = new Thread[4];
        for (int i = 0; i < ts.length; i++) {
            final boolean wait = i % 2 == 0;
            ts[i] = new Thread(() -> {
                for (int k = 0; k < 300; k++) {
                    int r = kfuncs.bpfOutOfMemory(cg, 0, wait ? WAIT : 0);
                    if (r == Errno.EBUSY.neg()) { assertFalse(wait); busy.incrementAndGet(); }
                    else { assertTrue(r == 0 || r == 1, "ret " + r); ok.incrementAndGet(); }
                }
            });
            ts[i].start();
        }
        for (Thread t : ts) t.join(HANG_GUARD_MS);
        for (Thread t : ts) assertFalse(t.isAlive());
        assertEquals(1, maxInside.get());
        assertEquals(1200, ok.get() + busy.get());
        assertTrue(ok.get() >= 600, "every waiting call got the lock");
    }

    @Test
    void trylockOnContentionIsEbusyAndAFatalSignalWhileWaitingIsEintr() throws Exception {
        OomModel m = v3(dev.oomspec.reference.series.v3.Series::new);
        World w = m.world();
        Kfuncs kfuncs = syscallKfuncs(m);
        Object other = new Object();
        assertTrue(w.oomLock().tryLockAs(other)); // held by another task
        assertEquals(Errno.EBUSY.neg(), kfuncs.bpfOutOfMemory(null, 0, 0));
        int[] ret = {1};
        CountDownLatch waiting = new CountDownLatch(1);
        Thread waiter = new Thread(() -> { waiting.countDown(); ret[0] = kfuncs.bpfOutOfMemory(null, 0, WAIT); });
        waiter.start();
        waiting.await();
        waiter.interrupt(); // fatal signal, whether it arrives before or during the wait
        waiter.join(HANG_GUARD_MS);
        assertFalse(waiter.isAlive());
        assertEquals(Errno.EINTR.neg(), ret[0]);
        assertTrue(w.oomLock().isLocked());
        w.oomLock().unlockAs(other);
    }

    @Test
    void proposedEscapeHatchEndsTheWait() throws Exception {
        OomModel m = v3(dev.oomspec.reference.series.v3proposed.Series::new);
        ((dev.oomspec.reference.series.v3proposed.Series) m.series()).setEscapeHatch(() -> false);
        World w = m.world();
        Kfuncs kfuncs = syscallKfuncs(m);
        Object other = new Object();
        w.oomLock().tryLockAs(other);
        int[] ret = {1};
        Thread waiter = new Thread(() -> ret[0] = kfuncs.bpfOutOfMemory(null, 0, WAIT));
        waiter.start();
        while (waiter.getState() != Thread.State.WAITING && waiter.isAlive()) Thread.onSpinWait();
        w.oomLock().unlockAs(other); // progress elsewhere: the hatch says "no longer warranted"
        waiter.join(HANG_GUARD_MS);
        assertEquals(Errno.ECANCELED.neg(), ret[0]);
        assertFalse(w.oomLock().isLocked());
    }
}
