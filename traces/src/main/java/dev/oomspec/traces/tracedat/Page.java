package dev.oomspec.traces.tracedat;

import java.nio.ByteBuffer;

/**
 * One ring-buffer page in memory. {@code fileOffset} is where it starts in the file, or -1 when it came out of a
 * compressed chunk (then {@code where} names cpu, chunk and page for error messages).
 */
record Page(ByteBuffer data, long fileOffset, String where) {
}
