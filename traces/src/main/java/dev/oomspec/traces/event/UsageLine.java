package dev.oomspec.traces.event;

/** One memcg page-counter line: {@code memory: usage %llukB, limit %llukB, failcnt %lu}. */
public record UsageLine(long usageKb, long limitKb, long failcnt) {}
