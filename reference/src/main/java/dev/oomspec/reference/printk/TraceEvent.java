package dev.oomspec.reference.printk;

/** One oom:* tracepoint hit: event name (without "oom:") and the TP_printk text. */
public record TraceEvent(String event, String fields) {
    /** As trace-cmd report prints it after the timestamp: {@code mark_victim: pid=…}. */
    public String text() { return event + ": " + fields; }
}
