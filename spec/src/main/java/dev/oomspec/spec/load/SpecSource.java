package dev.oomspec.spec.load;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/** Where the spec files are read from: the bundled resources or a directory (tests, tools). */
public interface SpecSource {
  /** Opens a file of the spec by its name relative to the spec root. */
  Reader open(String name);

  /** The bundled spec: classpath {@code /dev/oomspec/spec/}. */
  static SpecSource bundled() {
    return name -> {
      InputStream in = SpecSource.class.getResourceAsStream("/dev/oomspec/spec/" + name);
      if (in == null) {
        throw new SpecFormatException(name, 0, "(file)", "missing from the bundled spec");
      }
      return new InputStreamReader(in, StandardCharsets.UTF_8);
    };
  }

  /** A spec rooted at a directory. */
  static SpecSource directory(Path root) {
    return name -> {
      Path p = root.resolve(name);
      if (!Files.isRegularFile(p)) {
        throw new SpecFormatException(name, 0, "(file)", "missing under " + root);
      }
      try {
        return Files.newBufferedReader(p, StandardCharsets.UTF_8);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    };
  }
}
