package dev.oomspec.traces.event;

import java.util.Objects;

/**
 * Where an event came from: the source name (file path or {@code -}) and the first and last input line
 * (1-based, inclusive) that contributed to it.
 */
public record SourceRange(String source, long firstLine, long lastLine) {
  public SourceRange {
    Objects.requireNonNull(source, "source");
    if (firstLine < 1 || lastLine < firstLine) {
      throw new IllegalArgumentException("bad range " + firstLine + ".." + lastLine);
    }
  }
}
