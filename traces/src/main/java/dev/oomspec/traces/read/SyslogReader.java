package dev.oomspec.traces.read;

/**
 * Syslog files ({@code /var/log/messages}, {@code kern.log}, rsyslog):
 * {@code Dec  8 01:56:31 host kernel: [106464.880260] text}, with or without the kernel timestamp, ISO dates,
 * blank hosts and viewer line numbers. Each line of a multi-line kernel record repeats the prefix. Lines from
 * other programs are unrelated; the host is the stream key.
 */
public final class SyslogReader implements LogReader {

  private final SyslogKernelText text = new SyslogKernelText();

  @Override
  public String name() {
    return "syslog";
  }

  @Override
  public int sniff(String line) {
    int s = SyslogKernelText.sniff(line);
    return s == 3 || s == 4 ? 0 : s;
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
