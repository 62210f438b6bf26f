package dev.oomspec.fleet.summary;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.reports.Table;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import javax.xml.xpath.XPathConstants;
import javax.xml.xpath.XPathFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.NodeList;

/** The summary page whatever a log's comm held: well-formed, no markup from the data, a bar per row shown. */
class SummaryPageTest {
  static final String HOSTILE = "<script>alert('x')</script>&\"\u0001\uD800";

  static Table counts(String key, List<String> labels) {
    List<List<String>> rows = new ArrayList<>();
    for (int i = 0; i < labels.size(); i++) {
      rows.add(List.of(labels.get(i), Integer.toString(100 - i), Integer.toString(90 - i), "7", "3",
          Integer.toString(i + 1)));
    }
    return new Table(List.of(key, "events", "agree", "disagree", "undecidable", "hosts"), rows);
  }

  @Test
  void hostileNamesStayTextAndTheChartsHaveABarPerRow() throws Exception {
    List<String> victims = new ArrayList<>();
    for (int i = 0; i < 30; i++) {
      victims.add(i == 3 ? HOSTILE : "comm-" + i);
    }
    List<Summary> summaries = List.of(
        new Summary("by-kernel", "Events per kernel version", counts("kernelVersion", List.of("6.18", "5.10"))),
        new Summary("by-victim", "Events per victim comm", counts("victimComm", victims)));
    Table disagreements = new Table(List.of("host", "source", "kernel killed", "model selects", "reason"),
        List.of(List.of("web-1", "file:/l/web-1/kern.log:12", HOSTILE + " (1)", "nobody", "the kernel killed …")));
    StringWriter w = new StringWriter();
    SummaryPage.write("test", new FleetTotals(2, 2048, 0, 2, 100, 0, 130, 120, 7, 3), summaries, disagreements, w);
    String html = w.toString();
    assertFalse(html.contains("<script"), "no markup from the data");
    Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    var xpath = XPathFactory.newInstance().newXPath();
    NodeList victimBars = (NodeList) xpath.evaluate(
        "//section[@id='by-victim']/*[local-name()='svg']/*[local-name()='text'][@text-anchor='end']", doc,
        XPathConstants.NODESET);
    assertEquals(SummaryPage.CHART_ROWS, victimBars.getLength(), "the first CHART_ROWS victims charted");
    assertTrue(victimBars.item(3).getTextContent().startsWith("<script>"), "the comm shown as text");
    NodeList rows = (NodeList) xpath.evaluate("//section[@id='by-victim']/table/tr", doc, XPathConstants.NODESET);
    assertEquals(31, rows.getLength(), "header and every row (30 < TABLE_ROWS)");
    String total = (String) xpath.evaluate("//dl/dd[4]", doc, XPathConstants.STRING);
    assertEquals("130: 120 agree, 7 disagree, 3 undecidable", total);
  }
}
