package dev.oomspec.traces.event;

/**
 * The BPF OOM handler named in the report (series "mm: BPF OOM").
 *
 * @param name the handler name ({@code default} in v1/v2 when the kernel killer ran)
 * @param form {@code oom_policy} (v1/v2 second header line) or {@code oom bpf handler} (v3 line)
 * @param line input line number
 */
public record BpfHandler(String name, String form, long line) {}
