package dev.oomspec.traces.tracedat;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Parses the text of a tracefs event format file (name, ID, field lines, print fmt). */
final class EventFormatParser {

  private static final Pattern FIELD = Pattern.compile(
      "^\\s*field:\\s*(.+?);\\s*offset:\\s*(\\d+);\\s*size:\\s*(\\d+);(?:\\s*signed:\\s*(\\d+);)?");
  private static final Pattern ARRAY = Pattern.compile("^(.*?)\\s*(\\w+)\\s*\\[([^\\]]*)\\]$");

  private EventFormatParser() {
  }

  /** Thrown with a plain message; the caller adds file and offset. */
  static final class BadFormat extends Exception {
    private static final long serialVersionUID = 1L;

    BadFormat(String message) {
      super(message);
    }
  }

  static EventFormat parse(String system, String text) throws BadFormat {
    String name = null;
    Integer id = null;
    String printFmt = "";
    List<FieldFormat> common = new ArrayList<>();
    List<FieldFormat> fields = new ArrayList<>();
    boolean inFormat = false;
    boolean seenBlank = false;
    for (String line : text.split("\n", -1)) {
      if (line.startsWith("name:")) {
        name = line.substring(5).trim();
      } else if (line.startsWith("ID:")) {
        try {
          id = Integer.parseInt(line.substring(3).trim());
        } catch (NumberFormatException e) {
          throw new BadFormat("bad ID line '" + line + "' in format of " + system + ":" + name);
        }
      } else if (line.startsWith("format:")) {
        inFormat = true;
      } else if (line.startsWith("print fmt:")) {
        printFmt = line.substring("print fmt:".length()).trim();
        inFormat = false;
      } else if (inFormat && line.isBlank()) {
        seenBlank = true;
      } else if (inFormat) {
        Matcher m = FIELD.matcher(line);
        if (!m.find()) {
          throw new BadFormat("bad field line '" + line.strip() + "' in format of " + system + ":" + name);
        }
        FieldFormat f = field(m);
        // The common fields come first, separated from the event's own by a blank line.
        if (!seenBlank && f.name().startsWith("common_")) {
          common.add(f);
        } else {
          fields.add(f);
        }
      }
    }
    if (name == null || id == null) {
      throw new BadFormat("event format of system '" + system + "' without name:/ID: lines");
    }
    return new EventFormat(system, name, id, common, fields, printFmt);
  }

  private static FieldFormat field(Matcher m) {
    String decl = m.group(1).trim();
    int offset = Integer.parseInt(m.group(2));
    int size = Integer.parseInt(m.group(3));
    boolean signed = m.group(4) != null && !m.group(4).equals("0");
    Matcher a = ARRAY.matcher(decl);
    if (a.matches() && !a.group(1).isEmpty()) {
      // "char comm[16]" -> type "char[16]", name "comm"
      String len = a.group(3).trim();
      int arrayLen = len.matches("\\d+") ? Integer.parseInt(len) : 0;
      return new FieldFormat(a.group(1).trim() + "[" + len + "]", a.group(2), offset, size, signed, arrayLen);
    }
    int sp = decl.lastIndexOf(' ');
    String type = sp < 0 ? "" : decl.substring(0, sp).trim();
    String name = sp < 0 ? decl : decl.substring(sp + 1);
    while (name.startsWith("*")) {
      type = type + "*";
      name = name.substring(1);
    }
    return new FieldFormat(type, name, offset, size, signed, 0);
  }
}
