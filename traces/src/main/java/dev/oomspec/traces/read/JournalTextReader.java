package dev.oomspec.traces.read;

/**
 * {@code journalctl} text output (short, short-iso, short-precise):
 * {@code Feb 03 19:57:08 host kernel: text}, banners ({@code -- Logs begin at … --}, {@code -- Boot … --}),
 * and continuation lines of multi-line records indented to the prefix width. The host is the stream key.
 * Lines published with only the identifier ({@code kernel: text}, date and host removed) are read too.
 */
public final class JournalTextReader implements LogReader {

  private final SyslogKernelText text = new SyslogKernelText();

  @Override
  public String name() {
    return "journal";
  }

  @Override
  public int sniff(String line) {
    int s = SyslogKernelText.sniff(line);
    return s == 3 ? 4 : s == 4 ? 2 : s == 0 ? 0 : 1;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    return text.decode(source, n, line);
  }

  @Override
  public String carried() {
    return text.carried();
  }
}
