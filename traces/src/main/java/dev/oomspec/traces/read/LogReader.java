package dev.oomspec.traces.read;

/**
 * One reader per log wrapping: turns a cleaned input line into kernel text, an ftrace event or a tool line.
 * Readers keep at most a few fields of state (the previous timestamp, the current stream) — never lines.
 * A reader instance serves one input; get a fresh one from {@link Readers}.
 */
public interface LogReader {

  /** The reader's name as accepted by {@code --reader}. */
  String name();

  /** How strongly a line looks like this format: 0 not at all, 1 plausible, 2 distinctive. */
  int sniff(String line);

  /** Decodes one line (already cleaned by {@link LineCleaner}). */
  Decoded decode(String source, long lineNumber, String line);
}
