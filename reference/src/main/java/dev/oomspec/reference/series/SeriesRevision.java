package dev.oomspec.reference.series;

/** Revisions of Roman Gushchin's "mm: BPF OOM" series: RFC (Apr 2025), v1 (Aug 2025), v2 (Oct 2025), v3 (Jan 2026), post-v3. */
public enum SeriesRevision { RFC, V1, V2, V3, POST }
