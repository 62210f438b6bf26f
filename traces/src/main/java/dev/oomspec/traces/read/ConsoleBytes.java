package dev.oomspec.traces.read;

/** {@link ConsoleReader}'s fast path: bare kernel text, indented lines kept as continuations. */
final class ConsoleBytes implements ByteDecoder {

  @Override
  public boolean decode(ByteLine line, int from, KernelCursor out) {
    byte[] b = line.bytes();
    int to = line.to();
    long n = line.number();
    if (DmesgBytes.blank(b, from, to)) {
      return false; // "blank line"
    }
    boolean indented = b[from] == ' ' || b[from] == '\t';
    return DmesgBytes.kernel(b, from, to, out, n, Double.NaN, indented, indented);
  }
}
