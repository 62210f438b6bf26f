package dev.oomspec.conformance.junit;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import dev.oomspec.conformance.runner.ClauseRunner;
import dev.oomspec.conformance.runner.Difference;
import dev.oomspec.conformance.runner.Evidence;
import dev.oomspec.conformance.runner.Expectations;
import dev.oomspec.conformance.runner.Links;
import dev.oomspec.conformance.runner.ReportNames;
import dev.oomspec.conformance.runner.Result;
import dev.oomspec.conformance.runner.Side;
import dev.oomspec.conformance.target.Answer;
import dev.oomspec.conformance.target.Observed;
import dev.oomspec.spec.model.Citation;
import dev.oomspec.spec.model.Clause;
import dev.oomspec.spec.model.Expect;
import dev.oomspec.spec.model.Finding;
import io.qameta.allure.Allure;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Allure page of one clause run (lambda API, no AspectJ agent): labels that build the reviewer's trees
 * (epic = area, feature = kfunc or mechanism, story = clause id; parent suite = revision in chronological order,
 * suite = area), the clause's statement, expected vs observed, the revision diff of a documented difference, a
 * finding's citations, and the clause's citations as links.
 */
public final class AllureDecor {
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()
      .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
      .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES))
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  private static final ObjectMapper JSON = new ObjectMapper()
      .setSerializationInclusion(JsonInclude.Include.NON_NULL)
      .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS);
  /** The repository root as seen from conformance/target/allure-report/index.html. */
  static final String REPO_FROM_REPORT = "../../../";
  /** docs/findings.md as seen from the report. */
  static final String FINDINGS_DOC = REPO_FROM_REPORT + "docs/findings.md";

  private AllureDecor() {}

  static void labels(ClauseRunner.Planned p) {
    Clause c = p.clause();
    String area = ReportNames.area(c.area());
    Allure.epic(area);
    Allure.feature(c.feature());
    Allure.story(c.id());
    Difference d = p.difference();
    if (d != null && d.sibling().area().equals(c.area()) && d.sibling().feature().equals(c.feature()))
      Allure.story(d.sibling().id());
    Allure.label("parentSuite", Kit.revisionLabel(p.target().id()));
    Allure.suite(area);
    Allure.label("tag", c.kind().spelling());
    if (d != null) Allure.label("tag", "documented-difference");
    if (!c.findings().isEmpty()) Allure.label("tag", "finding");
    // no parameters: Allure prints them on every row of its trees; world and call are on the page instead
    String key = "oomspec:" + c.id() + "@" + p.target().id() + (d == null ? "" : "/differs");
    String fullName = c.id() + " on " + p.target().id() + (d == null ? "" : " (differs as " + d.sibling().id() + " says)");
    Allure.getLifecycle().updateTestCase(tr -> tr.setHistoryId(md5(key)).setTestCaseId(md5(key)).setFullName(fullName));
    for (Citation ci : c.citations()) {
      String url = Links.url(ci);
      if (url != null) Allure.link(Links.label(ci), url);
    }
  }

  /** Description (HTML) and attachments of a finished run. */
  static void describe(ClauseRunner.Planned p, Result r) {
    Clause c = p.clause();
    Allure.descriptionHtml(page(p, r));
    for (Finding f : findings(r)) Allure.link("docs/findings.md " + f.id(), FINDINGS_DOC);
    Allure.addAttachment("clause " + c.id() + " (spec text)", "text/yaml", yaml(c), ".yaml");
    if (r.answer() instanceof Answer.Answered a && !a.log().isEmpty())
      Allure.addAttachment("model log (kmsg) on " + p.target().id(), "text/plain", String.join("\n", a.log()) + "\n", ".txt");
  }

  private static List<Finding> findings(Result r) {
    if (r.evidence() instanceof Evidence.OfFinding of) return List.of(of.finding());
    if (r.evidence() instanceof Evidence.OfDifference od && od.siblingFinding() != null)
      return List.of(od.siblingFinding());
    return List.of();
  }

  /**
   * The run's page (Allure description): statement, claimed revisions, verdict; expected vs observed, or the
   * revision diff of a documented difference; a finding with its code citation, the clause's words and the
   * docs/findings.md entry; the clause's sources as links; how the target ran the call.
   */
  public static String page(ClauseRunner.Planned p, Result r) {
    Clause c = p.clause();
    StringBuilder b = new StringBuilder();
    b.append("<p><b>").append(esc(c.id())).append("</b> — ").append(esc(c.statement())).append("</p>");
    b.append("<p>Claims ").append(esc(revisions(c))).append(c.inferred() ? " (marked [inferred] in the spec)" : "")
        .append(". Run on <b>").append(esc(p.target().id())).append("</b>: ").append(esc(p.target().description()))
        .append(". Verdict: <b>").append(esc(r.cell().spelling())).append("</b>")
        .append(r.detail().isEmpty() ? "" : " — " + esc(r.detail())).append(".</p>");
    b.append("<p>World: <code>").append(esc(c.given() == null ? "default" : json(c.given())))
        .append("</code><br>Call: <code>").append(esc(json(c.call()))).append("</code></p>");
    if (r.evidence() instanceof Evidence.OfDifference od) difference(b, p, r, od);
    else if (r.answer() instanceof Answer.Answered a) expectedVsObserved(b, c.expect(), a.observed());
    if (r.evidence() instanceof Evidence.OfFinding of) finding(b, c, of.finding());
    else citations(b, "Sources of " + c.id(), c.citations());
    if (r.evidence() instanceof Evidence.OfDifference od && od.siblingFinding() != null)
      finding(b, od.difference().sibling(), od.siblingFinding());
    if (r.answer() instanceof Answer.Answered a && !a.notes().isEmpty()) {
      b.append("<p>How the target ran it:</p><ul>");
      for (String n : a.notes()) b.append("<li>").append(esc(n)).append("</li>");
      b.append("</ul>");
    }
    b.append("<p>Text: <a href=\"").append(REPO_FROM_REPORT).append(esc(Links.specFile(c))).append("\"><code>")
        .append(esc(Links.specFile(c))).append("</code></a></p>");
    return b.toString();
  }

  private static void expectedVsObserved(StringBuilder b, Expect e, Observed o) {
    b.append("<p><b>Expected vs observed</b></p>").append(TABLE).append("<tr>").append(th("field"))
        .append(th("expected")).append(th("observed")).append(th("")).append("</tr>");
    for (Expectations.Check ch : Expectations.checks(e, o))
      b.append("<tr>").append(td(ch.label(), null)).append(td(ch.expected(), null))
          .append(td(ch.observed(), ch.ok() ? OK : BAD)).append(td(ch.ok() ? "✓" : "✗", null)).append("</tr>");
    b.append("</table>");
  }

  /** The revision diff: what each clause says and what each target did, field by field. */
  private static void difference(StringBuilder b, ClauseRunner.Planned p, Result r, Evidence.OfDifference od) {
    Difference d = od.difference();
    Clause c = p.clause();
    Clause s = d.sibling();
    b.append("<p><b>Documented difference.</b> ").append(esc(s.id())).append(" (claims ").append(esc(revisions(s)))
        .append(") makes the same call from the same world: ").append(esc(s.statement())).append("</p>");
    List<Side> sides = new ArrayList<>(od.clauseSide());
    sides.add(r.observed());
    Map<String, String[]> rows = new LinkedHashMap<>();
    int n = sides.size();
    for (int i = 0; i < n; i++) {
      Side side = sides.get(i);
      if (!(side.answer() instanceof Answer.Answered a)) continue;
      for (Expect e : List.of(c.expect(), s.expect()))
        for (Expectations.Check ch : Expectations.checks(e, a.observed())) {
          String[] row = rows.computeIfAbsent(ch.label(), k -> new String[n + 2]);
          row[i + 2] = ch.observed();
        }
    }
    for (Expectations.Check ch : Expectations.expected(c.expect()))
      rows.computeIfAbsent(ch.label(), k -> new String[n + 2])[0] = ch.expected();
    for (Expectations.Check ch : Expectations.expected(s.expect()))
      rows.computeIfAbsent(ch.label(), k -> new String[n + 2])[1] = ch.expected();
    b.append(TABLE).append("<tr>").append(th("field")).append(th(c.id() + " says")).append(th(s.id() + " says"));
    for (Side side : sides)
      b.append(th(side.targetId() + (side == r.observed() ? " (this run)" : "") + " observed"));
    b.append("</tr>");
    for (Map.Entry<String, String[]> e : rows.entrySet()) {
      String[] v = e.getValue();
      b.append("<tr>").append(td(e.getKey(), null)).append(td(v[0], null)).append(td(v[1], null));
      for (int i = 0; i < n; i++) b.append(td(v[i + 2], null));
      b.append("</tr>");
    }
    b.append("</table><p>Passes when ").append(esc(p.target().id())).append(" does what ").append(esc(s.id()))
        .append(" says (").append(esc(d.siblingSide())).append(") and ").append(esc(c.id())).append(" holds on ")
        .append(esc(d.clauseTargetIds())).append(" (").append(esc(d.clauseSide())).append(").</p>");
  }

  private static void finding(StringBuilder b, Clause c, Finding f) {
    b.append("<p><b>Finding ").append(esc(f.id())).append("</b> (entry in <a href=\"").append(FINDINGS_DOC)
        .append("\">docs/findings.md</a>): the code of ").append(esc(String.join(", ",
            f.revisions().stream().map(Object::toString).toList()))).append(" disagrees with the words of ")
        .append(esc(c.id())).append(f.note() == null ? "" : " — " + esc(f.note())).append("</p>");
    citations(b, "Code (the finding)", f.code());
    citations(b, "Words (the clause " + c.id() + ")", c.citations());
  }

  private static void citations(StringBuilder b, String title, List<Citation> cs) {
    if (cs.isEmpty()) return;
    b.append("<p>").append(esc(title)).append(":</p><ul>");
    for (Citation ci : cs) {
      String url = Links.url(ci);
      b.append("<li>").append(url == null ? esc(Links.label(ci))
          : "<a href=\"" + esc(url) + "\">" + esc(Links.label(ci)) + "</a>");
      if (ci.note() != null && !ci.note().isBlank()) b.append(" — ").append(esc(ci.note()));
      b.append("</li>");
    }
    b.append("</ul>");
  }

  private static String revisions(Clause c) {
    return String.join(", ", c.revisions().stream().map(Object::toString).toList())
        + (c.kind() == dev.oomspec.spec.model.ClauseKind.PROPOSED ? " with the review's proposals" : "");
  }

  private static final String TABLE = "<table style=\"border-collapse:collapse\">";
  private static final String OK = "#cdeccd";
  private static final String BAD = "#ffd6d1";

  private static String th(String s) {
    return "<th style=\"border:1px solid #ccc;padding:2px 6px;text-align:left\">" + esc(s) + "</th>";
  }

  private static String td(String s, String bg) {
    return "<td style=\"border:1px solid #ccc;padding:2px 6px" + (bg == null ? "" : ";background:" + bg) + "\">"
        + (s == null ? "—" : esc(s)) + "</td>";
  }

  static String esc(String s) {
    return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
  }

  static String md5(String s) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(s.getBytes(StandardCharsets.UTF_8)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  static String yaml(Object o) {
    try {
      return YAML.writeValueAsString(o);
    } catch (Exception e) {
      return String.valueOf(o);
    }
  }

  static String json(Object o) {
    try {
      return JSON.writeValueAsString(o);
    } catch (Exception e) {
      return String.valueOf(o);
    }
  }
}
