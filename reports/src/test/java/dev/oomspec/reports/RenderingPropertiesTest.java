package dev.oomspec.reports;

import static dev.oomspec.reports.Fixtures.parseXml;
import static dev.oomspec.reports.Fixtures.withClass;
import static dev.oomspec.reports.Samples.anyStrings;
import static dev.oomspec.reports.Samples.forAll;
import static dev.oomspec.reports.Samples.longs;
import static dev.oomspec.reports.Samples.oneOf;
import static dev.oomspec.reports.Samples.strings;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.StringWriter;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

/** Any comm and reason text keeps the SVG and HTML well-formed and comes back unchanged from the JSON lines. */
class RenderingPropertiesTest {
  private static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Any string half of the time; otherwise strings built from the characters that break markup or JSON (brackets,
   * ampersand, quotes, CR/LF/TAB, NUL and other controls, a lone surrogate, an emoji), which plain random Unicode
   * strings almost never contain.
   */
  private static final Samples.Gen<String> TEXT = oneOf(anyStrings(), strings(
      "<>&\"'[]:;/=\\ \t\n\r\u0000\u0001\u001b\u007f\uD800\uDC00\uFFFE\uFFFFaZ9"
          + "\uD83D\uDE00", // a valid pair only when both halves land in order
      24));
  private static final Samples.Gen<Long> POINTS = longs(Long.MIN_VALUE, Long.MAX_VALUE);

  private static EventView event(String comm, String reason, long points) {
    TaskRef victim = new TaskRef(42, comm);
    return new EventView(comm, 1, 2, victim, new TaskRef(7, reason), Verdict.DISAGREE, reason, comm,
        null,
        List.of(
            new CandidateView(42, comm, points, 0, Eligibility.ELIGIBLE, true, false),
            new CandidateView(7, reason, -points, 0, Eligibility.ineligible(reason), false, true)),
        List.of(comm, reason));
  }

  @Test
  void svgStaysWellFormedAndKeepsTheText() {
    forAll(300, s -> svgStaysWellFormedAndKeepsTheText(
        s.draw("comm", TEXT), s.draw("reason", TEXT), s.draw("points", POINTS)));
  }

  private static void svgStaysWellFormedAndKeepsTheText(String comm, String reason, long points) throws Exception {
    Document doc = parseXml(new SvgBarChart().render(event(comm, reason, points)));

    List<Element> groups = withClass(doc, "g", "candidate");
    assertEquals(2, groups.size());
    List<String> titles = groups.stream()
        .map(g -> g.getElementsByTagNameNS("*", "title").item(0).getTextContent())
        .toList();
    String kernelTitle = Markup.sanitized(comm) + " (42): " + points
        + " points, oom_score_adj 0, eligible; the kernel's victim";
    assertEquals(1, titles.stream().filter(kernelTitle::equals).count(), titles.toString());
  }

  @Test
  void htmlStaysWellFormedAndKeepsTheText() {
    forAll(200, s -> htmlStaysWellFormedAndKeepsTheText(s.draw("comm", TEXT), s.draw("reason", TEXT)));
  }

  private static void htmlStaysWellFormedAndKeepsTheText(String comm, String reason) throws Exception {
    ReplayReport report = ReplayReport.of(comm, reason, List.of(event(comm, reason, 10)))
        .withCitations(List.of(new Citation(reason, "https://x.test/" + comm)));
    StringWriter out = new StringWriter();
    new HtmlReport().write(report, out);
    Document doc = parseXml(out.toString());

    assertEquals(Markup.sanitized(comm),
        doc.getElementsByTagNameNS("*", "title").item(0).getTextContent());
    Element pre = (Element) doc.getElementsByTagNameNS("*", "pre").item(0);
    assertEquals(Markup.sanitized(comm + "\n" + reason + "\n"), pre.getTextContent());
    var anchors = doc.getElementsByTagNameNS("*", "a");
    Element last = (Element) anchors.item(anchors.getLength() - 1);
    assertEquals(Markup.sanitized("https://x.test/" + comm), last.getAttribute("href"));
    assertEquals(Markup.sanitized(reason), last.getTextContent());
  }

  @Test
  void jsonLinesParseBackToTheSameValues() {
    forAll(300, s -> jsonLinesParseBackToTheSameValues(
        s.draw("comm", TEXT), s.draw("reason", TEXT), s.draw("points", POINTS)));
  }

  private static void jsonLinesParseBackToTheSameValues(String comm, String reason, long points) throws Exception {
    StringWriter out = new StringWriter();
    JsonLinesWriter.writeAll(List.of(event(comm, reason, points)), out);
    String text = out.toString();
    assertEquals(text.length() - 1, text.indexOf('\n')); // exactly one line

    JsonNode node = MAPPER.readTree(text);
    assertEquals(comm, node.get("source").asText());
    assertEquals(comm, node.get("kernelVictim").get("comm").asText());
    assertEquals(reason, node.get("modelVictim").get("comm").asText());
    assertEquals(reason, node.get("reason").asText());
    // the kernel's victim has `points`, the other `-points`; it ranks first unless -points is higher
    // (for Long.MIN_VALUE, -points == points and the tie keeps input order)
    JsonNode first = node.get("candidates").get(points >= -points ? 0 : 1);
    assertEquals(comm, first.get("comm").asText());
    assertEquals(points, first.get("points").asLong());
  }
}
