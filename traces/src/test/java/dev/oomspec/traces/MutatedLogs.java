package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.assemble.Disposition;
import dev.oomspec.traces.event.OomEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The real logs, the mutations and the invariant shared by {@link MutatedLogsPropertyTest} (seeded random
 * mutations) and {@link MutatedLogsFuzzTest} (mutations drawn by Jazzer): lines deleted, duplicated, swapped,
 * truncated, garbage injected, CRLF, newlines stripped, quote prefixes, file cut short. Whatever the mutation:
 * no exception escapes, the line accounting adds up to the lines of the input, no line containing an OOM header
 * or a {@code mark_victim} is called unrelated (unless the mutation rewrote the record's own metadata to say it
 * is not from the kernel — e.g. a journal {@code _TRANSPORT} value), and every such line yields an event.
 */
final class MutatedLogs {

  private MutatedLogs() {}

  /** The logs of logs/INDEX.tsv and the complete published logs of published/INDEX.tsv. */
  static final List<String> LOGS = pool();

  /** Kinds of {@link Mutation}: 0 delete, 1 duplicate, 2 swap, 3 truncate line, 4 garbage, 5 CRLF, 6 join, 7 quote,
   * 8 cut. */
  static final int KINDS = 9;

  /** {@link Mutation#at()} and {@link Mutation#arg()} are taken modulo the line count / line length; drawn up to
   * this. */
  static final int MAX_POS = 100_000;

  private static final List<String> GARBAGE =
      List.of("\u0000", "\u001b[31m", "\uFFFD", "\u00ff\u00fe", "\t", "\\x0a", "]", "[", "(", ")", ",", ": ");

  private static final Map<String, String> TEXTS = new ConcurrentHashMap<>();

  /** One mutation: {@code kind} (see {@link #KINDS}) at line {@code at}, with {@code arg} (column, other line). */
  record Mutation(int kind, int at, int arg) {}

  private static List<String> pool() {
    List<String> all = new ArrayList<>(Logs.index().keySet());
    Logs.publishedIndex().forEach((file, row) -> {
      if (row.get("complete").equals("yes")) {
        all.add("published/" + file);
      }
    });
    return List.copyOf(all);
  }

  /** The text of a log of {@link #LOGS} (read once). */
  static String text(String name) {
    return TEXTS.computeIfAbsent(name,
        n -> n.startsWith("published/") ? Logs.publishedText(n.substring(10)) : Logs.text(n));
  }

  /** Reads the text and asserts the invariant. */
  static void check(String text) {
    List<long[]> headerLines = new ArrayList<>();
    long[] unrelatedHeaders = {0};
    List<OomEvent> events = new ArrayList<>();
    ReadOptions opts = ReadOptions.defaults().withListener((n, t, d) -> {
      boolean header = t.contains("invoked oom-killer");
      boolean mark = t.contains("mark_victim:");
      // allowed: a record whose own metadata (mutated) says it is not from the kernel
      boolean declaredForeign = d.why().startsWith("journal record from ") || d.why().startsWith("not from the kernel");
      if ((header || mark) && d.kind() == Disposition.Kind.UNRELATED && !declaredForeign) {
        unrelatedHeaders[0]++;
      }
      if ((header || mark) && d.kind() == Disposition.Kind.EVENT) {
        headerLines.add(new long[] {n});
      }
    });
    ReadResult r = Logs.readText("mutated", text, opts);
    events.addAll(r.events());
    LineAccounting a = r.accounting();
    assertTrue(a.holds(), a.summary());
    assertEquals(Logs.lineCount(text), a.total(), "every input line counted once");
    assertEquals(0, unrelatedHeaders[0], "a header or mark_victim line was called unrelated");
    assertTrue(events.size() >= headerLines.size(),
        "events " + events.size() + " < header/mark_victim lines read " + headerLines.size());
    for (OomEvent e : events) {
      assertTrue(e.firstLine() >= 1 && e.lastLine() >= e.firstLine() && e.lastLine() <= a.total());
    }
    assertEquals(Math.min(a.malformed(), LineAccounting.MAX_LISTED), a.malformedLines().size());
  }

  /** The text with the mutations applied in order (a mutation of an empty text is skipped). */
  static String apply(String text, List<Mutation> ms) {
    List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
    boolean crlf = false;
    boolean quote = false;
    for (Mutation m : ms) {
      if (lines.isEmpty()) {
        break;
      }
      int i = m.at() % lines.size();
      String l = lines.get(i);
      switch (m.kind()) {
        case 0 -> lines.remove(i);
        case 1 -> lines.add(i, l);
        case 2 -> {
          int j = m.arg() % lines.size();
          lines.set(i, lines.get(j));
          lines.set(j, l);
        }
        case 3 -> lines.set(i, l.substring(0, l.isEmpty() ? 0 : m.arg() % l.length()));
        case 4 -> {
          int p = l.isEmpty() ? 0 : m.arg() % l.length();
          lines.set(i, l.substring(0, p) + GARBAGE.get(m.arg() % GARBAGE.size()) + l.substring(p));
        }
        case 5 -> crlf = true;
        case 6 -> {
          if (i + 1 < lines.size()) {
            lines.set(i, l + lines.remove(i + 1));
          }
        }
        case 7 -> quote = true;
        default -> lines.subList(Math.max(1, i), lines.size()).clear();
      }
    }
    StringBuilder sb = new StringBuilder();
    for (int k = 0; k < lines.size(); k++) {
      if (k > 0) {
        sb.append(crlf ? "\r\n" : "\n");
      }
      sb.append(quote ? "> " : "").append(lines.get(k));
    }
    return sb.toString();
  }
}
