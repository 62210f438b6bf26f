package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.traces.assemble.Disposition;
import dev.oomspec.traces.event.OomEvent;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property test: the real logs of logs/INDEX.tsv and the complete published logs, mutated (lines deleted, duplicated, swapped, truncated,
 * garbage injected, CRLF, newlines stripped, quote prefixes, file cut short). Whatever the mutation: no
 * exception escapes, the line accounting adds up to the lines of the input, no line containing an OOM header
 * or a {@code mark_victim} is called unrelated (unless the mutation rewrote the record's own metadata to say it
 * is not from the kernel — e.g. a journal {@code _TRANSPORT} value), and every such line yields an event. 200 tries (seconds),
 * drawn from a fixed seed (override with {@code -Doomspec.seed=N}); a failure names the seed, the try, the log and the
 * mutations.
 */
class MutatedLogsPropertyTest {

  /** The logs of logs/INDEX.tsv and the complete published logs of published/INDEX.tsv. */
  private static final List<String> LOGS = pool();

  private static List<String> pool() {
    List<String> all = new ArrayList<>(Logs.index().keySet());
    PublishedLogsTest.index().forEach((file, row) -> {
      if (row.get("complete").equals("yes")) {
        all.add("published/" + file);
      }
    });
    return List.copyOf(all);
  }

  private static String text(String name) {
    return name.startsWith("published/") ? PublishedLogsTest.text(name.substring(10)) : Logs.text(name);
  }
  private static final List<String> GARBAGE =
      List.of("\u0000", "\u001b[31m", "\uFFFD", "\u00ff\u00fe", "\t", "\\x0a", "]", "[", "(", ")", ",", ": ");

  record Mutation(int kind, int at, int arg) {}

  private static final long SEED = Long.getLong("oomspec.seed", 0x6F6F6D73706563L);
  private static final int TRIES = 200;

  @Test
  void mutatedRealLogsAreAccountedForAndLoseNoEvent() {
    SplittableRandom root = new SplittableRandom(SEED);
    for (int i = 0; i < TRIES; i++) {
      SplittableRandom r = root.split();
      String file = LOGS.get(r.nextInt(LOGS.size()));
      List<Mutation> ms = new ArrayList<>();
      for (int k = 1 + r.nextInt(8); k > 0; k--) {
        ms.add(new Mutation(r.nextInt(9), r.nextInt(100_001), r.nextInt(100_001)));
      }
      try {
        check(apply(text(file), ms));
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(String.format("property failed on try %d of %d, seed %d (rerun with -Doomspec.seed=%d)"
            + "%n  log: %s%n  mutations: %s", i, TRIES, SEED, SEED, file, ms), e);
      }
    }
  }

  private static void check(String text) {
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
