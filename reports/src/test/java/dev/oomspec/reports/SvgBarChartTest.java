package dev.oomspec.reports;

import static dev.oomspec.reports.Fixtures.candidate;
import static dev.oomspec.reports.Fixtures.elements;
import static dev.oomspec.reports.Fixtures.parseXml;
import static dev.oomspec.reports.Fixtures.withClass;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;

class SvgBarChartTest {

  private static List<String> texts(Element group) {
    List<String> out = new ArrayList<>();
    var nodes = group.getElementsByTagNameNS("*", "text");
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add(nodes.item(i).getTextContent());
    }
    return out;
  }

  private static Element bar(Element group) {
    return (Element) group.getElementsByTagNameNS("*", "rect").item(0);
  }

  private static double attr(Element e, String name) {
    return Double.parseDouble(e.getAttribute(name));
  }

  @Test
  void isAnSvgDocumentWithOneBarPerCandidateHighestFirst() throws Exception {
    Document doc = parseXml(new SvgBarChart().render(Fixtures.disagreeing()));

    assertEquals("svg", doc.getDocumentElement().getLocalName());
    assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getNamespaceURI());
    List<Element> groups = withClass(doc, "g", "candidate");
    List<String> labels = groups.stream().map(g -> texts(g).get(0)).toList();
    assertEquals(List.of("Web Content (4242)", "runc:[2:INIT] (77)", "<...> (5)", "sshd (600)"), labels);
    assertEquals(List.of("900", "120", "-300", "-998"), groups.stream().map(g -> texts(g).get(1)).toList());
  }

  @Test
  void negativePointsAreDrawnLeftOfTheZeroAxis() throws Exception {
    Document doc = parseXml(new SvgBarChart().render(Fixtures.disagreeing()));
    Element axis = elements(doc, "line").get(0);
    // points span -998..900 over 300 px starting at x=210: zero sits at 210 + 300*998/1898 = 367.74
    assertEquals(367.7, attr(axis, "x1"), 1e-9);

    List<Element> groups = withClass(doc, "g", "candidate");
    Element webContent = bar(groups.get(0));
    Element sshd = bar(groups.get(3));
    assertEquals(367.7, attr(webContent, "x"), 1e-9);
    assertEquals(510.0, attr(webContent, "x") + attr(webContent, "width"), 0.11); // 900 is the right edge
    assertEquals(210.0, attr(sshd, "x"), 1e-9); // -998 is the left edge
    assertEquals(367.7, attr(sshd, "x") + attr(sshd, "width"), 0.11);
  }

  @Test
  void ineligibleCandidatesAreGreyedWithTheirReason() throws Exception {
    Document doc = parseXml(new SvgBarChart().render(Fixtures.disagreeing()));
    List<Element> groups = withClass(doc, "g", "candidate");

    assertEquals(SvgBarChart.BAR_ELIGIBLE, bar(groups.get(0)).getAttribute("fill"));
    assertEquals(SvgBarChart.BAR_INELIGIBLE, bar(groups.get(2)).getAttribute("fill"));
    assertTrue(texts(groups.get(2)).contains("ineligible: in vfork"));
    assertTrue(texts(groups.get(3)).contains("ineligible: oom_score_adj -1000"));
    assertEquals(
        "<...> (5): -300 points, oom_score_adj -500, ineligible: in vfork",
        groups.get(2).getElementsByTagNameNS("*", "title").item(0).getTextContent());
  }

  @Test
  void kernelAndModelChoicesAreTaggedOnTheirOwnBars() throws Exception {
    Document doc = parseXml(new SvgBarChart().render(Fixtures.disagreeing()));
    List<Element> groups = withClass(doc, "g", "candidate");

    assertTrue(texts(groups.get(0)).contains("kernel"));
    assertFalse(texts(groups.get(0)).contains("model"));
    assertTrue(texts(groups.get(1)).contains("model"));
    assertFalse(texts(groups.get(1)).contains("kernel"));
    assertFalse(texts(groups.get(2)).contains("kernel") || texts(groups.get(2)).contains("model"));
  }

  @Test
  void whenTheyAgreeOneBarCarriesBothTags() throws Exception {
    Document doc = parseXml(new SvgBarChart().render(Fixtures.agreeing("a.log", 1, 3)));
    List<Element> groups = withClass(doc, "g", "candidate");

    assertEquals("c3 (3)", texts(groups.get(0)).get(0));
    assertTrue(texts(groups.get(0)).containsAll(List.of("kernel", "model")));
    for (Element g : groups.subList(1, 3)) {
      assertFalse(texts(g).contains("kernel") || texts(g).contains("model"));
    }
  }

  @Test
  void showsTheTopTenByDefaultAndSaysHowManyAreHidden() throws Exception {
    Document doc = parseXml(new SvgBarChart().render(Fixtures.agreeing("a.log", 1, 15)));
    List<Element> groups = withClass(doc, "g", "candidate");

    assertEquals(10, groups.size());
    assertEquals("c15 (15)", texts(groups.get(0)).get(0));
    assertEquals("c6 (6)", texts(groups.get(9)).get(0));
    assertTrue(doc.getDocumentElement().getTextContent().contains("5 lower-ranked candidates not shown."));
  }

  @Test
  void aVictimRankedBelowTheTopIsStillShown() throws Exception {
    List<CandidateView> cs = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      cs.add(new CandidateView(i, "c" + i, 10L * i, 0, Fixtures.OK, i == 1, false));
    }
    EventView e = new EventView("k.log", 1, 2, new TaskRef(1, "c1"), null, Verdict.DISAGREE,
        "kernel took the smallest", "v1", null, cs, null);
    Document doc = parseXml(new SvgBarChart(10).render(e));
    List<Element> groups = withClass(doc, "g", "candidate");

    assertEquals(11, groups.size());
    assertEquals("c1 (1)", texts(groups.get(10)).get(0));
    assertTrue(texts(groups.get(10)).contains("kernel"));
    assertTrue(doc.getDocumentElement().getTextContent().contains("1 lower-ranked candidate not shown."));
  }

  @Test
  void equalPointsKeepTheirInputOrder() throws Exception {
    List<CandidateView> cs = List.of(candidate(1, "a", 5), candidate(2, "b", 7), candidate(3, "c", 5),
        candidate(4, "d", 7));
    EventView e = new EventView("k.log", 3, 3, new TaskRef(9, "gone"), null, Verdict.UNDECIDABLE,
        "victim not in dump", "v1", 100L, cs, List.of());
    Document doc = parseXml(new SvgBarChart().render(e));

    assertEquals(List.of("b (2)", "d (4)", "a (1)", "c (3)"),
        withClass(doc, "g", "candidate").stream().map(g -> texts(g).get(0)).toList());
    assertTrue(doc.getDocumentElement().getTextContent()
        .contains("The kernel's victim gone (9) is not among the candidates."));
  }

  @Test
  void anEventWithoutCandidatesStillRenders() throws Exception {
    EventView e = new EventView("k.log", 1, 1, new TaskRef(9, "x"), null, Verdict.UNDECIDABLE,
        "no task dump", "v1", null, List.of(), List.of());
    Document doc = parseXml(new SvgBarChart().render(e));

    assertEquals(0, withClass(doc, "g", "candidate").size());
    assertTrue(doc.getDocumentElement().getTextContent().contains("no candidates recorded"));
  }

  @Test
  void isAccessibleAndSelfContained() throws Exception {
    String svg = new SvgBarChart().render(Fixtures.disagreeing());
    Document doc = parseXml(svg);
    Element root = doc.getDocumentElement();

    assertEquals("img", root.getAttribute("role"));
    Element first = (Element) root.getElementsByTagNameNS("*", "title").item(0);
    assertEquals(root, first.getParentNode());
    assertEquals("Badness points of the candidates in kern.log.3:1200-1260, verdict disagree",
        first.getTextContent());
    assertEquals(1, withClass(doc, "g", "legend").size());
    assertTrue(elements(doc, "script").isEmpty());
    assertTrue(elements(doc, "image").isEmpty());
    assertFalse(svg.contains("href"));
    assertFalse(svg.replace(SvgBarChart.SVG_NS, "").contains("http"));
  }

  @Test
  void commNamesAreEscapedInTheMarkup() {
    String svg = new SvgBarChart().render(Fixtures.disagreeing());
    assertTrue(svg.contains("&lt;...&gt; (5)"));
    assertFalse(svg.contains("<...>"));
  }

  @Test
  void inlineFormHasNoNamespaceDeclaration() throws Exception {
    StringBuilder b = new StringBuilder();
    new SvgBarChart().writeInline(Fixtures.disagreeing(), b);
    assertTrue(b.toString().startsWith("<svg class=\"oom-chart\""));
    assertFalse(b.toString().contains("xmlns"));
    parseXml(b.toString());
  }
}
