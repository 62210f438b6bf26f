package dev.oomspec.spec.model;

/**
 * A report line: the kernel format string and, for present lines, the exact rendering in the scenario.
 *
 * @param format printk format, e.g. "oom bpf handler: %s"
 * @param rendered the expected line for this clause's inputs (null for absent lines)
 */
public record ReportLine(String format, String rendered) {}
