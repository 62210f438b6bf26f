package dev.oomspec.fleet.input;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;

/**
 * Groups files into the job's tasks. A file is never split (the replay reads it front to back), so a task holds whole
 * files; files are dealt largest first to the task with the fewest bytes so far (longest-processing-time first), which
 * keeps the tasks within one largest file of each other.
 */
public final class Bins {
  /** A task's share when the fleet is large: about this many stored bytes per task. */
  public static final long TARGET_BYTES = 256L << 20;

  /** Tasks per core when the fleet is small, so a slow file does not hold up a whole core's share. */
  public static final int TASKS_PER_CORE = 3;

  private Bins() {}

  /** How many tasks for {@code files} on {@code cores} cores: enough for every core, more for a large fleet. */
  public static int count(List<InputFile> files, int cores) {
    long bytes = files.stream().mapToLong(InputFile::bytes).sum();
    long n = Math.max((long) Math.max(1, cores) * TASKS_PER_CORE, bytes / TARGET_BYTES + 1);
    return (int) Math.max(1, Math.min(files.size(), Math.min(n, Integer.MAX_VALUE - 8)));
  }

  /** The files dealt into {@code n} bins (some may be empty when there are fewer files than bins). */
  public static List<List<InputFile>> deal(List<InputFile> files, int n) {
    if (n < 1) {
      throw new IllegalArgumentException("n < 1: " + n);
    }
    List<InputFile> bySize = new ArrayList<>(files);
    bySize.sort(Comparator.comparingLong(InputFile::bytes).reversed().thenComparing(InputFile::path));
    List<List<InputFile>> bins = new ArrayList<>(n);
    long[] load = new long[n];
    PriorityQueue<Integer> lightest = new PriorityQueue<>(
        Comparator.<Integer>comparingLong(i -> load[i]).thenComparingInt(i -> i));
    for (int i = 0; i < n; i++) {
      bins.add(new ArrayList<>());
      lightest.add(i);
    }
    for (InputFile f : bySize) {
      int i = lightest.poll();
      bins.get(i).add(f);
      load[i] += Math.max(1, f.bytes()); // empty files still cost an open
      lightest.add(i);
    }
    return bins;
  }
}
