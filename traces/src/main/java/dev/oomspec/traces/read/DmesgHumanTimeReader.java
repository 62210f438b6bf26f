package dev.oomspec.traces.read;

import java.util.ArrayList;
import java.util.List;

/**
 * {@code dmesg -T} text in any locale: {@code [Thu May  9 14:52:38 2024] text},
 * {@code [月  1月 26 01:49:41 2026] text}, also with the first {@code [} lost. The bracket is recognised by
 * its {@code HH:MM:SS} clock and a four-digit year before the {@code ]}, not by day or month names. Indented
 * lines without a stamp are continuations. A second stamp inside a line (a lost newline) splits it.
 */
public final class DmesgHumanTimeReader implements LogReader {

  private static final int MAX_STAMP = 64;

  @Override
  public String name() {
    return "dmesg-T";
  }

  @Override
  public int sniff(String line) {
    return stampEnd(line, 0) > 0 ? 2 : 0;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    if (line.isBlank()) {
      return new Decoded.Unrelated("blank line");
    }
    int end = stampEnd(line, 0);
    if (end < 0) {
      boolean indented = line.charAt(0) == ' ' || line.charAt(0) == '\t';
      return Decoded.kernel(new KernelLine(source, n, "", null, null, null, indented, line.strip()));
    }
    List<KernelLine> out = new ArrayList<>(1);
    int start = 0;
    while (end > 0) {
      String stamp = line.substring(start, end).strip();
      if (stamp.startsWith("[")) {
        stamp = stamp.substring(1);
      }
      stamp = stamp.substring(0, stamp.length() - 1).strip();
      int textStart = end < line.length() && line.charAt(end) == ' ' ? end + 1 : end;
      String[] caller = new String[1];
      int c = Scan.callerId(line, textStart, caller);
      if (c > 0) {
        textStart = c < line.length() && line.charAt(c) == ' ' ? c + 1 : c;
      }
      int next = nextStamp(line, textStart);
      String text = line.substring(textStart, next < 0 ? line.length() : next).stripTrailing();
      out.add(new KernelLine(source, n, "", null, stamp, caller[0], false, text));
      if (next < 0) {
        break;
      }
      start = next;
      end = stampEnd(line, next);
    }
    return new Decoded.Kernel(out);
  }

  /**
   * If a stamp starts at {@code from} (with or without its {@code [}), the index after its {@code ]}, else -1.
   */
  static int stampEnd(String s, int from) {
    int close = s.indexOf(']', from);
    if (close < 0 || close - from > MAX_STAMP) {
      return -1;
    }
    int open = s.lastIndexOf('[', close);
    if (open >= from && open != from) {
      return -1;
    }
    int clock = Scan.findClock(s, from, close);
    if (clock < 0) {
      return -1;
    }
    // a four-digit year between the clock and the ']'
    int y = Scan.skipSpaces(s, clock + 8);
    int ye = Scan.digitsEnd(s, y);
    if (ye - y != 4 || Scan.skipSpaces(s, ye) != close) {
      return -1;
    }
    // a lost '[' only at the very start, and only after blanks/letters (no ':' before the clock)
    if (open < from) {
      for (int i = from; i < clock; i++) {
        char c = s.charAt(i);
        if (c == ':' || c == '=' || c == '(') {
          return -1;
        }
      }
    }
    return close + 1;
  }

  /** Start of a glued {@code [..HH:MM:SS YYYY]} stamp at or after {@code from}, or -1. */
  static int nextStamp(String s, int from) {
    int i = s.indexOf('[', from);
    while (i >= 0) {
      int e = s.indexOf(']', i);
      if (e < 0) {
        return -1;
      }
      if (e - i <= MAX_STAMP && stampEnd(s, i) > 0) {
        return i;
      }
      i = s.indexOf('[', i + 1);
    }
    return -1;
  }
}
