package dev.oomspec.traces.tracedat;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

/** The real recordings under {@code traces/corpus/trace-cmd} and their facts in {@code tracedat/corpus.properties}. */
final class Corpus {

  static final Path DIR = Path.of("corpus", "trace-cmd");

  private Corpus() {
  }

  static List<Path> datFiles() {
    try (Stream<Path> s = Files.list(DIR)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".dat")).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Properties facts() {
    Properties p = new Properties();
    try (InputStream in = Corpus.class.getResourceAsStream("/tracedat/corpus.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p;
  }

  static String fact(Path dat, String key) {
    String v = facts().getProperty(dat.getFileName() + "." + key);
    if (v == null) {
      throw new IllegalStateException("tracedat/corpus.properties has no " + dat.getFileName() + "." + key);
    }
    return v;
  }
}
