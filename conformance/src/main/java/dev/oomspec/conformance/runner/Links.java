package dev.oomspec.conformance.runner;

import dev.oomspec.spec.model.Citation;
import dev.oomspec.spec.model.Clause;

/** Where a reader finds a clause's sources and its text. */
public final class Links {
  /** The spec's resource directory, relative to the repository root. */
  public static final String SPEC_DIR = "spec/src/main/resources/dev/oomspec/spec/";

  private Links() {}

  /**
   * A citation as an address: its URL; a Message-ID as {@code https://lore.kernel.org/r/<id>}; a repository,
   * commit and path as {@code https://github.com/<repo>/blob/<commit>/<path>} (without a path: the commit). Null
   * when the citation names none of these.
   */
  public static String url(Citation c) {
    if (notBlank(c.url())) return c.url();
    if (notBlank(c.messageId())) return "https://lore.kernel.org/r/" + c.messageId().strip().replaceAll("^<|>$", "");
    if (notBlank(c.repo()) && notBlank(c.commit()))
      return "https://github.com/" + c.repo() + (notBlank(c.path()) ? "/blob/" + c.commit() + "/" + c.path()
          : "/commit/" + c.commit());
    return null;
  }

  /** A short name for a citation link: its patch ("v3 08/17"), else the repository, else "source". */
  public static String label(Citation c) {
    if (notBlank(c.patch())) return c.patch();
    if (notBlank(c.repo())) return c.repo() + (notBlank(c.path()) ? ":" + c.path() : "");
    return "source";
  }

  /**
   * The file holding the clause's text, relative to the repository root: {@code clauses/kill.yaml} for a written
   * clause, {@code rules.yaml} for an expanded rule, the CSV table for a table row.
   */
  public static String specFile(Clause c) {
    String s = c.source();
    if (s == null) return SPEC_DIR;
    String f;
    if (s.startsWith("yaml:")) f = s.substring(5);
    else if (s.startsWith("rule:") && s.contains("@")) f = s.substring(s.indexOf('@') + 1);
    else if (s.startsWith("csv:")) {
      f = s.substring(4);
      int colon = f.lastIndexOf(':');
      if (colon > 0 && f.substring(colon + 1).chars().allMatch(Character::isDigit)) f = f.substring(0, colon);
    } else f = "";
    return SPEC_DIR + f;
  }

  /** The line of a table row ({@code csv:…:123}), else 0. */
  public static int specLine(Clause c) {
    String s = c.source();
    if (s == null || !s.startsWith("csv:")) return 0;
    String tail = s.substring(s.lastIndexOf(':') + 1);
    return tail.chars().allMatch(Character::isDigit) && !tail.isEmpty() ? Integer.parseInt(tail) : 0;
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }
}
