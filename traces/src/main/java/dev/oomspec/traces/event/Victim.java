package dev.oomspec.traces.event;

/**
 * The process the OOM killer chose. Sizes in kB; any field may be null when the source did not print it.
 *
 * @param from where the data came from: {@code killed-line}, {@code summary}, {@code mark_victim},
 *             {@code reaper}, {@code oomkill-tool}
 */
public record Victim(
    int pid,
    String comm,
    Long uid,
    Long totalVmKb,
    Long anonRssKb,
    Long fileRssKb,
    Long shmemRssKb,
    Long pgtablesKb,
    Integer oomScoreAdj,
    String from) {}
