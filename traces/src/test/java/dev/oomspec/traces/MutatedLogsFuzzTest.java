package dev.oomspec.traces;

import com.code_intelligence.jazzer.api.FuzzedDataProvider;
import com.code_intelligence.jazzer.junit.FuzzTest;
import dev.oomspec.traces.MutatedLogs.Mutation;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Timeout;

/**
 * Fuzz target: {@link MutatedLogsPropertyTest}'s property with Jazzer choosing the log and the mutations
 * (same pool, same mutation kinds, same check — all in {@link MutatedLogs}). Without {@code JAZZER_FUZZ} it
 * runs the stored inputs under {@code src/test/resources/dev/oomspec/traces/MutatedLogsFuzzTestInputs/} (regression
 * mode, part of every build); to fuzz: {@code JAZZER_FUZZ=1 ./mvnw -B -o -pl traces test -Dtest=MutatedLogsFuzzTest
 * -Djazzer.max_duration=10m} (docs/events-format.md). A finding names the log and the mutations;
 * {@code -Doomspec.fuzz.describe=true} prints them for every stored input.
 */
class MutatedLogsFuzzTest {

  @FuzzTest(maxDuration = "10m")
  @Timeout(30) // per input: also passed to the fuzzer as its -timeout (a hang is a finding)
  void mutatedRealLogs(FuzzedDataProvider data) {
    String file = MutatedLogs.LOGS.get(data.consumeInt(0, MutatedLogs.LOGS.size() - 1));
    List<Mutation> ms = new ArrayList<>();
    for (int k = data.consumeInt(1, 8); k > 0 && data.remainingBytes() > 0; k--) {
      ms.add(new Mutation(data.consumeInt(0, MutatedLogs.KINDS - 1), data.consumeInt(0, MutatedLogs.MAX_POS),
          data.consumeInt(0, MutatedLogs.MAX_POS)));
    }
    if (Boolean.getBoolean("oomspec.fuzz.describe")) { // what each stored input does (regression mode)
      System.out.println("MutatedLogsFuzzTest input: " + file + " " + ms);
    }
    try {
      MutatedLogs.check(MutatedLogs.apply(MutatedLogs.text(file), ms));
    } catch (RuntimeException | AssertionError e) {
      throw new AssertionError("log: " + file + "%n  mutations: ".formatted() + ms, e);
    }
  }
}
