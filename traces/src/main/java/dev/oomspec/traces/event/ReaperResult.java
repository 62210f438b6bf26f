package dev.oomspec.traces.event;

/**
 * What the OOM reaper reported for a victim.
 *
 * @param line      input line number
 * @param outcome   {@code reaped}, {@code unable}, or for ftrace the last reaper tracepoint seen
 *                  ({@code wake_reaper}, {@code start_task_reaping}, {@code finish_task_reaping},
 *                  {@code skip_task_reaping})
 * @param anonRssKb after reaping ({@code reaped} only), else null
 */
public record ReaperResult(
    long line, int pid, String comm, String outcome, Long anonRssKb, Long fileRssKb, Long shmemRssKb) {}
