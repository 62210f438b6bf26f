package dev.oomspec.spec.model;

import java.util.List;

/**
 * A finding on clauses that are generated from tables ({@code findings.yaml}): the clause ids it applies to are
 * given as globs ({@code *} matches any run of characters), and it is attached to every generated clause whose id
 * matches and whose revision is one of {@code revisions}.
 *
 * @param id the entry in docs/findings.md
 * @param clauses id globs, each must match at least one generated clause
 * @param revisions revisions whose code disagrees
 * @param code where the disagreeing code is
 * @param note what the code does instead
 */
public record GeneratedFinding(String id, List<String> clauses, List<Revision> revisions, List<Citation> code, String note) {
  public GeneratedFinding {
    clauses = clauses == null ? List.of() : List.copyOf(clauses);
    revisions = revisions == null ? List.of() : List.copyOf(revisions);
    code = code == null ? List.of() : List.copyOf(code);
  }

  /** True when {@code clauseId} matches one of the globs. */
  public boolean matches(String clauseId) {
    return clauses.stream().anyMatch(g -> clauseId.matches(globRegex(g)));
  }

  static String globRegex(String glob) {
    StringBuilder b = new StringBuilder();
    for (String part : glob.split("\\*", -1)) {
      if (b.length() > 0 || glob.startsWith("*")) b.append(".*");
      b.append(java.util.regex.Pattern.quote(part));
    }
    return glob.equals("*") ? ".*" : b.toString();
  }
}
