package dev.oomspec.conformance.pit;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads PIT's {@code mutations.xml} and writes {@code summary.md} next to it: killed / survived / no coverage /
 * other per package (one package per revision of the series, plus the mainline bpf/ transcription). Run by the
 * {@code mutation} profile after PIT: {@code PitSummary <dir of mutations.xml>}.
 */
public final class PitSummary {
  private PitSummary() {}

  private static final Pattern MUTATION = Pattern.compile(
      "<mutation [^>]*status='([A-Z_]+)'[^>]*>.*?<mutatedClass>([^<]+)</mutatedClass>", Pattern.DOTALL);

  public static void main(String[] args) throws Exception {
    Path dir = Path.of(args.length > 0 ? args[0] : "target/pit-reports");
    String xml = Files.readString(dir.resolve("mutations.xml"), StandardCharsets.UTF_8);
    Map<String, int[]> per = new TreeMap<>(); // killed, survived, no coverage, other
    Matcher m = MUTATION.matcher(xml);
    while (m.find()) {
      String cls = m.group(2);
      String pkg = cls.substring(0, cls.lastIndexOf('.')).replace("dev.oomspec.reference.", "");
      int[] c = per.computeIfAbsent(pkg, k -> new int[4]);
      switch (m.group(1)) {
        case "KILLED", "TIMED_OUT", "MEMORY_ERROR", "RUN_ERROR" -> c[0]++;
        case "SURVIVED" -> c[1]++;
        case "NO_COVERAGE" -> c[2]++;
        default -> c[3]++;
      }
    }
    StringBuilder sb = new StringBuilder("# PIT mutation score per package\n\n")
        .append("| package | killed | survived | no coverage | other | total | score |\n|---|---:|---:|---:|---:|---:|---:|\n");
    int[] all = new int[4];
    for (var e : per.entrySet()) {
      int[] c = e.getValue();
      for (int i = 0; i < 4; i++) all[i] += c[i];
      sb.append(row(e.getKey(), c));
    }
    sb.append(row("**all**", all));
    Files.writeString(dir.resolve("summary.md"), sb.toString(), StandardCharsets.UTF_8);
    System.out.print(sb);
  }

  private static String row(String name, int[] c) {
    int total = c[0] + c[1] + c[2] + c[3];
    return String.format(java.util.Locale.ROOT, "| %s | %d | %d | %d | %d | %d | %.1f %% |%n", name, c[0], c[1], c[2], c[3],
        total, total == 0 ? 0.0 : 100.0 * c[0] / total);
  }
}
