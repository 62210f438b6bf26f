package dev.oomspec.traces.read;

/**
 * One input line as read by {@link BoundedLineReader}.
 *
 * @param number  1-based line number
 * @param text    the line without its terminator (CR of a CRLF removed); "" when {@code tooLong}
 * @param tooLong true when the line exceeded the limit and was skipped without being buffered
 * @param length  the line's length in chars (counted even when skipped)
 */
public record RawLine(long number, String text, boolean tooLong, long length) {}
