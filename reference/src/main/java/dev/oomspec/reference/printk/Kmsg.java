package dev.oomspec.reference.printk;

import java.util.ArrayList;
import java.util.List;

/** The kernel log buffer and the trace buffer of one model world. Thread-safe (appends under a lock). */
public final class Kmsg {
    private final List<LogLine> log = new ArrayList<>();
    private final List<TraceEvent> trace = new ArrayList<>();

    public synchronized void printk(String level, String text) { log.add(new LogLine(level, text)); }
    public synchronized void trace(String event, String fields) { trace.add(new TraceEvent(event, fields)); }

    public synchronized List<LogLine> records() { return List.copyOf(log); }
    public synchronized List<TraceEvent> events() { return List.copyOf(trace); }

    /** Every line of the log as util-linux dmesg shows it without the timestamp (records split at '\n'). */
    public synchronized List<String> lines() {
        List<String> out = new ArrayList<>();
        for (LogLine l : log) out.addAll(List.of(l.text().split("\n", -1)));
        return out;
    }

    public synchronized void clear() { log.clear(); trace.clear(); }
}
