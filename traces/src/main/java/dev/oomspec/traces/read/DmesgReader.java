package dev.oomspec.traces.read;

import java.util.ArrayList;
import java.util.List;

/**
 * util-linux {@code dmesg} (and serial console) text: {@code [  315.270610] text}, optionally with a printk
 * caller id ({@code [   37.052923][ T9185] text}) and a {@code dmesg -x} facility/level prefix
 * ({@code kern  :warn  : }). Lines without a timestamp are continuations of a multi-line record (indented) or
 * bare text. A line that carries a second timestamp not earlier than its own (a lost newline) is split there.
 * Relative stamps of {@code dmesg --reltime}/{@code -H} ({@code [  +0.000067]}) are accepted; their lines get no
 * kernel time.
 */
public final class DmesgReader implements LogReader {

  @Override
  public String name() {
    return "dmesg";
  }

  @Override
  public int sniff(String line) {
    String s = stripFacility(line);
    return Scan.dmesgTimestamp(s, 0, null) > 0 ? 2 : 0;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    if (line.isBlank()) {
      return new Decoded.Unrelated("blank line");
    }
    String s = stripFacility(line);
    double[] ts = new double[1];
    int after = Scan.dmesgTimestamp(s, 0, ts);
    if (after < 0) {
      boolean indented = s.charAt(0) == ' ' || s.charAt(0) == '\t';
      return Decoded.kernel(new KernelLine(source, n, "", null, null, null, indented, s.strip()));
    }
    return new Decoded.Kernel(split(source, n, s));
  }

  private List<KernelLine> split(String source, long n, String s) {
    List<KernelLine> out = null;
    double[] ts = new double[1];
    String[] caller = new String[1];
    int i = 0;
    while (i < s.length()) {
      int after = Scan.dmesgTimestamp(s, i, ts);
      caller[0] = null;
      int c = Scan.callerId(s, after, caller);
      if (c < 0) {
        c = Scan.callerId(s, Scan.skipSpaces(s, after), caller);
      }
      int textStart = c > 0 ? c : after;
      if (textStart < s.length() && s.charAt(textStart) == ' ') {
        textStart++;
      }
      double stampValue = ts[0];
      int next = nextGlued(s, textStart, stampValue);
      int end = next < 0 ? s.length() : next;
      while (end > textStart && Character.isWhitespace(s.charAt(end - 1))) {
        end--; // as String.stripTrailing: whitespace chars are all in the BMP
      }
      String text = s.substring(textStart, end);
      Double stamp = Double.isNaN(stampValue) ? null : stampValue; // relative (reltime) stamps carry no kernel time
      KernelLine kl = new KernelLine(source, n, "", stamp, null, caller[0], false, text);
      if (next < 0 && out == null) {
        return List.of(kl); // the common case: one line, no copy
      }
      if (out == null) {
        out = new ArrayList<>(2);
      }
      out.add(kl);
      if (next < 0) {
        break;
      }
      i = next;
    }
    return out == null ? List.of() : out;
  }

  /** Start of a glued {@code [ts]} at or after {@code from} whose value is ≥ {@code ts}, or -1. */
  static int nextGlued(String s, int from, double ts) {
    int i = s.indexOf('[', from);
    double[] v = new double[1];
    while (i >= 0) {
      if (Scan.dmesgTimestamp(s, i, v) > 0 && v[0] >= ts) {
        return i;
      }
      i = s.indexOf('[', i + 1);
    }
    return -1;
  }

  /** Drops a {@code dmesg -x} prefix like {@code kern  :warn  : }. */
  static String stripFacility(String s) {
    int i = 0;
    int n = s.length();
    while (i < n && s.charAt(i) >= 'a' && s.charAt(i) <= 'z') {
      i++;
    }
    if (i == 0 || i > 8) {
      return s;
    }
    int j = Scan.skipSpaces(s, i);
    if (j >= n || s.charAt(j) != ':') {
      return s;
    }
    int k = j + 1;
    int l = k;
    while (l < n && s.charAt(l) >= 'a' && s.charAt(l) <= 'z') {
      l++;
    }
    if (l == k) {
      return s;
    }
    int m = Scan.skipSpaces(s, l);
    if (m + 1 < n && s.charAt(m) == ':' && s.charAt(m + 1) == ' ') {
      return s.substring(m + 2);
    }
    return s;
  }

  @Override
  public ByteDecoder bytes() {
    return new DmesgBytes();
  }
}
