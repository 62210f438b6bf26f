package dev.oomspec.reports;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;
import org.xml.sax.InputSource;

/** Hand-built events and an XML helper shared by the tests. */
final class Fixtures {
  private Fixtures() {}

  static final Eligibility OK = Eligibility.ELIGIBLE;

  static CandidateView candidate(int pid, String comm, long points) {
    return new CandidateView(pid, comm, points, 0, OK, false, false);
  }

  /**
   * An event where kernel and model disagree: the kernel killed "Web Content" (pid 4242, 900 points), the model picks
   * "runc:[2:INIT]" (pid 77, 120 points, but the kernel's choice is what it is). "<...>" (pid 5) is ineligible with a
   * negative score, "sshd" (pid 600) is unkillable.
   */
  static EventView disagreeing() {
    return new EventView(
        "kern.log.3",
        1200,
        1260,
        new TaskRef(4242, "Web Content"),
        new TaskRef(77, "runc:[2:INIT]"),
        Verdict.DISAGREE,
        "model prefers the container init",
        "v3",
        2_031_616L,
        List.of(
            new CandidateView(5, "<...>", -300, -500, Eligibility.ineligible("in vfork"), false, false),
            new CandidateView(4242, "Web Content", 900, 0, OK, true, false),
            new CandidateView(77, "runc:[2:INIT]", 120, 300, OK, false, true),
            new CandidateView(
                600, "sshd", -998, -1000, Eligibility.ineligible("oom_score_adj -1000"), false, false)),
        List.of(
            "[ 12.3] Web Content invoked oom-killer: gfp_mask=0x140cca(GFP_HIGHUSER_MOVABLE|__GFP_COMP)",
            "[ 12.4] Out of memory: Killed process 4242 (Web Content) total-vm:1234kB"));
  }

  /** An agreeing event with {@code n} candidates named c1..cn, points 10*i, the kernel's and model's victim being cn. */
  static EventView agreeing(String source, long firstLine, int n) {
    List<CandidateView> cs = new ArrayList<>();
    for (int i = 1; i <= n; i++) {
      cs.add(new CandidateView(i, "c" + i, 10L * i, 0, OK, i == n, i == n));
    }
    TaskRef victim = new TaskRef(n, "c" + n);
    return new EventView(
        source, firstLine, firstLine + 20, victim, victim, Verdict.AGREE, "same victim", "v2",
        null, cs, List.of());
  }

  static Document parseXml(String xml) throws Exception {
    DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
    f.setNamespaceAware(true);
    f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
    return f.newDocumentBuilder().parse(new InputSource(new StringReader(xml)));
  }

  static List<Element> elements(Document doc, String localName) {
    NodeList nodes = doc.getElementsByTagNameNS("*", localName);
    List<Element> out = new ArrayList<>();
    for (int i = 0; i < nodes.getLength(); i++) {
      out.add((Element) nodes.item(i));
    }
    return out;
  }

  static List<Element> withClass(Document doc, String localName, String cssClass) {
    List<Element> out = new ArrayList<>();
    for (Element e : elements(doc, localName)) {
      if (List.of(e.getAttribute("class").split(" ")).contains(cssClass)) {
        out.add(e);
      }
    }
    return out;
  }
}
