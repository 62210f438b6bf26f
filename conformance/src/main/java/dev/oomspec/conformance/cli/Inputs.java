package dev.oomspec.conformance.cli;

import dev.oomspec.traces.input.Content;
import dev.oomspec.traces.input.LogInputs;
import dev.oomspec.traces.input.OpenedInput;
import dev.oomspec.traces.input.RotationOrder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The inputs named on a command line: files (relative paths resolve against the working directory the command
 * was started in) or {@code -} for stdin; a rotated set ({@code kern.log*}) is put oldest first. Opening one
 * decompresses it by content and tells a log from binary, empty or missing input, each with a one-line reason.
 */
final class Inputs {
  private Inputs() {}

  /** One input as named: {@code path} is null for stdin. */
  record Named(String name, Path path) {
    boolean stdin() {
      return path == null;
    }
  }

  /** What opening an input gave. */
  sealed interface Opening permits Opened, Failed {}

  /** A readable input (text, trace.dat or empty). */
  record Opened(OpenedInput input) implements Opening {}

  /** An input that cannot be read as a log, and why (one line, starting with the input's name). */
  record Failed(String message) implements Opening {}

  /** The named inputs, rotated sets oldest first. */
  static List<Named> of(List<String> args) {
    List<Named> out = new ArrayList<>();
    for (String a : RotationOrder.sort(args)) {
      out.add(new Named(a, a.equals("-") ? null : Path.of(a)));
    }
    return out;
  }

  /** The note printed when rotation changed the order given. */
  static String reorderNote(List<String> args) {
    List<String> sorted = RotationOrder.sort(args);
    return sorted.equals(args) ? null : "reading rotated logs oldest first: " + String.join(" ", sorted);
  }

  /** Sum of the file sizes, or -1 when one is stdin or cannot be sized. */
  static long totalBytes(List<Named> inputs) {
    long total = 0;
    for (Named n : inputs) {
      if (n.stdin()) {
        return -1;
      }
      try {
        total += Files.size(n.path());
      } catch (IOException | SecurityException e) {
        return -1;
      }
    }
    return total;
  }

  /** Opens one input; bytes read (as stored) are added to {@code counter}. */
  static Opening open(Named n, AtomicLong counter) {
    InputStream raw = null;
    try {
      if (n.stdin()) {
        raw = new CountingInputStream(System.in, counter);
      } else {
        if (Files.isDirectory(n.path())) {
          return new Failed(n.name() + ": is a directory, not a log file");
        }
        raw = new CountingInputStream(Files.newInputStream(n.path()), counter);
      }
      OpenedInput in = LogInputs.open(raw);
      if (in.content() instanceof Content.Binary b) {
        in.close();
        return new Failed(n.name() + in.compressionNote() + ": binary input (" + b.what() + "), not a log");
      }
      return new Opened(in);
    } catch (NoSuchFileException e) {
      return new Failed(n.name() + ": no such file");
    } catch (AccessDeniedException e) {
      return new Failed(n.name() + ": permission denied");
    } catch (IOException | RuntimeException e) {
      closeQuietly(raw);
      return new Failed(n.name() + ": unreadable: " + oneLine(e));
    }
  }

  static String oneLine(Throwable e) {
    String m = e.getMessage();
    if (m == null || m.isBlank()) {
      m = e.getClass().getSimpleName();
    }
    int nl = m.indexOf('\n');
    return nl < 0 ? m : m.substring(0, nl);
  }

  private static void closeQuietly(InputStream in) {
    if (in == null || in instanceof CountingInputStream c && c.wrapsStdin()) {
      return;
    }
    try {
      in.close();
    } catch (IOException ignored) {
      // already failing; the first error is the one reported
    }
  }
}
