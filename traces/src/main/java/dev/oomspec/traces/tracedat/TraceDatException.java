package dev.oomspec.traces.tracedat;

import java.io.IOException;

/**
 * A {@code trace.dat} file that cannot be read: truncated, corrupt, or using a feature this reader does not
 * support. The message always names the file, the byte offset (in the file, or inside a decompressed section
 * or chunk, which the message then names) and what was expected there.
 */
public final class TraceDatException extends IOException {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final long offset;

  TraceDatException(String file, long offset, String what) {
    this(file, offset, what, null);
  }

  TraceDatException(String file, long offset, String what, Throwable cause) {
    super(file + ": offset 0x" + Long.toHexString(offset) + ": " + what, cause);
    this.file = file;
    this.offset = offset;
  }

  /** The file name as given to {@link TraceDatReader#open}. */
  public String file() {
    return file;
  }

  /** The byte offset the problem was found at (see the message for what it is relative to). */
  public long offset() {
    return offset;
  }
}
