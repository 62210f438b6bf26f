package dev.oomspec.spec.model;

/**
 * Where a clause comes from. At least one of {@code messageId}, {@code url} or {@code repo}+{@code commit}
 * must be present (the loader checks).
 *
 * @param patch revision and patch number, e.g. "v3 08/17"
 * @param messageId e-mail Message-ID including angle brackets
 * @param url a public address (lkml.iu.edu, patchew, lore)
 * @param repo GitHub owner/name of a tree holding the code
 * @param commit commit in {@code repo}
 * @param path file in {@code repo} at {@code commit}
 * @param note what exactly is cited, when not obvious
 */
public record Citation(
    String patch, String messageId, String url, String repo, String commit, String path, String note) {

  /** True when the citation can be resolved by a reader. */
  public boolean resolvable() {
    return notBlank(messageId) || notBlank(url) || (notBlank(repo) && notBlank(commit));
  }

  private static boolean notBlank(String s) {
    return s != null && !s.isBlank();
  }

  /** One-line rendering for the docs. */
  public String render() {
    StringBuilder b = new StringBuilder();
    if (notBlank(patch)) {
      b.append(patch);
    }
    if (notBlank(messageId)) {
      b.append(b.length() > 0 ? ", " : "").append("MID `").append(messageId).append('`');
    }
    if (notBlank(url)) {
      b.append(b.length() > 0 ? ", " : "").append(url);
    }
    if (notBlank(repo) && notBlank(commit)) {
      b.append(b.length() > 0 ? ", " : "").append(repo).append('@').append(commit, 0, Math.min(12, commit.length()));
      if (notBlank(path)) {
        b.append(':').append(path);
      }
    }
    return b.toString();
  }
}
