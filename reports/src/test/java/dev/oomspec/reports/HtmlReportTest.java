package dev.oomspec.reports;

import static dev.oomspec.reports.Fixtures.elements;
import static dev.oomspec.reports.Fixtures.parseXml;
import static dev.oomspec.reports.Fixtures.withClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class HtmlReportTest {

  static String html(ReplayReport report) throws IOException {
    return html(new HtmlReport(), report);
  }

  static String html(HtmlReport renderer, ReplayReport report) throws IOException {
    StringWriter out = new StringWriter();
    renderer.write(report, out);
    return out.toString();
  }

  private static List<String> cellTexts(Element row) {
    List<String> out = new ArrayList<>();
    var cells = row.getElementsByTagNameNS("*", "td");
    for (int i = 0; i < cells.getLength(); i++) {
      out.add(cells.item(i).getTextContent());
    }
    return out;
  }

  private static List<Element> eventRows(Document doc) {
    Element table = withClass(doc, "table", "events").get(0);
    List<Element> rows = new ArrayList<>();
    var trs = table.getElementsByTagNameNS("*", "tr");
    for (int i = 1; i < trs.getLength(); i++) { // 0 is the header row
      rows.add((Element) trs.item(i));
    }
    return rows;
  }

  @Test
  void zeroEventsRenderASummaryOfZeros() throws Exception {
    String html = html(ReplayReport.of("Empty run", "2025-01-01T00:00:00Z", List.of()));
    Document doc = parseXml(html);

    assertEquals("Empty run", elements(doc, "title").get(0).getTextContent());
    Element counts = withClass(doc, "table", "counts").get(0);
    assertEquals("agree0disagree0undecidable0total0", counts.getElementsByTagNameNS("*", "tbody")
        .item(0).getTextContent().replace("\n", ""));
    assertTrue(html.contains("No events recorded."));
    assertTrue(withClass(doc, "section", "event").isEmpty());
    assertEquals(1, withClass(doc, "svg", "verdict-bar").size());
  }

  @Test
  void oneEventGetsARowAndAFullSection() throws Exception {
    EventView e = Fixtures.disagreeing();
    Document doc = parseXml(html(ReplayReport.of("One", "t0", List.of(e))));

    List<Element> rows = eventRows(doc);
    assertEquals(1, rows.size());
    assertEquals(
        // When and Scope are empty: the fixture carries no EventContext
        List.of("1", "kern.log.3:1200-1260", "", "", "Web Content (4242)", "runc:[2:INIT] (77)", "disagree",
            "model prefers the container init"),
        cellTexts(rows.get(0)));
    Element link = (Element) rows.get(0).getElementsByTagNameNS("*", "a").item(0);
    assertEquals("#ev-1", link.getAttribute("href"));

    List<Element> sections = withClass(doc, "section", "event");
    assertEquals(1, sections.size());
    Element section = sections.get(0);
    assertEquals("ev-1", section.getAttribute("id"));
    assertEquals(1, section.getElementsByTagNameNS("*", "svg").getLength());
    Element candidates = withClass(doc, "table", "candidates").get(0);
    assertEquals(5, candidates.getElementsByTagNameNS("*", "tr").getLength()); // header + 4
    Element pre = (Element) section.getElementsByTagNameNS("*", "pre").item(0);
    assertEquals("details", pre.getParentNode().getNodeName());
    assertEquals(String.join("\n", e.originalLines()) + "\n", pre.getTextContent());
  }

  @Test
  void candidateTableIsRankedAndShowsReasonsAndTags() throws Exception {
    Document doc = parseXml(html(ReplayReport.of("One", "t0", List.of(Fixtures.disagreeing()))));
    Element table = withClass(doc, "table", "candidates").get(0);
    var trs = table.getElementsByTagNameNS("*", "tr");

    assertEquals(List.of("1", "4242", "Web Content", "900", "0", "yes", "kernel"), cellTexts((Element) trs.item(1)));
    assertEquals(List.of("2", "77", "runc:[2:INIT]", "120", "300", "yes", "model"), cellTexts((Element) trs.item(2)));
    // an ineligible task has no points (the kernel's oom_badness() returns its "ineligible" value): shown as —
    assertEquals(List.of("3", "5", "<...>", "—", "-500", "no: in vfork", ""), cellTexts((Element) trs.item(3)));
    assertEquals("ineligible", ((Element) trs.item(4)).getAttribute("class"));
  }

  @Test
  void tenThousandEventsCapTheSections() throws Exception {
    // 9,990 agree events, then 10 disagreeing ones: all 10 disagree sections, the first 25 agree ones.
    List<EventView> events = new ArrayList<>();
    for (int i = 0; i < 9_990; i++) {
      events.add(Fixtures.agreeing("log" + i, 1, 3));
    }
    for (int i = 0; i < 10; i++) {
      events.add(Fixtures.disagreeing());
    }
    String html = html(ReplayReport.of("Big", "t0", events));
    Document doc = parseXml(html);

    assertEquals(10_000, eventRows(doc).size());
    List<Element> sections = withClass(doc, "section", "event");
    assertEquals(35, sections.size());
    assertEquals("ev-1", sections.get(0).getAttribute("id"));
    assertEquals("ev-25", sections.get(24).getAttribute("id"));
    assertEquals("ev-9991", sections.get(25).getAttribute("id"));
    assertEquals("ev-10000", sections.get(34).getAttribute("id"));
    assertTrue(html.contains("Sections omitted for 9965 of 10000 events: 9965 agree (beyond the first 25)"
        + " and 0 disagree or undecidable (beyond the first 1000)."));
    // event 26 is listed but not linked
    assertEquals(0, eventRows(doc).get(25).getElementsByTagNameNS("*", "a").getLength());
  }

  @Test
  void capsAreOptions() throws Exception {
    List<EventView> events = List.of(Fixtures.disagreeing(), Fixtures.disagreeing(),
        Fixtures.agreeing("a", 1, 2));
    HtmlReport renderer = new HtmlReport(new HtmlReport.Options(10, 0, 1, 2));
    String html = html(renderer, ReplayReport.of("Caps", "t0", events));
    Document doc = parseXml(html);

    assertEquals(List.of("ev-1"), withClass(doc, "section", "event").stream().map(s -> s.getAttribute("id")).toList());
    assertTrue(html.contains("Sections omitted for 2 of 3 events: 1 agree (beyond the first 0)"
        + " and 1 disagree or undecidable (beyond the first 1)."));
    assertTrue(html.contains("2 lower-ranked candidates not listed."));
  }

  @Test
  void everyInPageLinkHasItsTarget() throws Exception {
    List<EventView> events = new ArrayList<>();
    for (int i = 0; i < 40; i++) {
      events.add(i % 3 == 0 ? Fixtures.disagreeing() : Fixtures.agreeing("f" + i, 5, 2));
    }
    Document doc = parseXml(html(ReplayReport.of("Links", "t0", events)));
    Set<String> ids = new HashSet<>();
    for (Element e : elements(doc, "*")) {
      if (e.hasAttribute("id")) {
        assertTrue(ids.add(e.getAttribute("id")), "duplicate id " + e.getAttribute("id"));
      }
    }
    for (Element a : elements(doc, "a")) {
      String href = a.getAttribute("href");
      assertTrue(href.startsWith("#"), href);
      assertTrue(ids.contains(href.substring(1)), href);
    }
  }

  @Test
  void noExternalAddressesButTheCallersCitationsEscaped() throws Exception {
    Citation series = new Citation("mm: BPF OOM <v3> & friends", "https://example.org/r?a=1&b=\"2\"");
    ReplayReport report = ReplayReport.of("Cites", "t0", List.of(Fixtures.disagreeing()))
        .withCitations(List.of(series));
    String html = html(report);

    String escapedUrl = "https://example.org/r?a=1&amp;b=&quot;2&quot;";
    assertTrue(html.contains("<a href=\"" + escapedUrl + "\">mm: BPF OOM &lt;v3&gt; &amp; friends</a>"));
    String rest = html.replace(escapedUrl, "");
    assertFalse(rest.contains("http://"));
    assertFalse(rest.contains("https://"));
    assertFalse(html.contains("<script"));
    assertFalse(html.contains(" src="));
    assertFalse(html.contains("@import"));
    assertFalse(html.contains("url("));
  }

  @Test
  void commNamesAreEscapedInTablesAndSvg() throws Exception {
    String html = html(ReplayReport.of("Esc", "t0", List.of(Fixtures.disagreeing())));
    assertFalse(html.contains("<...>"));
    assertTrue(html.contains("<td>&lt;...&gt;</td>"));
    assertTrue(html.contains("&lt;...&gt; (5)"));
  }

  @Test
  void sameInputSameBytes() throws Exception {
    ReplayReport report = ReplayReport.of("Det", "2025-06-01", List.of(Fixtures.disagreeing(),
        Fixtures.agreeing("a", 1, 4)));
    assertEquals(html(report), html(report));
  }

  @Test
  void citationsMustBeWebAddresses() {
    org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class,
        () -> new Citation("x", "javascript:alert(1)"));
  }
}
