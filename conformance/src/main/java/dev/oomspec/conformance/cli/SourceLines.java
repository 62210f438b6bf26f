package dev.oomspec.conformance.cli;

import dev.oomspec.traces.input.LogInputs;
import dev.oomspec.traces.input.OpenedInput;
import dev.oomspec.traces.replay.ReplayCorpus;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The original lines of events, for the HTML page: read again from the input (decompressed again; stdin was
 * spooled to a file) in one pass for all the events of the input that get a section. At most
 * {@link #MAX_LINES} lines per event: a longer event keeps its first and last lines with a marker between.
 */
interface SourceLines {
  int MAX_LINES = 400;
  int HEAD = 300;

  /** The lines {@code first..last} (1-based, inclusive) of each range, in the order given. */
  List<List<String>> lines(List<long[]> ranges);

  static SourceLines none() {
    return ranges -> ranges.stream().map(r -> List.<String>of()).toList();
  }

  static SourceLines corpus(ReplayCorpus corpus, ReplayCorpus.Entry entry) {
    return ranges -> ranges.stream().map(r -> bounded(corpus.lines(entry, r[0], r[1]), r[1] - r[0] + 1)).toList();
  }

  static SourceLines file(Path path) {
    return ranges -> {
      List<List<String>> out = new ArrayList<>();
      ranges.forEach(r -> out.add(new ArrayList<>()));
      if (ranges.isEmpty()) {
        return out;
      }
      List<Integer> order = new ArrayList<>();
      for (int i = 0; i < ranges.size(); i++) {
        order.add(i);
      }
      order.sort(Comparator.comparingLong(i -> ranges.get(i)[0]));
      long lastNeeded = ranges.stream().mapToLong(r -> r[1]).max().orElse(0);
      try (OpenedInput in = LogInputs.open(path);
          BufferedReader r = new BufferedReader(new InputStreamReader(in.stream(), StandardCharsets.UTF_8))) {
        String l;
        for (long n = 1; n <= lastNeeded && (l = r.readLine()) != null; n++) {
          for (int i : order) {
            long[] range = ranges.get(i);
            if (range[0] > n) {
              break;
            }
            if (n <= range[1] && keep(n - range[0], range[1] - range[0] + 1)) {
              out.get(i).add(l);
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      List<List<String>> marked = new ArrayList<>();
      for (int i = 0; i < ranges.size(); i++) {
        marked.add(marker(out.get(i), ranges.get(i)[1] - ranges.get(i)[0] + 1));
      }
      return marked;
    };
  }

  /** Whether line {@code index} (0-based) of an event of {@code size} lines is shown. */
  private static boolean keep(long index, long size) {
    return size <= MAX_LINES || index < HEAD || index >= size - (MAX_LINES - HEAD);
  }

  private static List<String> marker(List<String> kept, long size) {
    if (size <= MAX_LINES || kept.size() < HEAD) {
      return kept;
    }
    List<String> m = new ArrayList<>(kept.subList(0, HEAD));
    m.add("[… " + (size - MAX_LINES) + " lines of this event not shown …]");
    m.addAll(kept.subList(HEAD, kept.size()));
    return m;
  }

  private static List<String> bounded(List<String> lines, long size) {
    if (lines.size() <= MAX_LINES) {
      return lines;
    }
    List<String> kept = new ArrayList<>(lines.subList(0, HEAD));
    kept.addAll(lines.subList(lines.size() - (MAX_LINES - HEAD), lines.size()));
    return marker(kept, size);
  }
}
