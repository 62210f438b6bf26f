package dev.oomspec.conformance.kit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.conformance.junit.CaseTags;
import dev.oomspec.conformance.runner.TargetSelection;
import dev.oomspec.conformance.target.ReferenceTarget;
import dev.oomspec.conformance.target.Target;
import dev.oomspec.spec.Spec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * conformance/pom.xml checks -Doomspec.revision, -Dgroups and -DexcludedGroups with the enforcer (one clear line
 * before anything compiles); its regexes and messages must name exactly the targets and the case classes' tags.
 */
class SelectionValuesTest {
  static final List<Target> ALL = ReferenceTarget.all(Spec.loadDefault());

  record Rule(String property, Pattern regex, String message) {}

  static List<Rule> rules() throws Exception {
    String pom = Files.readString(Path.of("pom.xml"));
    Matcher m = Pattern.compile("<requireProperty>\\s*<property>([^<]+)</property>\\s*<regex>([^<]+)</regex>\\s*"
        + "<regexMessage>([^<]+)</regexMessage>").matcher(pom);
    List<Rule> out = new ArrayList<>();
    while (m.find())
      out.add(new Rule(m.group(1), Pattern.compile(xml(m.group(2))), xml(m.group(3))));
    return out;
  }

  static String xml(String s) {
    return s.replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
  }

  static Rule rule(String property) throws Exception {
    return rules().stream().filter(r -> r.property().equals(property)).findFirst().orElseThrow();
  }

  @Test
  void revisionRuleNamesEveryTarget() throws Exception {
    Rule r = rule("oomspec.revision");
    for (Target t : ALL) assertTrue(r.regex().matcher(t.id()).matches(), t.id());
    assertTrue(r.regex().matcher("all").matches());
    assertTrue(r.regex().matcher("V2, v3,post-proposed").matches());
    for (String bad : List.of("bogus", "v4", "v2,,v3", "", "v3-post"))
      assertFalse(r.regex().matcher(bad).matches(), bad);
    assertTrue(r.message().contains("valid: " + TargetSelection.valid(ALL)), r.message());
  }

  @Test
  void tagRulesNameExactlyTheCaseClassesTags() throws Exception {
    Set<String> known = CaseTags.known();
    assertTrue(known.containsAll(List.of("return-codes", "cross-revision", "live-kernel", "replay")), known.toString());
    for (String property : List.of("groups", "excludedGroups")) {
      Rule r = rule(property);
      for (String tag : known) assertTrue(r.regex().matcher(tag).matches(), property + " " + tag);
      for (String ok : List.of("", "return-codes,flags", "return-codes & !cross-revision", "(a|b)".replace("a", "replay").replace("b", "report"), "any()"))
        assertTrue(r.regex().matcher(ok).matches(), property + " " + ok);
      for (String bad : List.of("bogus", "return-code", "attach-bogus", "flags,bogus"))
        assertFalse(r.regex().matcher(bad).matches(), property + " " + bad);
      assertTrue(r.message().contains("valid: " + String.join(", ", known) + " ("), r.message());
    }
  }
}
