package dev.oomspec.fleet.input;

import java.io.Serializable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.apache.hadoop.fs.Path;

/**
 * Which host a log file belongs to, read from its path: by default the name of the directory that holds it
 * ({@code logs/web-17/kern.log} → {@code web-17}); with a pattern, its first group (or the whole match when it has no
 * group) found anywhere in the full path; {@code null} when the pattern does not match.
 */
public final class HostRule implements Serializable {
  private static final long serialVersionUID = 1L;

  private final String pattern; // null: the parent directory
  private transient Pattern compiled;

  private HostRule(String pattern) {
    this.pattern = pattern;
  }

  public static HostRule parentDirectory() {
    return new HostRule(null);
  }

  /** @throws IllegalArgumentException when {@code regex} is not a valid Java regular expression */
  public static HostRule pattern(String regex) {
    try {
      Pattern.compile(regex);
    } catch (PatternSyntaxException e) {
      throw new IllegalArgumentException("not a regular expression: " + e.getDescription() + " in " + regex);
    }
    return new HostRule(regex);
  }

  public String hostOf(String path) {
    if (pattern == null) {
      Path parent = new Path(path).getParent();
      return parent == null || parent.getName().isEmpty() ? null : parent.getName();
    }
    if (compiled == null) {
      compiled = Pattern.compile(pattern);
    }
    Matcher m = compiled.matcher(path);
    if (!m.find()) {
      return null;
    }
    return m.groupCount() >= 1 ? m.group(1) : m.group();
  }

  @Override
  public String toString() {
    return pattern == null ? "the parent directory" : "pattern " + pattern;
  }
}
