package dev.oomspec.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class JsonLinesWriterTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  static String jsonl(List<EventView> events) throws Exception {
    StringWriter out = new StringWriter();
    JsonLinesWriter.writeAll(events, out);
    return out.toString();
  }

  @Test
  void oneLinePerEventEachEndingInNewline() throws Exception {
    String out = jsonl(List.of(Fixtures.disagreeing(), Fixtures.agreeing("a.log", 7, 2)));
    assertTrue(out.endsWith("}\n"));
    assertEquals(2, out.split("\n", -1).length - 1);
    assertTrue(jsonl(List.of()).isEmpty());
  }

  @Test
  void fieldsAreExactlyTheDocumentedOnesInOrder() throws Exception {
    String line = jsonl(List.of(Fixtures.disagreeing())).strip();
    String expected =
        "{\"source\":\"kern.log.3\",\"firstLine\":1200,\"lastLine\":1260,"
            + "\"kernelVictim\":{\"pid\":4242,\"comm\":\"Web Content\"},"
            + "\"modelVictim\":{\"pid\":77,\"comm\":\"runc:[2:INIT]\"},"
            + "\"verdict\":\"disagree\",\"reason\":\"model prefers the container init\",\"profile\":\"v3\","
            + "\"totalpages\":2031616,\"candidates\":["
            + "{\"pid\":4242,\"comm\":\"Web Content\",\"points\":900,\"oomScoreAdj\":0,\"eligible\":true,"
            + "\"kernelVictim\":true,\"modelVictim\":false},"
            + "{\"pid\":77,\"comm\":\"runc:[2:INIT]\",\"points\":120,\"oomScoreAdj\":300,\"eligible\":true,"
            + "\"kernelVictim\":false,\"modelVictim\":true},"
            + "{\"pid\":5,\"comm\":\"<...>\",\"points\":-300,\"oomScoreAdj\":-500,\"eligible\":false,"
            + "\"kernelVictim\":false,\"modelVictim\":false},"
            + "{\"pid\":600,\"comm\":\"sshd\",\"points\":-998,\"oomScoreAdj\":-1000,\"eligible\":false,"
            + "\"kernelVictim\":false,\"modelVictim\":false}]}";
    assertEquals(expected, line);
  }

  @Test
  void absentModelVictimAndTotalpagesAreNull() throws Exception {
    EventView e = new EventView("k", 1, 1, new TaskRef(1, "a"), null, Verdict.UNDECIDABLE, "r", "p",
        null, List.of(), null);
    JsonNode node = MAPPER.readTree(jsonl(List.of(e)));
    assertTrue(node.get("modelVictim").isNull());
    assertTrue(node.get("totalpages").isNull());
    assertEquals("undecidable", node.get("verdict").asText());
    assertEquals(0, node.get("candidates").size());
  }

  @Test
  void carriesTheTopFiveByDefaultPlusALowerRankedVictim() throws Exception {
    List<CandidateView> cs = new ArrayList<>();
    for (int i = 1; i <= 8; i++) {
      cs.add(new CandidateView(i, "c" + i, 100L * i, 0, Fixtures.OK, false, i == 2));
    }
    EventView e = new EventView("k", 1, 9, new TaskRef(99, "gone"), new TaskRef(2, "c2"),
        Verdict.DISAGREE, "r", "p", 4096L, cs, null);
    JsonNode node = MAPPER.readTree(jsonl(List.of(e)));

    List<Integer> pids = new ArrayList<>();
    node.get("candidates").forEach(c -> pids.add(c.get("pid").asInt()));
    assertEquals(List.of(8, 7, 6, 5, 4, 2), pids);
    assertEquals(4096L, node.get("totalpages").asLong());
  }

  @Test
  void extremePointsSurviveTheRoundTrip() throws Exception {
    EventView e = new EventView("k", 1, 1, new TaskRef(1, "a"), null, Verdict.AGREE, "r", "p",
        Long.MAX_VALUE,
        List.of(new CandidateView(1, "a", Long.MIN_VALUE, -1000, Fixtures.OK, true, false)), null);
    JsonNode node = MAPPER.readTree(jsonl(List.of(e)));
    assertEquals(Long.MIN_VALUE, node.get("candidates").get(0).get("points").asLong());
    assertEquals(Long.MAX_VALUE, node.get("totalpages").asLong());
  }

  @Test
  void controlCharactersAndQuotesAreJsonEscapedOnOneLine() throws Exception {
    EventView e = new EventView("k\n2", 1, 1, new TaskRef(1, "a\"b\\c\u0000"), null, Verdict.AGREE,
        "line1\r\nline2", "p", null, List.of(), null);
    String out = jsonl(List.of(e));
    assertEquals(1, out.split("\n", -1).length - 1);
    JsonNode node = MAPPER.readTree(out);
    assertEquals("a\"b\\c\u0000", node.get("kernelVictim").get("comm").asText());
    assertEquals("line1\r\nline2", node.get("reason").asText());
    assertEquals("k\n2", node.get("source").asText());
  }

  @Test
  void writesIncrementallyWithoutClosingTheTarget() throws Exception {
    StringWriter out = new StringWriter();
    JsonLinesWriter lines = new JsonLinesWriter(out, 1);
    lines.write(Fixtures.agreeing("a", 1, 3));
    lines.flush();
    String first = out.toString();
    lines.write(Fixtures.agreeing("b", 1, 3));
    lines.flush();
    out.write("still open");
    assertTrue(out.toString().startsWith(first));
    assertEquals(1, MAPPER.readTree(first).get("candidates").size());
  }
}
