package dev.oomspec.traces.read;

/**
 * One bcc {@code oomkill} / bpftrace {@code oomkill.bt} line:
 * {@code HH:MM:SS Triggered by PID N ("comm"), [CGROUP id ("path"), ]OOM kill of PID N ("comm"), N pages,
 * loadavg: …}.
 *
 * @param totalPages {@code oc->totalpages} (not the victim's size)
 */
public record OomKillToolLine(
    String source,
    long line,
    String time,
    int triggerPid,
    String triggerComm,
    Long cgroupId,
    String cgroupPath,
    int victimPid,
    String victimComm,
    long totalPages,
    String loadavg) {}
