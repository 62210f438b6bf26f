package dev.oomspec.spec.model;

import java.util.List;

/**
 * World preconditions of a clause (closed vocabulary; every field optional, null = default world).
 *
 * @param task the target task of a task-taking kfunc
 * @param oomLock state of {@code oom_lock} (default: free)
 * @param fatalSignalWhileWaiting a fatal signal arrives while the caller sleeps in
 *     {@code mutex_lock_killable(&oom_lock)}
 * @param platform architecture configuration fixing the order bound (default: MAX_PAGE_ORDER 10 inclusive)
 * @param occupiedSlots cgroup paths (or "system" in v2) whose OOM-handler slot is already taken
 * @param dyingCgroups cgroup paths that are being removed (BPF refcount already zero)
 * @param escapeHatch proposed P-05 only: the user callback consulted while waiting on oom_lock says
 *     "no longer needed" ({@code abort}) or "proceed"
 * @param proposedVariant true when the clause needs the model variant with the review's proposals on
 * @param memcgCharge a memcg whose memory page counter reads this many pages
 * @param capSysResource the task that registers the programs has CAP_SYS_RESOURCE (default true)
 * @param releasedLink a slot (cgroup path, or "system") where a bpf_oom_ops was attached through a link that was
 *     released (its last fd closed) before the call; for dispatch, after the clause's handlers were attached
 */
public record Given(
    TaskState task,
    LockState oomLock,
    Boolean fatalSignalWhileWaiting,
    Platform platform,
    List<String> occupiedSlots,
    List<String> dyingCgroups,
    String escapeHatch,
    Boolean proposedVariant,
    MemcgCharge memcgCharge,
    Boolean capSysResource,
    String releasedLink) {

  public static final Given EMPTY = new Given(null, null, null, null, null, null, null, null, null, null, null);

  /**
   * {@code given.memcgCharge}: the memcg at {@code path} has {@code pages} pages charged to its memory page counter
   * ({@code page_counter_read(&memcg->memory)}) and, when given, {@code filePages} pages in its NR_FILE_PAGES counter
   * and {@code events} (memory.events counters by their enum memcg_memory_event name, e.g. MEMCG_OOM: 3).
   */
  public record MemcgCharge(String path, Long pages, Long filePages, java.util.Map<String, Long> events) {}
}
