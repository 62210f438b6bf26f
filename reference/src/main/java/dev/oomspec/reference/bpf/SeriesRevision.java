package dev.oomspec.reference.bpf;

/** Revisions of Roman Gushchin's "mm: BPF OOM" series (bpf-oom-series.md §1). */
public enum SeriesRevision { RFC, V1, V2, V3, POST }
