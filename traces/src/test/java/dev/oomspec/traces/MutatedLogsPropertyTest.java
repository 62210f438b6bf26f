package dev.oomspec.traces;

import dev.oomspec.traces.MutatedLogs.Mutation;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Property test: the real logs of {@link MutatedLogs#LOGS}, mutated and checked by {@link MutatedLogs} (lines
 * deleted, duplicated, swapped, truncated, garbage injected, CRLF, newlines stripped, quote prefixes, file cut
 * short; no exception, every line accounted once, no OOM header or {@code mark_victim} lost). 200 tries
 * (seconds), drawn from a fixed seed (override with {@code -Doomspec.seed=N}); a failure names the seed, the
 * try, the log and the mutations. {@link MutatedLogsFuzzTest} lets Jazzer draw the same mutations.
 */
class MutatedLogsPropertyTest {

  private static final long SEED = Long.getLong("oomspec.seed", 0x6F6F6D73706563L);
  private static final int TRIES = 200;

  @Test
  void mutatedRealLogsAreAccountedForAndLoseNoEvent() {
    SplittableRandom root = new SplittableRandom(SEED);
    for (int i = 0; i < TRIES; i++) {
      SplittableRandom r = root.split();
      String file = MutatedLogs.LOGS.get(r.nextInt(MutatedLogs.LOGS.size()));
      List<Mutation> ms = new ArrayList<>();
      for (int k = 1 + r.nextInt(8); k > 0; k--) {
        ms.add(new Mutation(r.nextInt(MutatedLogs.KINDS), r.nextInt(MutatedLogs.MAX_POS + 1),
            r.nextInt(MutatedLogs.MAX_POS + 1)));
      }
      try {
        MutatedLogs.check(MutatedLogs.apply(MutatedLogs.text(file), ms));
      } catch (RuntimeException | AssertionError e) {
        throw new AssertionError(String.format("property failed on try %d of %d, seed %d (rerun with -Doomspec.seed=%d)"
            + "%n  log: %s%n  mutations: %s", i, TRIES, SEED, SEED, file, ms), e);
      }
    }
  }
}
