package dev.oomspec.traces;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oomspec.traces.event.OomEvent;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Test access to the logs under src/test/resources/logs and their INDEX.tsv. */
final class Logs {

  private Logs() {}

  static String text(String name) {
    return resource("/logs/", name);
  }

  /** A published log under src/test/resources/published (source addresses in its INDEX.tsv). */
  static String publishedText(String name) {
    return resource("/published/", name);
  }

  private static String resource(String dir, String name) {
    try (InputStream in = Logs.class.getResourceAsStream(dir + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no test log " + dir + name);
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static ReadResult read(String name) {
    return readText(name, text(name), ReadOptions.defaults());
  }

  static ReadResult readText(String source, String text, ReadOptions options) {
    List<OomEvent> events = new ArrayList<>();
    try {
      LineAccounting a = OomLogReader.read(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8)),
          source, options, events::add);
      return new ReadResult(events, a);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** INDEX.tsv rows keyed by file name, each a column→value map. */
  static Map<String, Map<String, String>> index() {
    return rows(text("INDEX.tsv"));
  }

  /** The published logs' INDEX.tsv, keyed likewise. */
  static Map<String, Map<String, String>> publishedIndex() {
    return rows(publishedText("INDEX.tsv"));
  }

  private static Map<String, Map<String, String>> rows(String tsv) {
    String[] lines = tsv.split("\n");
    String[] head = lines[0].split("\t", -1);
    Map<String, Map<String, String>> out = new LinkedHashMap<>();
    for (int i = 1; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        continue;
      }
      String[] f = lines[i].split("\t", -1);
      Map<String, String> row = new LinkedHashMap<>();
      for (int k = 0; k < head.length; k++) {
        row.put(head[k], k < f.length ? f[k] : "");
      }
      out.put(f[0], row);
    }
    return out;
  }

  static JsonNode json(String name) {
    try {
      return new ObjectMapper().readTree(text(name));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static long lineCount(String text) {
    if (text.isEmpty()) {
      return 0;
    }
    long n = text.chars().filter(c -> c == '\n').count();
    return text.endsWith("\n") ? n : n + 1;
  }
}
