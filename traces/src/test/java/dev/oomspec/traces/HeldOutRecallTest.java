package dev.oomspec.traces;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oomspec.traces.event.OomEvent;
import dev.oomspec.traces.json.EventJson;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Field recall on logs this project was not built on: the fixtures of other OOM tools' own test suites (and the
 * published examples of the Kubernetes and user-space OOM tools), in {@code src/test/resources/heldout/} with their
 * source in {@code INDEX.tsv}, and the fields those tools assert in {@code EXPECTED.tsv} (file, event number,
 * JSON pointer into the {@code oomspec events --format json} object, comparison, value). Each file is read as
 * {@code oomspec events} reads it (format sniffed) and each event turned into its JSON line.
 *
 * <p>Comparisons: {@code =} the same number (numbers) or the same string; {@code ~} the string contains the value
 * (an id the tool extracts from a path); {@code UNIT->OUT} the number converted as the tool prints it, rounded
 * half up to one decimal: {@code pages} (4 KiB), {@code x2MiB}, {@code x1GiB} into {@code MiB} or {@code GiB}. A field
 * {@code /a-/b} is the difference of two numbers (a tool that prints RAM less reserved pages). A field whose
 * event is missing counts as not recalled. The table is written to {@code target/heldout-recall.txt}.
 */
class HeldOutRecallTest {

  static final Path DIR = Path.of("src/test/resources/heldout");
  /** The share of asserted fields that must come out. */
  static final double REQUIRED = 0.97;

  private static final ObjectMapper JSON = new ObjectMapper();

  record Expectation(String file, int event, String field, String op, String value) {}

  record Outcome(Expectation e, String got, boolean recalled) {}

  @Test
  void fieldsOtherToolsAssertComeOutOfTheEvents() throws IOException {
    Map<String, String> toolOf = new LinkedHashMap<>();
    List<String> index = Files.readAllLines(DIR.resolve("INDEX.tsv"), StandardCharsets.UTF_8);
    for (String l : index.subList(1, index.size())) {
      String[] c = l.split("\t", -1);
      assertEquals(7, c.length, "INDEX.tsv: " + l);
      toolOf.put(c[0], c[1].replaceAll(" \\(.*", ""));
      assertTrue(Files.isRegularFile(DIR.resolve(c[0])), "INDEX names a missing file: " + c[0]);
    }
    List<Expectation> expected = new ArrayList<>();
    List<String> rows = Files.readAllLines(DIR.resolve("EXPECTED.tsv"), StandardCharsets.UTF_8);
    for (String l : rows.subList(1, rows.size())) {
      String[] c = l.split("\t", -1);
      expected.add(new Expectation(c[0], Integer.parseInt(c[1]), c[2], c[3], c[4]));
      assertTrue(toolOf.containsKey(c[0]), "EXPECTED names a file not in INDEX: " + c[0]);
    }
    Map<String, List<JsonNode>> events = new LinkedHashMap<>();
    for (String file : toolOf.keySet()) {
      List<JsonNode> objects = new ArrayList<>();
      for (OomEvent ev : OomLogReader.read(DIR.resolve(file)).events()) {
        objects.add(JSON.readTree(EventJson.line(ev)));
      }
      events.put(file, objects);
    }
    List<Outcome> outcomes = new ArrayList<>();
    for (Expectation e : expected) {
      List<JsonNode> evs = events.get(e.file());
      JsonNode node = e.event() <= evs.size() ? field(evs.get(e.event() - 1), e.field()) : null;
      String got = node == null || node.isMissingNode() || node.isNull() ? null : node.asText();
      outcomes.add(new Outcome(e, got, matches(e, node)));
    }
    String table = table(outcomes, toolOf);
    Path report = Path.of("target/heldout-recall.txt");
    Files.createDirectories(report.getParent());
    Files.writeString(report, table, StandardCharsets.UTF_8);
    System.out.print(table);
    long recalled = outcomes.stream().filter(Outcome::recalled).count();
    assertTrue(recalled >= REQUIRED * outcomes.size(),
        "recalled " + recalled + " of " + outcomes.size() + " asserted fields (< " + REQUIRED + "):\n" + table);
  }

  /** The node at a JSON pointer, or the difference of two numbers for {@code /a-/b}. */
  static JsonNode field(JsonNode event, String field) {
    int minus = field.indexOf("-/");
    if (minus < 0) {
      return event.at(JsonPointer.compile(field));
    }
    JsonNode a = event.at(JsonPointer.compile(field.substring(0, minus)));
    JsonNode b = event.at(JsonPointer.compile(field.substring(minus + 1)));
    if (!a.isNumber() || !b.isNumber()) {
      return null;
    }
    return JSON.getNodeFactory().numberNode(a.asLong() - b.asLong());
  }

  static boolean matches(Expectation e, JsonNode node) {
    if (node == null || node.isMissingNode() || node.isNull()) {
      return false;
    }
    return switch (e.op()) {
      case "=" -> node.isNumber() ? node.asText().equals(e.value()) || node.decimalValue()
          .compareTo(new java.math.BigDecimal(e.value())) == 0 : node.asText().equals(e.value());
      case "~" -> node.asText().contains(e.value());
      case "pages->GiB", "pages->MiB", "x2MiB->GiB", "x1GiB->GiB" -> node.isNumber() && converted(node.asLong(), e.op())
          .equals(new java.math.BigDecimal(e.value()));
      default -> throw new IllegalArgumentException("EXPECTED.tsv: unknown comparison " + e.op());
    };
  }

  static java.math.BigDecimal converted(long v, String op) {
    String[] io = op.split("->");
    long unit = switch (io[0]) {
      case "pages" -> 4096L;
      case "x2MiB" -> 2L << 20;
      case "x1GiB" -> 1L << 30;
      default -> throw new IllegalArgumentException(op);
    };
    long out = io[1].equals("GiB") ? 1L << 30 : 1L << 20;
    return new java.math.BigDecimal(v).multiply(java.math.BigDecimal.valueOf(unit))
        .divide(java.math.BigDecimal.valueOf(out), 1, java.math.RoundingMode.HALF_UP);
  }

  static String table(List<Outcome> outcomes, Map<String, String> toolOf) {
    Map<String, int[]> perTool = new LinkedHashMap<>();
    StringBuilder misses = new StringBuilder();
    for (Outcome o : outcomes) {
      int[] c = perTool.computeIfAbsent(toolOf.get(o.e().file()), k -> new int[2]);
      c[1]++;
      if (o.recalled()) {
        c[0]++;
      } else {
        misses.append("  miss ").append(o.e().file()).append(" #").append(o.e().event()).append(' ')
            .append(o.e().field()).append(' ').append(o.e().op()).append(' ').append(o.e().value())
            .append(" — got ").append(o.got()).append('\n');
      }
    }
    StringBuilder b = new StringBuilder("held-out field recall (oomspec events --format json)\n");
    int all = 0;
    int ok = 0;
    for (Map.Entry<String, int[]> t : perTool.entrySet()) {
      b.append(String.format("  %-48s %3d / %3d  %5.1f %%%n", t.getKey(), t.getValue()[0], t.getValue()[1],
          100.0 * t.getValue()[0] / t.getValue()[1]));
      ok += t.getValue()[0];
      all += t.getValue()[1];
    }
    b.append(String.format("  %-48s %3d / %3d  %5.1f %%%n", "all", ok, all, 100.0 * ok / all));
    return b.append(misses).toString();
  }
}
