package dev.oomspec.conformance.junit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Build steps around the Allure report (run by exec-maven-plugin from conformance/pom.xml):
 *
 * <ul>
 *   <li>{@code history PREVIOUS_INDEX_HTML RESULTS_DIR}: copies the history the previous single-file report
 *       carries ({@code history/*.json}, embedded as base64) into the new results, so the Trend panels show the
 *       local runs before this one;
 *   <li>{@code finish INDEX_HTML}: removes the inline Google Analytics snippet ({@code window.dataLayer},
 *       {@code gtag('config', …)}) that Allure 2.34 writes even with {@code ALLURE_NO_ANALYTICS=true} (the variable
 *       only drops the googletagmanager script tag), and lists the overview's suites by name — revisions in
 *       chronological order ("1 RFC" … "7 post-proposed") — instead of by size;
 *   <li>{@code offline FILE…}: exits 1 with one line per external script, stylesheet, image, frame or analytics
 *       reference in the files (the report must load nothing from the network; links a reader clicks are fine).
 * </ul>
 */
public final class ReportTool {
  private static final Pattern EMBEDDED_HISTORY =
      Pattern.compile("d\\('history/([a-z-]+\\.json)','([A-Za-z0-9+/=]*)'\\)");
  /** Resources a browser loads by itself: scripts, stylesheets, images, frames, CSS imports; and analytics. */
  static final List<Pattern> EXTERNAL = List.of(
      Pattern.compile("(?i)<script\\b[^>]*\\bsrc\\s*=\\s*[\"']?(?:https?:)?//[^\"'\\s>]+"),
      Pattern.compile("(?i)<link\\b[^>]*\\bhref\\s*=\\s*[\"']?(?:https?:)?//[^\"'\\s>]+"),
      Pattern.compile("(?i)<(?:img|iframe|embed|source|audio|video)\\b[^>]*\\bsrc\\s*=\\s*[\"']?(?:https?:)?//[^\"'\\s>]+"),
      Pattern.compile("(?i)@import\\s+(?:url\\()?[\"']?(?:https?:)?//[^\"')\\s]+"),
      Pattern.compile("(?i)url\\(\\s*[\"']?https?://[^\"')\\s]+"),
      Pattern.compile("(?i)googletagmanager\\.com[^\"'\\s<]*"),
      Pattern.compile("(?i)google-analytics\\.com[^\"'\\s<]*"),
      Pattern.compile("\\bgtag\\s*\\(\\s*['\"](?:js|config)['\"][^)]*\\)"));

  /** The inline snippet: {@code <script> window.dataLayer = …; function gtag(){…} gtag('js', …); gtag('config', …); </script>}. */
  static final Pattern ANALYTICS_SNIPPET =
      Pattern.compile("\\s*<script>\\s*window\\.dataLayer\\s*=[^<]*?gtag\\('config'[^<]*?</script>");

  private ReportTool() {}

  public static void main(String[] args) throws IOException {
    if (args.length >= 1 && args[0].equals("history") && args.length == 3) {
      System.out.println("[oomspec] " + history(Path.of(args[1]), Path.of(args[2])));
      return;
    }
    if (args.length == 2 && args[0].equals("finish")) {
      System.out.println("[oomspec] " + stripAnalytics(Path.of(args[1])));
      System.out.println("[oomspec] " + orderSuitesWidget(Path.of(args[1])));
      return;
    }
    if (args.length >= 2 && args[0].equals("offline")) {
      List<String> bad = new ArrayList<>();
      List<String> checked = new ArrayList<>();
      for (int i = 1; i < args.length; i++) {
        Path f = Path.of(args[i]);
        if (!Files.isRegularFile(f)) continue; // e.g. no matrix when the selection ran no clause
        checked.add(f.getFileName().toString());
        bad.addAll(external(f));
      }
      if (bad.isEmpty()) {
        System.out.println("[oomspec] offline: no external script, stylesheet or analytics in "
            + String.join(", ", checked));
        return;
      }
      for (String b : bad) System.out.println(b);
      System.exit(1);
    }
    System.out.println("usage: ReportTool history PREVIOUS_INDEX_HTML RESULTS_DIR | finish INDEX_HTML | offline FILE...");
    System.exit(2);
  }

  /** Copies the embedded history of {@code previousReport} into {@code results}/history; says what it did. */
  public static String history(Path previousReport, Path results) throws IOException {
    if (!Files.isRegularFile(previousReport)) return "Allure history: no previous report (first run after clean)";
    String html = Files.readString(previousReport, StandardCharsets.UTF_8);
    Matcher m = EMBEDDED_HISTORY.matcher(html);
    Path dir = results.resolve("history");
    int files = 0;
    while (m.find()) {
      Files.createDirectories(dir);
      Files.write(dir.resolve(m.group(1)), Base64.getDecoder().decode(m.group(2)));
      files++;
    }
    return files == 0 ? "Allure history: the previous report carries none"
        : "Allure history: " + files + " file(s) carried from " + previousReport.getFileName() + " (Trend panels)";
  }

  /** Removes {@link #ANALYTICS_SNIPPET} from the report; says what it did. */
  public static String stripAnalytics(Path index) throws IOException {
    if (!Files.isRegularFile(index)) return "strip-analytics: no report at " + index;
    String html = Files.readString(index, StandardCharsets.UTF_8);
    Matcher m = ANALYTICS_SNIPPET.matcher(html);
    if (!m.find()) return "strip-analytics: no analytics snippet in " + index.getFileName();
    Files.writeString(index, m.replaceAll(""), StandardCharsets.UTF_8);
    return "strip-analytics: removed the inline gtag/dataLayer snippet from " + index.getFileName();
  }

  private static final Pattern SUITES_WIDGET = Pattern.compile("d\\('widgets/suites\\.json','([A-Za-z0-9+/=]*)'\\)");
  private static final ObjectMapper JSON = new ObjectMapper();

  /** Sorts the items of the overview's Suites widget (embedded {@code widgets/suites.json}) by name. */
  public static String orderSuitesWidget(Path index) throws IOException {
    if (!Files.isRegularFile(index)) return "suites widget: no report at " + index;
    String html = Files.readString(index, StandardCharsets.UTF_8);
    Matcher m = SUITES_WIDGET.matcher(html);
    if (!m.find()) return "suites widget: none in " + index.getFileName() + " (not a single-file report)";
    JsonNode widget = JSON.readTree(Base64.getDecoder().decode(m.group(1)));
    List<JsonNode> items = new ArrayList<>();
    widget.get("items").forEach(items::add);
    items.sort(Comparator.comparing(i -> i.get("name").asText()));
    ArrayNode sorted = ((ObjectNode) widget).putArray("items");
    items.forEach(sorted::add);
    String encoded = Base64.getEncoder().encodeToString(JSON.writeValueAsBytes(widget));
    Files.writeString(index, html.substring(0, m.start(1)) + encoded + html.substring(m.end(1)), StandardCharsets.UTF_8);
    return "suites widget: " + items.size() + " suites by name (" + String.join(", ",
        items.stream().map(i -> i.get("name").asText()).toList()) + ")";
  }

  /** One line per external reference in {@code file}: "file: external reference '…'". */
  public static List<String> external(Path file) throws IOException {
    List<String> out = new ArrayList<>();
    String s = Files.readString(file, StandardCharsets.UTF_8);
    for (Pattern p : EXTERNAL) {
      Matcher m = p.matcher(s);
      while (m.find()) {
        String hit = m.group().replaceAll("\\s+", " ");
        out.add(file + ": external reference '" + (hit.length() > 120 ? hit.substring(0, 120) + "…" : hit)
            + "' — an offline report must load nothing from the network");
      }
    }
    return out;
  }
}
