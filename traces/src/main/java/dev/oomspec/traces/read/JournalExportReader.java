package dev.oomspec.traces.read;

/**
 * {@code journalctl -o export} (systemd's Journal Export Format): one {@code FIELD=value} per line, entries
 * separated by a blank line, fields in the order the entry stores them (journald puts {@code _TRANSPORT=kernel}
 * and {@code SYSLOG_IDENTIFIER=kernel} before a kernel record's {@code MESSAGE}). A kernel record's message is
 * kernel text on the {@code MESSAGE} line; when the entry names its transport only after the message, the text is
 * given with the blank line that ends the entry (which then counts as the event line; the message line, read
 * ahead, as unrelated). Timestamps: {@code _SOURCE_MONOTONIC_TIMESTAMP}, else {@code __MONOTONIC_TIMESTAMP} (µs);
 * stream: host and boot. A binary field ({@code MESSAGE} alone on a line, then a 64-bit length and the bytes) is
 * read when its length and bytes hold no line feed; other binary fields are unrelated.
 */
public final class JournalExportReader implements LogReader {

  private String transport;
  private String ident;
  private String host = "";
  private String boot = "";
  private Long monotonicUs;
  private Long sourceMonotonicUs;
  private String wall;
  private String heldMessage;
  private long heldLine;
  private boolean binaryMessageNext;
  private boolean fieldsSeen;

  @Override
  public String name() {
    return "journal-export";
  }

  /** Every field of the entry read so far (the parallel reader compares what two readers carry). */
  @Override
  public String carried() {
    StringBuilder b = new StringBuilder();
    for (Object v : new Object[] {transport, ident, host, boot, monotonicUs, sourceMonotonicUs, wall, heldMessage,
        heldLine, binaryMessageNext, fieldsSeen}) {
      String s = v == null ? null : v.toString();
      b.append(s == null ? "~" : s.length() + ":" + s).append(',');
    }
    return b.toString();
  }

  @Override
  public int sniff(String line) {
    if (line.startsWith("__CURSOR=") || line.startsWith("__REALTIME_TIMESTAMP=")) {
      return 3;
    }
    return line.startsWith("_TRANSPORT=") || line.startsWith("_BOOT_ID=") || line.startsWith("SYSLOG_IDENTIFIER=")
        || line.startsWith("__MONOTONIC_TIMESTAMP=") ? 2 : 0;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    if (line.isEmpty()) {
      return endOfEntry(source);
    }
    if (binaryMessageNext) {
      binaryMessageNext = false;
      String value = line.length() > 8 ? line.substring(8) : "";
      return message(source, n, value);
    }
    int eq = line.indexOf('=');
    if (eq <= 0) {
      if (line.equals("MESSAGE")) {
        binaryMessageNext = true;
        return new Decoded.Unrelated("binary MESSAGE field follows");
      }
      return fieldsSeen ? new Decoded.Unrelated("binary field or its data") : new Decoded.Unrelated("not an export field");
    }
    fieldsSeen = true;
    String key = line.substring(0, eq);
    String value = line.substring(eq + 1);
    switch (key) {
      case "_TRANSPORT" -> transport = value;
      case "SYSLOG_IDENTIFIER" -> ident = value;
      case "_HOSTNAME" -> host = value;
      case "_BOOT_ID" -> boot = value.length() > 8 ? value.substring(0, 8) : value;
      case "__MONOTONIC_TIMESTAMP" -> monotonicUs = Scan.toLong(value);
      case "_SOURCE_MONOTONIC_TIMESTAMP" -> sourceMonotonicUs = Scan.toLong(value);
      case "__REALTIME_TIMESTAMP" -> wall = value;
      case "MESSAGE" -> {
        return message(source, n, value);
      }
      default -> { }
    }
    return new Decoded.Unrelated("journal field " + key);
  }

  private Decoded message(String source, long n, String value) {
    Boolean kernel = kernelRecord();
    if (kernel == null) {
      heldMessage = value;
      heldLine = n;
      return new Decoded.Unrelated("journal MESSAGE before the entry says its transport (given with the entry's end)");
    }
    return kernel ? text(source, n, value) : new Decoded.Unrelated("journal record from " + who());
  }

  /** True for a kernel record, false for another program's, null while the entry has not said. */
  private Boolean kernelRecord() {
    if (transport != null) {
      return transport.equals("kernel");
    }
    if (ident != null) {
      return ident.equals("kernel");
    }
    return null;
  }

  private String who() {
    return transport != null && !transport.equals("kernel") && ident != null ? ident : transport;
  }

  private Decoded endOfEntry(String source) {
    Decoded d = new Decoded.Unrelated("end of journal entry");
    if (heldMessage != null) {
      Boolean kernel = kernelRecord();
      d = kernel == null || kernel ? text(source, heldLine, heldMessage)
          : new Decoded.Unrelated("end of a journal record from " + who());
    }
    transport = null;
    ident = null;
    monotonicUs = null;
    sourceMonotonicUs = null;
    wall = null;
    heldMessage = null;
    fieldsSeen = false;
    return d;
  }

  private Decoded text(String source, long n, String value) {
    Long us = sourceMonotonicUs != null ? sourceMonotonicUs : monotonicUs;
    return Decoded.kernel(new KernelLine(source, n, host + "/" + boot, us == null ? null : us / 1e6, wall, null,
        false, LineCleaner.clean(value).stripTrailing()));
  }
}
