package dev.oomspec.traces.read;

import java.util.ArrayList;
import java.util.List;

/**
 * Raw {@code /dev/kmsg} records: {@code prio,seq,usec,flags[,caller=T123];text} — one record per line, control
 * characters escaped as {@code \xNN} (an escaped newline splits the record into several kernel lines).
 * Lines starting with a space are the record's dictionary ({@code SUBSYSTEM=…}).
 */
public final class KmsgReader implements LogReader {

  @Override
  public String name() {
    return "kmsg";
  }

  @Override
  public int sniff(String line) {
    return header(line) != null ? 2 : 0;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    if (line.isBlank()) {
      return new Decoded.Unrelated("blank line");
    }
    if (line.charAt(0) == ' ') {
      return new Decoded.Unrelated("kmsg record dictionary");
    }
    Header h = header(line);
    if (h == null) {
      return new Decoded.Malformed("not a kmsg record (prio,seq,usec,flags;text)");
    }
    String text = unescape(line.substring(h.textStart));
    List<KernelLine> out = new ArrayList<>(1);
    int i = 0;
    boolean first = true;
    while (true) {
      int nl = text.indexOf('\n', i);
      String piece = text.substring(i, nl < 0 ? text.length() : nl);
      out.add(new KernelLine(source, n, "", h.usec / 1e6, null, h.caller, !first,
          LineCleaner.clean(first ? piece.stripTrailing() : piece.strip())));
      first = false;
      if (nl < 0) {
        break;
      }
      i = nl + 1;
    }
    return new Decoded.Kernel(out);
  }

  private record Header(long usec, String caller, int textStart) {}

  private static Header header(String s) {
    int semi = s.indexOf(';');
    if (semi < 5 || semi > 96) {
      return null;
    }
    String[] f = s.substring(0, semi).split(",", -1);
    if (f.length < 4 || Scan.toInt(f[0]) == null || Scan.toLong(f[1]) == null) {
      return null;
    }
    Long usec = Scan.toLong(f[2]);
    if (usec == null || f[3].length() != 1) {
      return null;
    }
    String caller = null;
    for (int k = 4; k < f.length; k++) {
      if (f[k].startsWith("caller=")) {
        caller = f[k].substring(7);
      }
    }
    return new Header(usec, caller, semi + 1);
  }

  /** Decodes {@code \xNN} escapes; other backslashes stay. */
  static String unescape(String s) {
    if (s.indexOf("\\x") < 0) {
      return s;
    }
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\\' && i + 3 < s.length() && s.charAt(i + 1) == 'x'
          && hex(s.charAt(i + 2)) >= 0 && hex(s.charAt(i + 3)) >= 0) {
        sb.append((char) (hex(s.charAt(i + 2)) * 16 + hex(s.charAt(i + 3))));
        i += 3;
      } else {
        sb.append(c);
      }
    }
    return sb.toString();
  }

  private static int hex(char c) {
    if (c >= '0' && c <= '9') {
      return c - '0';
    }
    if (c >= 'a' && c <= 'f') {
      return c - 'a' + 10;
    }
    if (c >= 'A' && c <= 'F') {
      return c - 'A' + 10;
    }
    return -1;
  }
}
