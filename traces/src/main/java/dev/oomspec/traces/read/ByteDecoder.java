package dev.oomspec.traces.read;

/**
 * A wrapping reader's fast path: one line of bytes to its kernel text without making a String (the text is
 * read in place by the report grammar). Offered only printable ASCII lines (tabs allowed, no backslash), already
 * without a quote prefix and de-indented. A line the fast path does not read the way {@link LogReader#decode}
 * would is declined (null) and decoded from its String instead, so both paths read every line alike.
 */
public interface ByteDecoder {

  /**
   * Reads the kernel line of {@code line}'s bytes from {@code from} (the cleaned, de-indented start) into
   * {@code out}; false when declined ({@code out} then holds nothing of this line).
   */
  boolean decode(ByteLine line, int from, KernelCursor out);
}
