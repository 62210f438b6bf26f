package dev.oomspec.spec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.oomspec.spec.load.SpecFormatException;
import dev.oomspec.spec.load.SpecLoader;
import dev.oomspec.spec.load.SpecSource;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Objects;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Feeds the loader a copy of the real spec with one file replaced by a broken one from
 * {@code src/test/resources/broken/} and checks that the error names the file, the line and the field.
 */
class BrokenFilesTest {
  @TempDir Path dir;

  @ParameterizedTest(name = "{0} as {1} -> line {2}, field {3}")
  @CsvSource({
    "unknown-field.yaml,        clauses/kill.yaml,        4,  [0].colour,             unknown field 'colour'",
    "unknown-revision.yaml,     clauses/kill.yaml,        5,  [0].revisions[1],       unknown revision 'v4'",
    "missing-citation.yaml,     clauses/kill.yaml,        1,  citations,              citation missing",
    "unknown-errno.yaml,        clauses/kill.yaml,        12, [0].expect.ret,         unknown Errno 'EFOO'",
    "unknown-op.yaml,           clauses/kill.yaml,        11, [0].call.op,            unknown op 'syscall'",
    "unknown-kfunc.yaml,        clauses/kill.yaml,        11, [0].call.kfunc,         unknown Kfunc 'bpf_oom_kill_everything'",
    "arg-not-in-signature.yaml, clauses/kill.yaml,        1,  call.args.flags,        not a parameter of bpf_oom_kill_process in v3",
    "finding-wrong-revision.yaml, clauses/kill.yaml,    1,  findings[0].revisions,  is not one of the clause",
    "duplicate-id.yaml,         clauses/kill.yaml,        13, id,                     duplicate id 'BROKEN-01'",
    "duplicate-key.yaml,        clauses/kill.yaml,        9,  (syntax),               Duplicate field 'citations'",
    "short-row.csv,             tables/kfunc-sets.csv,    3,  source,                 row has 5 fields",
    "bad-sleepable.csv,         tables/kfunc-sets.csv,    3,  sleepable,              expected yes or no, found 'maybe'",
    "bad-prog-type.csv,         tables/kfunc-sets.csv,    3,  registered_for,         unknown program type 'BPF_PROG_TYPE_STRUCT_OPS'",
    "bad-header.csv,            tables/kfunc-sets.csv,    1,  (header),               expected columns",
    "duplicate-row.csv,         tables/kfunc-sets.csv,    3,  kfunc,                  duplicate row",
    "unknown-source.csv,        tables/kfunc-sets.csv,    2,  source,                 unknown source key 'nowhere'",
    "hook-duplicate-revision.csv, tables/kfunc-hooks.csv, 3, revisions,              duplicate row for UNSPEC in RFC",
    "finding-glob-unmatched.yaml, findings.yaml,         0,  findings[0].clauses,    matches no generated clause"
  })
  void errorNamesFileLineAndField(String broken, String replaces, int line, String field, String problem)
      throws Exception {
    copyBundledSpec();
    try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("/broken/" + broken))) {
      Files.copy(in, dir.resolve(replaces), StandardCopyOption.REPLACE_EXISTING);
    }
    SpecFormatException e = assertThrows(SpecFormatException.class, () -> SpecLoader.load(SpecSource.directory(dir)));
    assertEquals(replaces, e.file(), e.getMessage());
    assertEquals(line, e.line(), e.getMessage());
    assertEquals(field, e.field(), e.getMessage());
    assertTrue(e.getMessage().contains(problem), e.getMessage());
    assertTrue(e.getMessage().startsWith(replaces + ":" + line + ": field '" + field + "'"), e.getMessage());
  }

  private void copyBundledSpec() throws IOException, URISyntaxException {
    Path root = Path.of(Objects.requireNonNull(getClass().getResource("/dev/oomspec/spec/index.yaml")).toURI()).getParent();
    try (Stream<Path> files = Files.walk(root)) {
      for (Path p : (Iterable<Path>) files::iterator) {
        Path t = dir.resolve(root.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(t);
        } else {
          Files.copy(p, t, StandardCopyOption.REPLACE_EXISTING);
        }
      }
    }
  }
}
