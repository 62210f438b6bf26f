package dev.oomspec.fleet;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Bad {@code --policy}, {@code --policy-jar} and {@code --revision} values are refused as {@code oomspec replay}
 * refuses them, before Spark starts: exit 2, one line.
 */
class FleetMainTest {
  record Run(int exit, String err) {}

  static Run run(String... args) {
    PrintStream saved = System.err;
    ByteArrayOutputStream buf = new ByteArrayOutputStream();
    System.setErr(new PrintStream(buf, true, StandardCharsets.UTF_8));
    try {
      int exit = FleetMain.run(args);
      return new Run(exit, buf.toString(StandardCharsets.UTF_8));
    } finally {
      System.setErr(saved);
    }
  }

  @Test
  void badPolicyValuesExit2WithOneLine(@TempDir Path dir) {
    String in = ReplayStreamCorpus.LEAKER.toString();
    String out = dir.resolve("out").toString();
    List<List<String>> cases = List.of(
        List.of("--policy", "nonsense"),
        List.of("--policy", "largest-rss", "--revision", "v2"),
        List.of("--policy", "cgroup-priority=/no/such/rules"),
        List.of("--policy", "largest-rss", "--policy-jar", dir.resolve("none.jar").toString()),
        List.of("--policy-jar", dir.resolve("none.jar").toString()));
    List<String> expected = List.of(
        "oomspec fleet: --policy: unknown policy 'nonsense'; known: test-oom, test-oomd, largest-rss",
        "oomspec fleet: --revision: unknown revision 'v2'; policies run on v3 or post",
        "oomspec fleet: cgroup-priority: cannot read /no/such/rules",
        "oomspec fleet: --policy-jar " + dir.resolve("none.jar") + ": no such file",
        "oomspec fleet: --policy-jar without --policy: name the policies to run");
    for (int i = 0; i < cases.size(); i++) {
      List<String> args = new ArrayList<>(cases.get(i));
      args.addAll(List.of("--out", out, in));
      Run r = run(args.toArray(String[]::new));
      assertEquals(2, r.exit(), args + ": " + r.err());
      assertEquals(1, r.err().lines().count(), "one line: " + r.err());
      assertTrue(r.err().startsWith(expected.get(i)), r.err());
    }
  }

  /** A real log to name as INPUT (the run stops before reading it). */
  static final class ReplayStreamCorpus {
    static final Path LEAKER = FleetLogs.repoRoot()
        .resolve("traces/corpus/published/042-lkml-hocko-leaker-5.2-memcg-v1-dmesg.log");
  }
}
