package dev.oomspec.reference.live;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Test-only reader of the util-linux dmesg text of a memcg OOM report. Just enough to
 * rebuild the world an OOM report describes; the real parsers live in the traces module.
 */
final class LiveDmesg {
    static final Pattern TS = Pattern.compile("^\\[\\s*\\d+\\.\\d+\\] ");
    static final Pattern HEADER = Pattern.compile("^(.*) invoked oom-killer: gfp_mask=0x([0-9a-f]+)\\(.*\\), order=(-?\\d+), oom_score_adj=(-?\\d+)$");
    static final Pattern CPU = Pattern.compile("^CPU: \\d+ UID: \\d+ PID: (\\d+) Comm: .* (?:Not tainted|Tainted: \\S+) (\\S+) ");
    static final Pattern USAGE = Pattern.compile("^(memory|memory\\+swap|kmem|swap): usage (\\d+)kB, limit (\\d+)kB, failcnt (\\d+)$");
    static final Pattern STATS = Pattern.compile("^Memory cgroup stats for (.*):$");
    static final Pattern ROW = Pattern.compile(
            "^\\[\\s*(\\d+)\\]\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(\\d+)\\s+(-?\\d+) (.*)$");
    static final Pattern KILLED = Pattern.compile("^(.*): Killed process (\\d+) \\((.*)\\) total-vm:");

    record Usage(long usageKb, long limitKb, long failcnt) {}
    record Row(int pid, int uid, int tgid, long totalVm, long rss, long anon, long file, long shmem,
               long pgtablesBytes, long swapents, int adj, String comm) {}

    /** One OOM event: its lines without timestamps, and what they say. */
    static final class Event {
        final List<String> lines = new ArrayList<>();
        String currentComm, release, memcgPath;
        int gfp, order, currentAdj, currentPid;
        Usage memory, memsw, kmem, swap;
        final List<Row> rows = new ArrayList<>();
        int killedPid = -1;
        String killedComm;
    }

    static List<Event> read(String resource) throws IOException {
        List<Event> events = new ArrayList<>();
        Event ev = null;
        for (String raw : lines(resource)) {
            Matcher ts = TS.matcher(raw);
            String line = ts.find() ? raw.substring(ts.end()) : raw;
            Matcher m;
            if ((m = HEADER.matcher(line)).matches()) {
                ev = new Event();
                events.add(ev);
                ev.currentComm = m.group(1);
                ev.gfp = Integer.parseInt(m.group(2), 16);
                ev.order = Integer.parseInt(m.group(3));
                ev.currentAdj = Integer.parseInt(m.group(4));
            }
            if (ev == null) continue;
            ev.lines.add(line);
            if ((m = CPU.matcher(line)).find()) { ev.currentPid = Integer.parseInt(m.group(1)); ev.release = m.group(2); }
            else if ((m = USAGE.matcher(line)).matches()) {
                Usage u = new Usage(Long.parseLong(m.group(2)), Long.parseLong(m.group(3)), Long.parseLong(m.group(4)));
                switch (m.group(1)) {
                    case "memory" -> ev.memory = u;
                    case "memory+swap" -> ev.memsw = u;
                    case "kmem" -> ev.kmem = u;
                    default -> ev.swap = u;
                }
            } else if ((m = STATS.matcher(line)).matches()) ev.memcgPath = m.group(1);
            else if ((m = ROW.matcher(line)).matches()) {
                ev.rows.add(new Row(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
                        Long.parseLong(m.group(4)), Long.parseLong(m.group(5)), Long.parseLong(m.group(6)),
                        Long.parseLong(m.group(7)), Long.parseLong(m.group(8)), Long.parseLong(m.group(9)),
                        Long.parseLong(m.group(10)), Integer.parseInt(m.group(11)), m.group(12)));
            } else if ((m = KILLED.matcher(line)).find()) {
                ev.killedPid = Integer.parseInt(m.group(2));
                ev.killedComm = m.group(3);
            }
        }
        return events;
    }

    /** mark_victim payloads of an ftrace text file, in order. */
    static List<String> markVictims(String resource) throws IOException {
        List<String> out = new ArrayList<>();
        for (String l : lines(resource)) {
            int i = l.indexOf(" mark_victim: ");
            if (i >= 0) out.add(l.substring(i + " mark_victim: ".length()));
        }
        return out;
    }

    static List<String> lines(String resource) throws IOException {
        try (InputStream in = LiveDmesg.class.getResourceAsStream(resource)) {
            if (in == null) throw new IOException("missing test resource " + resource);
            return List.of(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n"));
        }
    }
}
