package dev.oomspec.conformance.junit;

import java.io.IOException;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.platform.suite.api.SelectClasses;

/** The tags a {@code -Dgroups} expression can name: those on the case classes the suites select. */
public final class CaseTags {
  private CaseTags() {}

  /** Every tag on the case classes the suites select (class and method level), sorted. */
  public static Set<String> known() throws IOException, URISyntaxException {
    Set<String> tags = new TreeSet<>();
    for (Class<?> suite : suites())
      for (Class<?> c : suite.getAnnotation(SelectClasses.class).value()) {
        for (Tag t : c.getAnnotationsByType(Tag.class)) tags.add(t.value());
        for (Method m : c.getDeclaredMethods())
          for (Tag t : m.getAnnotationsByType(Tag.class)) tags.add(t.value());
      }
    return tags;
  }

  /** The *Suite classes of dev.oomspec.conformance, as failsafe finds them. */
  public static List<Class<?>> suites() throws IOException, URISyntaxException {
    URL here = CaseTags.class.getResource("/dev/oomspec/conformance/");
    if (here == null) throw new IllegalStateException("dev/oomspec/conformance not on the class path");
    List<Class<?>> out = new ArrayList<>();
    try (Stream<Path> files = Files.list(Path.of(here.toURI()))) {
      for (Path f : files.sorted().toList()) {
        String n = f.getFileName().toString();
        if (!n.endsWith("Suite.class")) continue;
        try {
          Class<?> c = Class.forName("dev.oomspec.conformance." + n.substring(0, n.length() - ".class".length()));
          if (c.isAnnotationPresent(SelectClasses.class)) out.add(c);
        } catch (ClassNotFoundException e) {
          throw new IllegalStateException(e);
        }
      }
    }
    return out;
  }
}
