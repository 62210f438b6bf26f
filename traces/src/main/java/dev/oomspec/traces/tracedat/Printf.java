package dev.oomspec.traces.tracedat;

/**
 * The integer conversions of C printf as libtraceevent's {@code print_arg_number} applies them: the field's value
 * (read unsigned) is cast to the length modifier's C type ({@code hh}, {@code h}, none, {@code l}, {@code ll};
 * {@code long} is 64-bit here), then printed with the conversion, flags, width and precision.
 */
final class Printf {

  private Printf() {
  }

  static String number(PrintFormat.Entry e, long raw) {
    char conv = e.conversion();
    if (conv == 'p') {
      return raw == 0 ? "(nil)" : "0x" + Long.toHexString(raw);
    }
    boolean signedConv = conv == 'd' || conv == 'i';
    long v = switch (Math.max(-2, Math.min(2, e.lengthModifier()))) {
      case -2 -> signedConv ? (byte) raw : raw & 0xffL;
      case -1 -> signedConv ? (short) raw : raw & 0xffffL;
      case 0 -> signedConv ? (int) raw : raw & 0xffffffffL;
      default -> raw;
    };
    String spec = e.spec();
    boolean alt = false;
    boolean zero = false;
    boolean plus = false;
    boolean left = false;
    int i = 1;
    for (; i < spec.length() && "#0-+ ".indexOf(spec.charAt(i)) >= 0; i++) {
      switch (spec.charAt(i)) {
        case '#' -> alt = true;
        case '0' -> zero = true;
        case '-' -> left = true;
        case '+' -> plus = true;
        default -> { }
      }
    }
    int width = 0;
    while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
      width = width * 10 + (spec.charAt(i++) - '0');
    }
    int precision = -1;
    if (i < spec.length() && spec.charAt(i) == '.') {
      i++;
      precision = 0;
      while (i < spec.length() && Character.isDigit(spec.charAt(i))) {
        precision = precision * 10 + (spec.charAt(i++) - '0');
      }
    }
    boolean negative = signedConv && v < 0;
    String digits = switch (conv) {
      case 'd', 'i' -> Long.toString(Math.abs(v)).replace("-", "");
      case 'u' -> Long.toUnsignedString(v);
      case 'x' -> Long.toHexString(v);
      case 'X' -> Long.toHexString(v).toUpperCase(java.util.Locale.ROOT);
      case 'o' -> Long.toOctalString(v);
      case 'c' -> String.valueOf((char) (v & 0xff));
      default -> Long.toString(v);
    };
    if (signedConv && v == Long.MIN_VALUE) {
      digits = "9223372036854775808";
    }
    if (precision >= 0 && conv != 'c') {
      StringBuilder d = new StringBuilder(digits);
      while (d.length() < precision) {
        d.insert(0, '0');
      }
      digits = d.toString();
    }
    String prefix = negative ? "-" : plus && signedConv ? "+" : "";
    if (alt && v != 0 && (conv == 'x' || conv == 'X')) {
      prefix += conv == 'x' ? "0x" : "0X";
    }
    StringBuilder out = new StringBuilder(digits);
    if (zero && !left && precision < 0) {
      while (out.length() + prefix.length() < width) {
        out.insert(0, '0');
      }
    }
    out.insert(0, prefix);
    // Width padding with spaces is dropped: values are stored trimmed.
    return out.toString();
  }
}
