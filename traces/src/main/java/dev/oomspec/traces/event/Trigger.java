package dev.oomspec.traces.event;

/**
 * The task that invoked the OOM killer ({@code current}).
 *
 * @param comm        from the header ({@code comm invoked oom-killer}); null when the header is missing
 * @param pid         from the stack header ({@code PID: n}), the ftrace task column or an oomkill tool line;
 *                    null when not printed
 * @param oomScoreAdj the triggering task's adj from the header, or null
 */
public record Trigger(String comm, Integer pid, Integer oomScoreAdj) {}
