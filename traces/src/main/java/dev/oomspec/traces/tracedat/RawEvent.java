package dev.oomspec.traces.tracedat;

import java.nio.ByteBuffer;

/** One event record cut out of a ring-buffer page: its CPU, absolute timestamp and payload. */
record RawEvent(int cpu, long timestampNs, ByteBuffer data, Page page, int offsetInPage) {
}
