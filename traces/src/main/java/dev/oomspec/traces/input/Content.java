package dev.oomspec.traces.input;

/** What an input holds once decompressed, judged from its first bytes. */
public sealed interface Content {

  /** Text (a log in any wrapping the readers know, or not). */
  record Text() implements Content {}

  /** A binary trace-cmd {@code trace.dat} (magic {@code 17 08 44 "tracing"}). */
  record TraceDat() implements Content {}

  /** Zero bytes (after decompression). */
  record Empty() implements Content {}

  /**
   * Bytes that are not a log: an executable, an image, an archive, a binary journal file, random data.
   *
   * @param what what the bytes look like, for the one-line error ({@code "an ELF executable or library"})
   */
  record Binary(String what) implements Content {}
}
