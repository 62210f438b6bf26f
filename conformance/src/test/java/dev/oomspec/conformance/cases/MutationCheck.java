package dev.oomspec.conformance.cases;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.conformance.junit.Kit;
import dev.oomspec.conformance.junit.Mutants;
import dev.oomspec.conformance.junit.Mutants.Mutant;
import dev.oomspec.conformance.runner.Cell;
import dev.oomspec.conformance.runner.ClauseRunner;
import dev.oomspec.conformance.runner.Result;
import dev.oomspec.conformance.runner.Scope;
import dev.oomspec.reports.MarkdownTable;
import dev.oomspec.reports.Table;
import dev.oomspec.spec.model.Clause;
import io.qameta.allure.Allure;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.TestFactory;

/**
 * Teeth: every in-revision clause of the mutated revision runs against each named mutant; a mutant is killed when
 * all of its named clauses fail. The last test writes the score to {@code target/oomspec-mutants.md} and the report.
 */
@Tag("mutation")
public class MutationCheck {
  private static final Map<String, List<String>> FAILED = new ConcurrentHashMap<>();

  @TestFactory
  Stream<DynamicTest> mutants() {
    List<Mutant> all = Mutants.all();
    Stream<DynamicTest> each = all.stream().map(m -> DynamicTest.dynamicTest("mutant " + m.id(), () -> run(m)));
    return Stream.concat(each, Stream.of(DynamicTest.dynamicTest("mutation score", () -> score(all))));
  }

  private static void run(Mutant m) {
    Allure.epic("Summary");
    Allure.feature("mutation check");
    Allure.story(m.id());
    Allure.parameter("revision", m.revision().displayName());
    Allure.parameter("mistake", m.mistake());
    Allure.description("Mutant '" + m.id() + "': " + m.mistake() + ". Must fail at least " + m.mustFail() + ".");
    for (String id : m.mustFail())
      assertTrue(Kit.SPEC.clause(id).isPresent(), "named clause " + id + " does not exist");
    List<String> failed = new ArrayList<>();
    int runs = 0;
    for (Clause c : Kit.SPEC.clausesFor(m.revision())) {
      for (ClauseRunner.Planned p : ClauseRunner.plan(c, List.of(m.target()), Scope.IN_REVISION)) {
        Result r = ClauseRunner.run(p);
        if (r.cell() == Cell.PASS || r.cell() == Cell.FAIL) runs++;
        if (r.cell() == Cell.FAIL) failed.add(c.id() + ": " + r.detail());
      }
    }
    FAILED.put(m.id(), failed.stream().map(s -> s.substring(0, s.indexOf(':'))).toList());
    Allure.addAttachment("failing clauses (" + failed.size() + " of " + runs + " runs)", "text/plain",
        String.join("\n", failed) + "\n", ".txt");
    List<String> missed = m.mustFail().stream().filter(id -> !FAILED.get(m.id()).contains(id)).toList();
    assertTrue(missed.isEmpty(), "mutant " + m.id() + " SURVIVED: these clauses still pass: " + missed);
  }

  private static void score(List<Mutant> all) throws Exception {
    Allure.epic("Summary");
    Allure.feature("mutation check");
    Allure.story("mutation score");
    List<List<String>> rows = new ArrayList<>();
    int killed = 0;
    for (Mutant m : all) {
      List<String> f = FAILED.getOrDefault(m.id(), List.of());
      boolean k = !f.isEmpty() && f.containsAll(m.mustFail());
      if (k) killed++;
      rows.add(List.of(m.id(), m.revision().displayName(), m.mistake(), String.join(", ", m.mustFail()),
          k ? "killed" : "SURVIVED", Integer.toString(f.size()),
          String.join(", ", f.subList(0, Math.min(6, f.size()))) + (f.size() > 6 ? ", …" : "")));
    }
    String md = "# Mutation check\n\nScore: **" + killed + "/" + all.size() + "** mutants killed.\n\n"
        + MarkdownTable.render(new Table(List.of("mutant", "revision", "mistake", "must fail", "result",
            "failing clauses", "first failing clauses"), rows));
    Files.createDirectories(Kit.out());
    Files.writeString(Kit.out().resolve("oomspec-mutants.md"), md, StandardCharsets.UTF_8);
    Allure.parameter("score", killed + "/" + all.size());
    Allure.addAttachment("oomspec-mutants.md", "text/markdown", md, ".md");
    assertTrue(killed == all.size(), "mutation score " + killed + "/" + all.size());
  }
}
