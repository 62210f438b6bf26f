package dev.oomspec.reference.mm;

/**
 * The memcg stat items the model keeps (enum node_stat_item / memcg_stat_item, include/linux/mmzone.h and
 * memcontrol.h): only NR_FILE_PAGES has a value here; MEMCG_NR_STAT is the count, an invalid index.
 */
public final class MemcgStat {
    private MemcgStat() {}

    public static final int NR_FILE_PAGES = 1;
    /** One past the last memcg stat item (the model keeps the ordering, not the kernel's number). */
    public static final int MEMCG_NR_STAT = 1 << 16;

    /**
     * memcg_page_state_output(memcg, idx) for NR_FILE_PAGES, in bytes: the value set on the memcg (a replayed report's),
     * else file + shmem pages of the subtree's mms.
     */
    public static long pageStateOutputBytes(Memcg memcg, int idx) {
        if (idx != NR_FILE_PAGES) return 0;
        if (memcg.filePages >= 0) return memcg.filePages * OomKill.PAGE_SIZE;
        java.util.Map<Mm, Boolean> mms = new java.util.IdentityHashMap<>();
        for (Memcg m : Memcontrol.preOrder(memcg)) for (Task t : m.tasks) if (t.mm != null) mms.put(t.mm, true);
        return mms.keySet().stream().mapToLong(m -> m.fileRss + m.shmemRss).sum() * OomKill.PAGE_SIZE;
    }

    /** page_counter_read(&memcg->memory) in pages: the usage set on the memcg, else the rss of the subtree's mms. */
    public static long pageCounterRead(Memcg memcg) {
        if (memcg.memoryUsage > 0) return memcg.memoryUsage;
        java.util.Map<Mm, Boolean> mms = new java.util.IdentityHashMap<>();
        for (Memcg m : Memcontrol.preOrder(memcg)) for (Task t : m.tasks) if (t.mm != null) mms.put(t.mm, true);
        return mms.keySet().stream().mapToLong(Mm::getMmRss).sum();
    }
}
