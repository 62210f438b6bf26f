package dev.oomspec.fleet.input;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BinsTest {

  @Test
  void everyFileLandsInExactlyOneBinAndTheBinsStayWithinOneLargestFile() {
    SplittableRandom random = new SplittableRandom(18);
    for (int round = 0; round < 200; round++) {
      List<InputFile> files = new ArrayList<>();
      int n = random.nextInt(1, 400);
      for (int i = 0; i < n; i++) {
        // log sizes are skewed: most small, a few huge
        long size = random.nextInt(10) == 0 ? random.nextLong(1L << 30) : random.nextLong(1L << 20);
        files.add(new InputFile("file:/fleet/h" + i + "/kern.log", size));
      }
      int bins = random.nextInt(1, 40);
      List<List<InputFile>> dealt = Bins.deal(files, bins);
      assertEquals(bins, dealt.size());
      List<InputFile> all = new ArrayList<>();
      dealt.forEach(all::addAll);
      assertEquals(files.size(), all.size());
      assertEquals(new HashSet<>(files), new HashSet<>(all));
      long largest = files.stream().mapToLong(f -> Math.max(1, f.bytes())).max().orElse(0);
      long[] loads = dealt.stream().mapToLong(b -> b.stream().mapToLong(f -> Math.max(1, f.bytes())).sum()).toArray();
      long max = java.util.Arrays.stream(loads).max().orElse(0);
      long min = java.util.Arrays.stream(loads).min().orElse(0);
      assertTrue(max - min <= largest, "round " + round + ": spread " + (max - min) + " > largest " + largest);
    }
  }

  @Test
  void countGivesEveryCoreWorkAndNeverMoreTasksThanFiles() {
    List<InputFile> three = List.of(new InputFile("a", 1), new InputFile("b", 1), new InputFile("c", 1));
    assertEquals(3, Bins.count(three, 2));
    List<InputFile> many = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      many.add(new InputFile("f" + i, 1000));
    }
    assertEquals(2 * Bins.TASKS_PER_CORE, Bins.count(many, 2));
    List<InputFile> big = new ArrayList<>();
    for (int i = 0; i < 1000; i++) {
      big.add(new InputFile("f" + i, 4 * Bins.TARGET_BYTES));
    }
    assertEquals(1000, Bins.count(big, 2), "a task per TARGET_BYTES, but no more tasks than files");
    assertEquals(400, Bins.count(big.subList(0, 100), 2) * 4, "100 files of 4 x TARGET_BYTES: 100 tasks");
    assertEquals(1, Bins.count(List.of(), 2));
    assertThrows(IllegalArgumentException.class, () -> Bins.deal(three, 0));
  }
}
