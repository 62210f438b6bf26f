package dev.oomspec.conformance.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oomspec.reference.policy.Cgroup;
import dev.oomspec.reference.policy.Kfuncs;
import dev.oomspec.reference.policy.OomControl;
import dev.oomspec.reference.policy.OomPolicy;
import dev.oomspec.reference.policy.PolicyProvider;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oomspec replay --policy}: the JSON {@code policies} array on a published report and on a capture (with its
 * JSON beside it), the CSV columns, the page, a user's policy from a jar, and bad option values.
 */
class ReplayPolicyTest {
  static final Path LEAKER = ReplayUserFilesTest.LEAKER;
  static final Path CAPTURE = Path.of("..", "traces", "corpus", "live-6.18");

  static List<JsonNode> lines(String out) throws Exception {
    ObjectMapper m = new ObjectMapper();
    return out.lines().filter(l -> !l.isBlank()).map(l -> {
      try {
        return m.readTree(l);
      } catch (Exception e) {
        throw new AssertionError(l, e);
      }
    }).toList();
  }

  /** The "must show" fields on every entry: name, revision, verdict, victims (pid, comm), calls (kfunc, ret). */
  static void hasTheStableFields(JsonNode p) {
    for (String f : List.of("name", "revision", "verdict", "victims", "calls")) assertTrue(p.has(f), f + " in " + p);
    for (JsonNode v : p.get("victims")) assertTrue(v.get("pid").isInt() && v.get("comm").isTextual(), v.toString());
    for (JsonNode c : p.get("calls")) assertTrue(c.get("kfunc").isTextual() && c.get("ret").isTextual(), c.toString());
  }

  @Test
  void jsonCarriesAPoliciesArray() throws Exception {
    ReplayUserFilesTest.Run r = ReplayUserFilesTest.run("replay", "--policy", "largest-rss", "--format", "json", LEAKER.toString());
    assertEquals(0, r.exit(), r.err());
    List<JsonNode> events = lines(r.out());
    assertEquals(1, events.size());
    JsonNode p = events.get(0).get("policies").get(0);
    hasTheStableFields(p);
    assertEquals("largest-rss", p.get("name").asText());
    assertEquals("v3", p.get("revision").asText());
    assertEquals("same", p.get("verdict").asText());
    assertEquals(23793, p.get("victims").get(0).get("pid").asInt());
    assertTrue(r.err().contains("policies: over 1 event, largest-rss (v3) would have killed a different task in 0"), r.err());
  }

  /** A capture made by oomspec capture, copied with its JSON: the tree is known, test-oom decides on post. */
  @Test
  void aCaptureWithItsJsonBesideIt(@TempDir Path dir) throws Exception {
    Files.copy(CAPTURE.resolve("big-idle-vs-grower.dmesg"), dir.resolve("big-idle-vs-grower.dmesg"));
    Files.copy(CAPTURE.resolve("big-idle-vs-grower.json"), dir.resolve("big-idle-vs-grower.json"));
    ReplayUserFilesTest.Run r = ReplayUserFilesTest.run("replay", "--policy", "test-oom,largest-rss", "--revision", "post",
        "--format", "json", dir.resolve("big-idle-vs-grower.dmesg").toString());
    assertEquals(0, r.exit(), r.err());
    List<JsonNode> events = lines(r.out());
    assertEquals(2, events.size());
    for (JsonNode e : events) {
      assertEquals(2, e.get("policies").size());
      for (JsonNode p : e.get("policies")) {
        hasTheStableFields(p);
        assertEquals("post", p.get("revision").asText());
        assertFalse(p.get("verdict").asText().equals("undecidable"), p.toString());
      }
    }
    // without the JSON the cgroup tree below the capture's memcg is unknown
    Files.delete(dir.resolve("big-idle-vs-grower.json"));
    ReplayUserFilesTest.Run bare = ReplayUserFilesTest.run("replay", "--policy", "test-oom", "--format", "json",
        dir.resolve("big-idle-vs-grower.dmesg").toString());
    for (JsonNode e : lines(bare.out())) assertEquals("undecidable", e.get("policies").get(0).get("verdict").asText());
  }

  @Test
  void csvAndHtml(@TempDir Path dir) throws Exception {
    ReplayUserFilesTest.Run r = ReplayUserFilesTest.run("replay", "--policy", "largest-rss,youngest-first", "--format", "csv",
        LEAKER.toString());
    assertEquals(0, r.exit(), r.err());
    String header = r.out().lines().findFirst().orElseThrow();
    assertTrue(header.endsWith(",largest-rss.revision,largest-rss.verdict,largest-rss.victims,largest-rss.kernelKillerRan,"
        + "largest-rss.kernelKilled,largest-rss.errnos,largest-rss.freedKb,largest-rss.kernelFreedKb,largest-rss.reason,"
        + "youngest-first.revision,youngest-first.verdict,youngest-first.victims,youngest-first.kernelKillerRan,"
        + "youngest-first.kernelKilled,youngest-first.errnos,youngest-first.freedKb,youngest-first.kernelFreedKb,"
        + "youngest-first.reason"), header);
    assertTrue(r.out().contains(",v3,same,23793:leaker,false,,,"), r.out());
    Path page = dir.resolve("p.html");
    ReplayUserFilesTest.Run h = ReplayUserFilesTest.run("replay", "--policy", "largest-rss", "--format", "html", "--out",
        page.toString(), LEAKER.toString());
    assertEquals(0, h.exit(), h.err());
    String html = Files.readString(page);
    assertTrue(html.contains("<section id=\"policies\">") && html.contains("<h4>Policies</h4>"), "policy parts");
    assertTrue(html.contains("largest-rss: what it killed"), "the policy's chart");
  }

  @Test
  void badPolicyValuesAreUsageErrors() {
    ReplayUserFilesTest.Run r = ReplayUserFilesTest.run("replay", "--policy", "nonsense", LEAKER.toString());
    assertEquals(2, r.exit());
    assertTrue(r.err().startsWith("--policy: unknown policy 'nonsense'; known: test-oom, test-oomd, largest-rss"), r.err());
    assertFalse(r.err().contains("Exception"), r.err());
    ReplayUserFilesTest.Run v = ReplayUserFilesTest.run("replay", "--policy", "largest-rss", "--revision", "v2", LEAKER.toString());
    assertEquals(2, v.exit());
    assertTrue(v.err().contains("unknown revision 'v2'; policies run on v3 or post"), v.err());
    ReplayUserFilesTest.Run c = ReplayUserFilesTest.run("replay", "--policy", "cgroup-priority=/no/such/rules", LEAKER.toString());
    assertEquals(2, c.exit());
    assertTrue(c.err().startsWith("cgroup-priority: cannot read /no/such/rules"), c.err());
  }

  /** A user's policy: kills the first process the task iterator gives (a test fixture, packed into a jar). */
  public static final class FirstProcess implements OomPolicy {
    @Override public String name() { return "first_process"; }
    @Override public int handleOutOfMemory(OomControl oc, Cgroup cg, Kfuncs bpf) {
      dev.oomspec.reference.policy.TaskStruct first = null;
      bpf.bpfRcuReadLock();
      for (dev.oomspec.reference.policy.TaskStruct t : bpf.forEachTask(null, 0)) { first = bpf.bpfTaskAcquire(t); break; }
      bpf.bpfRcuReadUnlock();
      if (first == null) return 0;
      int r = bpf.bpfOomKillProcess(oc, first, "first");
      bpf.bpfTaskRelease(first);
      return r == 0 ? 1 : 0;
    }
  }

  /** Its provider, found through the jar's META-INF/services. */
  public static final class FirstProcessProvider implements PolicyProvider {
    @Override public String name() { return "first-process"; }
    @Override public String summary() { return "the first process of the task iterator"; }
    @Override public OomPolicy create(String argument) { return new FirstProcess(); }
  }

  @Test
  void aPolicyFromAJar(@TempDir Path dir) throws Exception {
    Path jar = dir.resolve("my-policies.jar");
    try (JarOutputStream j = new JarOutputStream(Files.newOutputStream(jar))) {
      j.putNextEntry(new JarEntry("META-INF/services/dev.oomspec.reference.policy.PolicyProvider"));
      j.write((FirstProcessProvider.class.getName() + "\n").getBytes(StandardCharsets.UTF_8));
      j.closeEntry();
    }
    Path global = Path.of("..", "traces", "corpus", "published", "001-oomanalyser-example-3.10-rhel7-global-bare.log");
    ReplayUserFilesTest.Run r = ReplayUserFilesTest.run("replay", "--policy-jar", jar.toString(), "--policy", "first-process",
        "--format", "json", global.toString());
    assertEquals(0, r.exit(), r.err());
    JsonNode p = lines(r.out()).get(0).get("policies").get(0);
    assertEquals("first-process", p.get("name").asText());
    assertEquals("first_process", p.get("program").asText());
    // the table's first row: systemd-journal 390 (a global table lists processes in creation order)
    assertEquals(390, p.get("victims").get(0).get("pid").asInt());
    ReplayUserFilesTest.Run noPolicy = ReplayUserFilesTest.run("replay", "--policy-jar", jar.toString(), global.toString());
    assertEquals(2, noPolicy.exit());
    assertTrue(noPolicy.err().contains("--policy-jar without --policy"), noPolicy.err());
  }

}
