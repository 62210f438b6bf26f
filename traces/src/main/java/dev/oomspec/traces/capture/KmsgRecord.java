package dev.oomspec.traces.capture;

import java.util.ArrayList;
import java.util.List;

/**
 * One /dev/kmsg record: {@code PRIO,SEQ,USEC,FLAGS[,...];TEXT} then optional continuation lines
 * (dictionary {@code KEY=VALUE} lines) each beginning with a space.
 *
 * @param raw          the record as read, without its final newline
 * @param facilityPrio the first field (facility * 8 + level)
 * @param seq          the sequence number
 * @param usec         the timestamp in microseconds
 * @param text         the message, kmsg-escaped (non-printable bytes as {@code \xNN})
 * @param continuation the continuation lines without their leading space
 */
public record KmsgRecord(
    String raw, int facilityPrio, long seq, long usec, String text, List<String> continuation) {

  public KmsgRecord {
    continuation = List.copyOf(continuation);
  }

  /** Parses one record as {@code read(2)} returns it. */
  public static KmsgRecord parse(String raw) {
    String r = raw.endsWith("\n") ? raw.substring(0, raw.length() - 1) : raw;
    String[] lines = r.split("\n", -1);
    String head = lines[0];
    int semi = head.indexOf(';');
    if (semi < 0) {
      throw new IllegalArgumentException("not a kmsg record: " + head);
    }
    String[] f = head.substring(0, semi).split(",");
    List<String> cont = new ArrayList<>();
    for (int i = 1; i < lines.length; i++) {
      cont.add(lines[i].startsWith(" ") ? lines[i].substring(1) : lines[i]);
    }
    return new KmsgRecord(
        r, Integer.parseInt(f[0]), Long.parseLong(f[1]), Long.parseLong(f[2]), head.substring(semi + 1), cont);
  }

  /** The level (0 emerg .. 7 debug). */
  public int level() {
    return facilityPrio & 7;
  }

  /**
   * The record as {@code dmesg} prints it by default: {@code [%5lu.%06lu] text}; the dictionary
   * continuation lines are not printed (as dmesg without {@code -x}/{@code --json}), and the
   * {@code \xNN} escapes of the text are kept as the kernel wrote them.
   */
  public String dmesgLine() {
    return String.format("[%5d.%06d] %s", usec / 1_000_000, usec % 1_000_000, text);
  }
}
