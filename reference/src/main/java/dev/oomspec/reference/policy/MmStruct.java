package dev.oomspec.reference.policy;

import dev.oomspec.reference.mm.Mm;

/**
 * {@code struct mm_struct}'s counters, in pages ({@code get_mm_counter(mm, MM_*)}), and the page-table bytes. A BPF
 * program reads {@code mm->rss_stat[i].count}, which may lag the exact per-CPU sum by a batch; the model is exact.
 */
public final class MmStruct {
    private final Mm mm;

    MmStruct(Mm mm) { this.mm = mm; }

    /** MM_ANONPAGES. */
    public long anonRss() { return mm.anonRss(); }
    /** MM_FILEPAGES. */
    public long fileRss() { return mm.fileRss(); }
    /** MM_SHMEMPAGES. */
    public long shmemRss() { return mm.shmemRss(); }
    /** MM_SWAPENTS. */
    public long swapEnts() { return mm.swapEnts(); }
    /** {@code mm_pgtables_bytes(mm)}. */
    public long pgtablesBytes() { return mm.pgtablesBytes(); }
    /** {@code mm->total_vm}, pages. */
    public long totalVm() { return mm.totalVm(); }
    /** {@code get_mm_rss(mm)}: anon + file + shmem pages. */
    public long rss() { return mm.getMmRss(); }
}
