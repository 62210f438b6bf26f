package dev.oomspec.reports;

import java.util.Objects;

/**
 * A reference the caller wants linked from a report (e.g. the patch series on lore). These are the only external
 * addresses a report ever contains.
 *
 * @param url an {@code http:} or {@code https:} address; other schemes are refused
 */
public record Citation(String label, String url) {
  public Citation {
    Objects.requireNonNull(label, "label");
    Objects.requireNonNull(url, "url");
    if (!(url.startsWith("https://") || url.startsWith("http://"))) {
      throw new IllegalArgumentException("citation url must be http(s): " + url);
    }
  }
}
