package dev.oomspec.traces.tracedat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Test-only parser for {@code trace-cmd report -R} text (3.1.6 layout), with or without {@code -t}. */
final class ReportText {

  /** One report line; {@code time} is the printed "sec.frac" with 6 (µs) or 9 (ns) fraction digits. */
  record Line(String comm, int pid, int cpu, long seconds, String fraction, String event, Map<String, String> fields) {

    /** True when the printed time equals {@code ns} (rounded to µs for 6-digit fractions, as libtraceevent does). */
    boolean timeMatches(long ns) {
      if (fraction.length() == 9) {
        return seconds * 1_000_000_000L + Long.parseLong(fraction) == ns;
      }
      long us = (ns + 500) / 1000;
      return seconds * 1_000_000L + Long.parseLong(fraction) == us;
    }

    String time() {
      return seconds + "." + fraction;
    }
  }

  private static final Pattern LINE =
      Pattern.compile("^\\s*(.*)-(\\d+)\\s+\\[(\\d+)\\]\\s+(\\d+)\\.(\\d{6}|\\d{9}):\\s+(\\w+):(.*)$");
  private static final Pattern NAME = Pattern.compile("(?:^|\\s)([A-Za-z_]\\w*)=");

  private ReportText() {
  }

  static List<Line> parse(Path file) throws IOException {
    List<Line> out = new ArrayList<>();
    for (String line : Files.readAllLines(file)) {
      if (line.isBlank() || line.startsWith("cpus=") || line.startsWith("version =")) {
        continue;
      }
      Matcher m = LINE.matcher(line);
      if (!m.matches()) {
        throw new IllegalStateException(file.getFileName() + ": unparsed report line: " + line);
      }
      out.add(new Line(m.group(1).strip(), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Long.parseLong(m.group(4)), m.group(5), m.group(6), fields(m.group(7))));
    }
    return out;
  }

  static Map<String, String> fields(String text) {
    Map<String, String> out = new LinkedHashMap<>();
    Matcher m = NAME.matcher(text);
    List<int[]> spans = new ArrayList<>();
    List<String> names = new ArrayList<>();
    while (m.find()) {
      spans.add(new int[] {m.start(1), m.end()});
      names.add(m.group(1));
    }
    for (int i = 0; i < spans.size(); i++) {
      int valueEnd = i + 1 < spans.size() ? spans.get(i + 1)[0] : text.length();
      out.put(names.get(i), text.substring(spans.get(i)[1], valueEnd).strip());
    }
    return out;
  }
}
