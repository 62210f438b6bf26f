package dev.oomspec.spec.load;

/** A parsed value with the file and line where it starts. */
public record Located<T>(T value, String file, int line) {}
