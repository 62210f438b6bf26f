package dev.oomspec.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.spec.docs.ConstraintsDocGenerator;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/** Fails when the committed docs/constraints.md differs from what the spec generates. */
class DocsCurrentTest {

  @Test
  void committedConstraintsDocIsCurrent() throws Exception {
    Path doc = repoRoot().resolve("docs/constraints.md");
    assertTrue(Files.isRegularFile(doc), "missing " + doc + "; generate it with: " + ConstraintsDocGenerator.REGENERATE);
    String expected = ConstraintsDocGenerator.render(Spec.loadDefault());
    String actual = Files.readString(doc, StandardCharsets.UTF_8);
    if (!expected.equals(actual)) {
      String[] e = expected.split("\n", -1);
      String[] a = actual.split("\n", -1);
      int i = 0;
      while (i < Math.min(e.length, a.length) && e[i].equals(a[i])) i++;
      assertEquals(i < e.length ? e[i] : "<end>", i < a.length ? a[i] : "<end>",
          "docs/constraints.md is stale (first difference at line " + (i + 1) + "). Regenerate from the repository root: "
              + ConstraintsDocGenerator.REGENERATE);
    }
  }

  @Test
  void committedCountsDocIsCurrent() throws Exception {
    Path doc = repoRoot().resolve("docs/spec-counts.md");
    assertTrue(Files.isRegularFile(doc), "missing " + doc + "; generate it with: " + ConstraintsDocGenerator.REGENERATE);
    assertEquals(dev.oomspec.spec.docs.SpecCountsDocGenerator.render(Spec.loadDefault()), Files.readString(doc, StandardCharsets.UTF_8),
        "docs/spec-counts.md is stale. Regenerate from the repository root: " + ConstraintsDocGenerator.REGENERATE);
  }

  @Test
  void generationIsDeterministic() {
    assertEquals(ConstraintsDocGenerator.render(Spec.loadDefault()), ConstraintsDocGenerator.render(Spec.loadDefault()));
  }

  /** Walks up from the module directory to the directory holding mvnw and spec/. */
  static Path repoRoot() {
    Path p = Path.of("").toAbsolutePath();
    while (p != null) {
      if (Files.isRegularFile(p.resolve("mvnw")) && Files.isDirectory(p.resolve("spec"))) return p;
      p = p.getParent();
    }
    throw new IllegalStateException("repository root (mvnw + spec/) not found above " + Path.of("").toAbsolutePath());
  }
}
