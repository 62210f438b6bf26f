package dev.oomspec.traces.capture;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.NoSuchElementException;

/**
 * The scenarios shipped as classpath resources {@code scenarios/NAME.yaml}, listed in
 * {@code scenarios/index.txt} (one name a line, {@code #} comments), and scenario files on disk.
 */
public final class ScenarioCatalog {

  private static final String DIR = "scenarios/";

  private static final ObjectMapper YAML =
      new ObjectMapper(new YAMLFactory())
          .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

  private ScenarioCatalog() {}

  /** Names of the shipped scenarios, in index order. */
  public static List<String> names() {
    try (InputStream in = resource(DIR + "index.txt")) {
      List<String> out = new ArrayList<>();
      for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
        String s = line.replaceAll("#.*", "").strip();
        if (!s.isEmpty()) {
          out.add(s);
        }
      }
      return out;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** All shipped scenarios, in index order. */
  public static List<Scenario> all() {
    return names().stream().map(ScenarioCatalog::load).toList();
  }

  /** A shipped scenario by name, or a YAML file when {@code nameOrPath} ends with .yaml/.yml. */
  public static Scenario load(String nameOrPath) {
    if (nameOrPath.endsWith(".yaml") || nameOrPath.endsWith(".yml")) {
      return read(Path.of(nameOrPath));
    }
    if (!names().contains(nameOrPath)) {
      throw new NoSuchElementException("no scenario named " + nameOrPath + "; known: " + names());
    }
    try (InputStream in = resource(DIR + nameOrPath + ".yaml")) {
      return parse(in.readAllBytes(), nameOrPath);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The YAML text of a shipped scenario, as shipped (copied next to captures). */
  public static String yamlText(String name) {
    try (InputStream in = resource(DIR + name + ".yaml")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Reads a scenario file. */
  public static Scenario read(Path file) {
    try {
      return parse(Files.readAllBytes(file), file.toString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Parses scenario YAML; unknown keys are errors. */
  public static Scenario parse(byte[] yaml, String what) {
    try {
      return YAML.readValue(yaml, Scenario.class);
    } catch (IOException e) {
      throw new IllegalArgumentException(what + ": " + e.getMessage(), e);
    }
  }

  /** A scenario as YAML that {@link #parse} reads back (null fields left out). */
  public static String toYaml(Scenario s) {
    try {
      return YAML.copy()
          .setSerializationInclusion(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
          .writeValueAsString(s);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static InputStream resource(String path) throws IOException {
    InputStream in = ScenarioCatalog.class.getClassLoader().getResourceAsStream(path);
    if (in == null) {
      throw new IOException("missing classpath resource " + path);
    }
    return in;
  }
}
