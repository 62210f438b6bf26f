package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.assemble.Disposition;
import dev.oomspec.traces.event.OomEvent;
import java.util.ArrayList;
import java.util.List;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Property test: the real logs of logs/INDEX.tsv, mutated (lines deleted, duplicated, swapped, truncated,
 * garbage injected, CRLF, newlines stripped, quote prefixes, file cut short). Whatever the mutation: no
 * exception escapes, the line accounting adds up to the lines of the input, no line containing an OOM header
 * or a {@code mark_victim} is called unrelated (unless the mutation rewrote the record's own metadata to say it
 * is not from the kernel — e.g. a journal {@code _TRANSPORT} value), and every such line yields an event. 200 tries (seconds).
 */
class MutatedLogsPropertyTest {

  private static final List<String> LOGS = List.copyOf(Logs.index().keySet());
  private static final List<String> GARBAGE =
      List.of("\u0000", "\u001b[31m", "\uFFFD", "\u00ff\u00fe", "\t", "\\x0a", "]", "[", "(", ")", ",", ": ");

  record Mutation(int kind, int at, int arg) {}

  @Property(tries = 200)
  void mutatedRealLogsAreAccountedForAndLoseNoEvent(@ForAll("mutated") String text) {
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

  @Provide
  Arbitrary<String> mutated() {
    Arbitrary<Mutation> mutation = Combinators.combine(
        Arbitraries.integers().between(0, 8),
        Arbitraries.integers().between(0, 100_000),
        Arbitraries.integers().between(0, 100_000)).as(Mutation::new);
    return Combinators.combine(Arbitraries.of(LOGS), mutation.list().ofMinSize(1).ofMaxSize(8))
        .as((file, ms) -> apply(Logs.text(file), ms));
  }

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
