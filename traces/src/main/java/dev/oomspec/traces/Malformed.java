package dev.oomspec.traces;

/** An input line that could not be read, with its place and the reason. */
public record Malformed(String file, long line, String why) {}
