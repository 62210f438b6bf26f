package dev.oomspec.traces.replay;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The bundled corpus of real OOM reports ({@code traces/corpus/INDEX.tsv}): read from the working tree when
 * it is there (a checkout), else from the classpath (the CLI jar carries a copy under {@code corpus/}).
 */
public final class ReplayCorpus {
  /**
   * One corpus file: its path relative to the corpus root and its INDEX columns; {@code victims} = the pids the
   * kernel killed, in order, as recorded outside the log text (the capture harness's view of which workers died,
   * or the collectors' INDEX of a published log); empty when not known.
   */
  public record Entry(String file, String wrapping, String kernel, String kind, String source, String notes,
      List<Integer> victims) {}

  private final Path root; // null: classpath
  private final List<Entry> entries;

  private ReplayCorpus(Path root, List<Entry> entries) {
    this.root = root;
    this.entries = List.copyOf(entries);
  }

  /** The corpus of this checkout ({@code traces/corpus} under the current or given directory), else the jar's. */
  public static ReplayCorpus locate(Path repoRoot) throws IOException {
    for (Path base : new Path[] {repoRoot, Path.of("")}) {
      if (base == null) continue;
      Path dir = base.resolve("traces/corpus");
      if (Files.isRegularFile(dir.resolve("INDEX.tsv"))) {
        try (InputStream in = Files.newInputStream(dir.resolve("INDEX.tsv"))) {
          return new ReplayCorpus(dir, parse(in));
        }
      }
    }
    InputStream in = ReplayCorpus.class.getResourceAsStream("/corpus/INDEX.tsv");
    if (in == null) throw new IOException("no bundled corpus: traces/corpus/INDEX.tsv not found and not in the jar");
    try (in) {
      return new ReplayCorpus(null, parse(in));
    }
  }

  public List<Entry> entries() {
    return entries;
  }

  /** Where the corpus was found, for messages. */
  public String location() {
    return root == null ? "classpath:/corpus" : root.toString();
  }

  /** The name a result should carry: {@code traces/corpus/<file>}. */
  public String displayName(Entry e) {
    return "traces/corpus/" + e.file();
  }

  public InputStream open(Entry e) throws IOException {
    if (root != null) return Files.newInputStream(root.resolve(e.file()));
    InputStream in = ReplayCorpus.class.getResourceAsStream("/corpus/" + e.file());
    if (in == null) throw new IOException("corpus file missing from the jar: " + e.file());
    return in;
  }

  /** The lines {@code first..last} (1-based) of a corpus file, for attaching the original report. */
  public List<String> lines(Entry e, long first, long last) {
    List<String> out = new ArrayList<>();
    try (BufferedReader r = new BufferedReader(new InputStreamReader(open(e), StandardCharsets.UTF_8))) {
      String l;
      for (long n = 1; (l = r.readLine()) != null && n <= last; n++) {
        if (n >= first) out.add(l);
      }
    } catch (IOException ex) {
      throw new UncheckedIOException(ex);
    }
    return out;
  }

  private static List<Entry> parse(InputStream in) throws IOException {
    List<Entry> out = new ArrayList<>();
    BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
    String header = r.readLine();
    if (header == null || !header.startsWith("file\t")) throw new IOException("corpus INDEX.tsv: line 1: expected a header starting with 'file'");
    String l;
    int n = 1;
    while ((l = r.readLine()) != null) {
      n++;
      if (l.isBlank()) continue;
      String[] c = l.split("\t", -1);
      if (c.length < 7) throw new IOException("corpus INDEX.tsv: line " + n + ": expected 7 columns, got " + c.length);
      List<Integer> victims = new ArrayList<>();
      for (String v : c[6].trim().split(" +")) {
        if (v.isEmpty()) continue;
        try {
          victims.add(Integer.parseInt(v));
        } catch (NumberFormatException ex) {
          throw new IOException("corpus INDEX.tsv: line " + n + ": field 'victims': not a pid list: " + c[6]);
        }
      }
      out.add(new Entry(c[0], c[1], c[2], c[3], c[4], c[5], victims));
    }
    return out;
  }
}
