package dev.oomspec.traces.read;

/**
 * Bare kernel text with no prefix at all (console capture, text extracted from a journal, a commit message).
 * Indented lines are kept as continuations; the assembler reads text regardless of indentation.
 */
public final class ConsoleReader implements LogReader {

  @Override
  public String name() {
    return "console";
  }

  @Override
  public int sniff(String line) {
    return line.contains(" invoked oom-killer") || line.startsWith("oom-kill:") ? 1 : 0;
  }

  @Override
  public Decoded decode(String source, long n, String line) {
    if (line.isBlank()) {
      return new Decoded.Unrelated("blank line");
    }
    boolean indented = line.charAt(0) == ' ' || line.charAt(0) == '\t';
    return Decoded.kernel(new KernelLine(source, n, "", null, null, null, indented, line.stripTrailing()));
  }

  @Override
  public ByteDecoder bytes() {
    return new ConsoleBytes();
  }
}
