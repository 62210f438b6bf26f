package dev.oomspec.reference.printk;

/** One printk record: level (W, I, E or "panic") and text; the text may hold '\n' (multi-line record). */
public record LogLine(String level, String text) {}
