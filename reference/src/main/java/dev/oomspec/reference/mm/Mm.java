package dev.oomspec.reference.mm;

/**
 * struct mm_struct, reduced to what the OOM killer reads: the rss counters (MM_ANONPAGES, MM_FILEPAGES,
 * MM_SHMEMPAGES), MM_SWAPENTS, mm_pgtables_bytes(), total_vm and the flags MMF_OOM_SKIP /
 * MMF_OOM_REAP_QUEUED. Several tasks may point at one Mm (threads, CLONE_VM processes, vfork).
 * Values are in pages except pgtablesBytes.
 */
public final class Mm {
    long anonRss, fileRss, shmemRss, swapEnts, pgtablesBytes, totalVm;
    boolean oomSkip, reapQueued, unstable;
    /** Reaper attempts that will fail (mmap_read_trylock contended) before one succeeds; ≥10 → never. */
    int failingReapAttempts;

    public Mm(long totalVm, long anonRss, long fileRss, long shmemRss, long swapEnts, long pgtablesBytes) {
        this.totalVm = totalVm; this.anonRss = anonRss; this.fileRss = fileRss; this.shmemRss = shmemRss;
        this.swapEnts = swapEnts; this.pgtablesBytes = pgtablesBytes;
    }

    /** get_mm_rss(): file + anon + shmem pages. */
    public long getMmRss() { return anonRss + fileRss + shmemRss; }

    public long anonRss() { return anonRss; }
    public long fileRss() { return fileRss; }
    public long shmemRss() { return shmemRss; }
    public long swapEnts() { return swapEnts; }
    public long pgtablesBytes() { return pgtablesBytes; }
    public long totalVm() { return totalVm; }
    /** mm_flags_test(MMF_OOM_SKIP, mm). */
    public boolean oomSkip() { return oomSkip; }
    public boolean reapQueued() { return reapQueued; }

    public Mm setAnonRss(long v) { anonRss = v; return this; }
    public Mm setFileRss(long v) { fileRss = v; return this; }
    public Mm setShmemRss(long v) { shmemRss = v; return this; }
    public Mm setSwapEnts(long v) { swapEnts = v; return this; }
    public Mm setPgtablesBytes(long v) { pgtablesBytes = v; return this; }
    public Mm setTotalVm(long v) { totalVm = v; return this; }
    public Mm setOomSkip(boolean v) { oomSkip = v; return this; }
    /** Precondition knob for the reaper: the next {@code n} attempts fail to take mmap_lock. */
    public Mm setFailingReapAttempts(int n) { failingReapAttempts = n; return this; }
}
