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

  /**
   * Files that are not logs, in one host's directory ({@code odd-0000}): a copy of {@code /bin/ls} (ELF), 256 KiB of
   * random bytes (seeded) and a zero-length file, named like rotated logs.
   */
  static List<Path> oddFiles(Path dir) {
    try {
      deleteTree(dir);
      Path host = Files.createDirectories(dir.resolve("odd-0000"));
      Path elf = Files.copy(Path.of("/bin/ls"), host.resolve("kern.log.5"));
      byte[] noise = new byte[256 * 1024];
      new java.util.Random(18).nextBytes(noise);
      Path random = Files.write(host.resolve("kern.log.6"), noise);
      Path empty = Files.createFile(host.resolve("kern.log.7"));
      return List.of(elf, random, empty);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * A user's policy jar: {@code dev.oomspec.fleet.jarpolicy}'s classes (compiled with the tests, so not on the fleet
   * job's class path) and the {@code META-INF/services} entry naming their provider.
   */
  static Path policyJar(Path jar, Path testClasses) {
    Path pkg = testClasses.resolve("dev/oomspec/fleet/jarpolicy");
    try (java.util.jar.JarOutputStream out = new java.util.jar.JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> classes = Files.list(pkg)) {
      out.putNextEntry(new java.util.jar.JarEntry("META-INF/services/dev.oomspec.reference.policy.PolicyProvider"));
      out.write("dev.oomspec.fleet.jarpolicy.FirstTaskProvider\n".getBytes(java.nio.charset.StandardCharsets.UTF_8));
      out.closeEntry();
      for (Path c : classes.sorted().toList()) {
        out.putNextEntry(new java.util.jar.JarEntry("dev/oomspec/fleet/jarpolicy/" + c.getFileName()));
        Files.copy(c, out);
        out.closeEntry();
      }
      return jar;
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
