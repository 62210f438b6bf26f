package dev.oomspec.fleet;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;

/**
 * A fleet of host logs built from the bundled corpus (traces/corpus: real reports): one directory per host, named
 * like a fleet's hosts (web-0000, db-0001, batch-0002, k8s-node-0003, …), each with a {@code kern.log} and, on some
 * hosts, a rotated {@code kern.log.1}, a gzip-compressed {@code kern.log.2.gz} and a binary {@code trace.dat}. The
 * formats mix as the corpus does: dmesg, /dev/kmsg, console text, journalctl JSON, ftrace, trace-cmd report text
 * and binary trace.dat. Copies are hard links (the gzip files are written). Built once per directory and JVM.
 */
final class FleetLogs {
  static final String[] ROLES = {"web", "db", "batch", "k8s-node"};

  record Built(Path dir, List<Path> files, long bytes) {}

  private static final Map<Path, Built> BUILT = new HashMap<>();

  private FleetLogs() {}

  static Path repoRoot() {
    String root = System.getProperty("oomspec.repo.root");
    return root == null ? Path.of("..").toAbsolutePath().normalize() : Path.of(root);
  }

  static synchronized Built hosts(Path dir, int hosts) {
    return BUILT.computeIfAbsent(dir.toAbsolutePath().normalize(), d -> build(d, hosts));
  }

  private static Built build(Path dir, int hosts) {
    try {
      Path corpus = repoRoot().resolve("traces/corpus");
      List<Path> text = new ArrayList<>();
      List<Path> binary = new ArrayList<>();
      try (Stream<Path> all = Files.walk(corpus)) {
        all.filter(Files::isRegularFile).sorted().forEach(p -> {
          String n = p.getFileName().toString();
          if (n.endsWith(".trace.dat")) {
            if (!n.startsWith("memcg-oom-v6")) { // the 5 MB v6 recording would only add bytes
              binary.add(p);
            }
          } else if (n.endsWith(".dmesg") || n.endsWith(".kmsg") || n.endsWith(".ftrace") || n.endsWith(".report.txt")
              || (n.endsWith(".log") && !n.equals("INDEX.tsv"))) {
            text.add(p);
          }
        });
      }
      if (text.size() < 20 || binary.isEmpty()) {
        throw new IllegalStateException("corpus not found or too small under " + corpus);
      }
      deleteTree(dir);
      List<Path> files = new ArrayList<>();
      for (int i = 0; i < hosts; i++) {
        Path host = Files.createDirectories(dir.resolve(String.format(Locale.ROOT, "%s-%04d", ROLES[i % 4], i)));
        files.add(link(host.resolve("kern.log"), text.get(i % text.size())));
        if (i % 3 == 0) {
          files.add(link(host.resolve("kern.log.1"), text.get((i * 7 + 3) % text.size())));
        }
        if (i % 10 == 0) {
          Path gz = host.resolve("kern.log.2.gz");
          try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
            Files.copy(text.get((i * 13 + 5) % text.size()), out);
          }
          files.add(gz);
        }
        if (i % 100 == 0) {
          files.add(link(host.resolve("trace.dat"), binary.get((i / 100) % binary.size())));
        }
      }
      long bytes = 0;
      for (Path f : files) {
        bytes += Files.size(f);
      }
      files.sort(null);
      return new Built(dir, List.copyOf(files), bytes);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path link(Path at, Path to) throws IOException {
    try {
      return Files.createLink(at, to);
    } catch (UnsupportedOperationException | IOException e) {
      return Files.copy(to, at);
    }
  }

  static void deleteTree(Path dir) throws IOException {
    if (!Files.exists(dir)) {
      return;
    }
    try (Stream<Path> all = Files.walk(dir)) {
      for (Path p : all.sorted((a, b) -> b.getNameCount() - a.getNameCount()).toList()) {
        Files.delete(p);
      }
    }
  }
}
