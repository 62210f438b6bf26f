package dev.oomspec.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.conformance.junit.ReportTool;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report steps after generation: the offline check (the build fails on an external script, stylesheet or
 * analytics reference in the report or the matrix), the removal of Allure's inline analytics snippet, and the
 * history carried from the previous report. The head below is Allure 2.34.1's, as generated without
 * ALLURE_NO_ANALYTICS.
 */
class OfflineReportTest {
  static final String ALLURE_HEAD = """
      <head>
          <meta charset="utf-8">
          <script async src="https://www.googletagmanager.com/gtag/js?id=G-FVWC4GKEYS"></script>
          <script src="data:text/javascript;base64,J3VzZSBzdHJpY3Qn"></script>
          <script>
              window.dataLayer = window.dataLayer || [];
              function gtag(){dataLayer.push(arguments);}
              gtag('js', new Date());
              gtag('config', 'G-FVWC4GKEYS', {
                'allureVersion': '2.34.1',
                'reportUuid': '73b29c0f-1792-41df-9552-0cffbf92841f',
                'single_file': true
              });
          </script>
          <script async>
              window.reportDataReady = false;
          </script>
      </head>
      """;

  @Test
  void analyticsAndExternalResourcesAreFound(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("index.html");
    Files.writeString(f, ALLURE_HEAD + "<link rel=stylesheet href=\"//cdn.example.org/x.css\">"
        + "<img src='https://example.org/pixel.gif'>");
    List<String> bad = ReportTool.external(f);
    assertEquals(6, bad.size(), String.join("\n", bad));
    assertTrue(bad.get(0).contains("'<script async src=\"https://www.googletagmanager.com/gtag/js?id=G-FVWC4GKEYS'"),
        bad.get(0));
    assertTrue(bad.stream().anyMatch(b -> b.contains("//cdn.example.org/x.css")));
    assertTrue(bad.stream().anyMatch(b -> b.contains("gtag('config'")));
  }

  @Test
  void linksADataScriptAndOurOwnPagesAreFine(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("matrix.html");
    Files.writeString(f, "<script src=\"data:text/javascript;base64,AAAA\"></script><script>var x=1;</script>"
        + "<a href=\"https://lore.kernel.org/r/20251027231727.472628-8-roman.gushchin@linux.dev\">v2 07/23</a>"
        + "<a href=\"../../spec/src/main/resources/dev/oomspec/spec/clauses/kill.yaml\">KILL-02</a>");
    assertEquals(List.of(), ReportTool.external(f));
  }

  @Test
  void theInlineSnippetIsRemovedAndNothingElse(@TempDir Path dir) throws Exception {
    Path f = dir.resolve("index.html");
    String withoutTag = ALLURE_HEAD.replaceFirst("(?m)^.*googletagmanager.*\\n", "");
    Files.writeString(f, withoutTag);
    assertEquals(2, ReportTool.external(f).size(), "ALLURE_NO_ANALYTICS=true leaves gtag('js') and gtag('config')");
    assertTrue(ReportTool.stripAnalytics(f).startsWith("strip-analytics: removed"));
    String after = Files.readString(f);
    assertEquals(List.of(), ReportTool.external(f));
    assertFalse(after.contains("gtag") || after.contains("dataLayer"), after);
    assertTrue(after.contains("window.reportDataReady = false;") && after.contains("base64,J3VzZSBzdHJpY3Qn"));
    assertTrue(ReportTool.stripAnalytics(f).startsWith("strip-analytics: no analytics snippet"));
  }

  @Test
  void historyIsCarriedFromThePreviousSingleFileReport(@TempDir Path dir) throws Exception {
    String trend = "[{\"buildOrder\":1,\"data\":{\"failed\":0,\"passed\":3510}}]";
    Path previous = dir.resolve("index.html");
    Files.writeString(previous, "<script>d('history/history-trend.json','"
        + Base64.getEncoder().encodeToString(trend.getBytes(StandardCharsets.UTF_8)) + "')</script>"
        + "<script>d('widgets/summary.json','e30=')</script>");
    Path results = dir.resolve("allure-results");
    assertTrue(ReportTool.history(previous, results).startsWith("Allure history: 1 file(s)"));
    assertEquals(trend, Files.readString(results.resolve("history/history-trend.json")));
    assertFalse(Files.exists(results.resolve("history/summary.json")), "only history/*");
    assertTrue(ReportTool.history(dir.resolve("none.html"), results).contains("no previous report"));
  }

  @Test
  void theOverviewListsSuitesByName(@TempDir Path dir) throws Exception {
    String widget = "{\"total\":3,\"items\":[{\"name\":\"3 v2\",\"statistic\":{\"total\":864}},"
        + "{\"name\":\"Summary\"},{\"name\":\"1 RFC\"}]}";
    Path f = dir.resolve("index.html");
    Files.writeString(f, "<script>d('widgets/suites.json','"
        + Base64.getEncoder().encodeToString(widget.getBytes(StandardCharsets.UTF_8)) + "')</script>");
    assertEquals("suites widget: 3 suites by name (1 RFC, 3 v2, Summary)", ReportTool.orderSuitesWidget(f));
    String b64 = Files.readString(f).replaceAll("(?s).*,'([^']*)'.*", "$1");
    String after = new String(Base64.getDecoder().decode(b64), StandardCharsets.UTF_8);
    assertTrue(after.indexOf("1 RFC") < after.indexOf("3 v2") && after.contains("\"total\":864"), after);
  }
}
