package dev.oomspec.traces.tracedat;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Renders an event's own fields the way {@code trace-cmd report -R} does (libtraceevent {@code print_field} /
 * {@code print_field_raw}): strings up to their NUL, other arrays as {@code ARRAY[xx, yy]}, numbers with the
 * print-fmt conversion that names them ({@code REC->field}) or else raw (decimal; hex for {@code long} types
 * and pointers). Values are trimmed (C field widths such as {@code %2d} are not kept).
 */
final class FieldRenderer {

  private final EventFormat format;
  private final PrintFormat print;

  FieldRenderer(EventFormat format) {
    this.format = format;
    this.print = PrintFormat.parse(format.printFmt());
  }

  /** Thrown with a plain message; the caller adds file and offset. */
  static final class BadRecord extends Exception {
    private static final long serialVersionUID = 1L;

    BadRecord(String message) {
      super(message);
    }
  }

  Map<String, String> render(ByteBuffer data) throws BadRecord {
    Map<String, String> out = new LinkedHashMap<>();
    List<PrintFormat.Entry> entries = print.entries();
    int cursor = entries.isEmpty() ? -1 : 0; // libtraceevent's parse_ptr; -1 once it ran off the end
    for (FieldFormat f : format.fields()) {
      checkBounds(data, f.offset(), f.size(), f);
      String value = null;
      if (cursor >= 0 && !f.isArray()) {
        int found = find(entries, cursor, f.name());
        if (found >= 0) {
          PrintFormat.Entry e = entries.get(found);
          value = (hasHexPrefix(entries, cursor, found) ? "0x" : "") + Printf.number(e, read(data, f));
          cursor = found + 1 < entries.size() ? found + 1 : -1;
        }
      }
      out.put(f.name(), value != null ? value : raw(data, f));
    }
    return out;
  }

  /** The cyclic search of print_field: from the cursor, wrapping once, for a conversion on REC->name. */
  private static int find(List<PrintFormat.Entry> entries, int start, String name) {
    int n = entries.size();
    for (int k = 0; k < n; k++) {
      int i = (start + k) % n;
      PrintFormat.Entry e = entries.get(i);
      if (!e.isLiteral() && name.equals(e.fieldArg()) && e.conversion() != 's') {
        return i;
      }
    }
    return -1;
  }

  /** has_0x: the entry visited just before the match (in the same search) is a literal ending in "0x". */
  private static boolean hasHexPrefix(List<PrintFormat.Entry> entries, int start, int found) {
    if (found == start) {
      return false;
    }
    PrintFormat.Entry prev = entries.get((found - 1 + entries.size()) % entries.size());
    return prev.isLiteral() && prev.literal().length() > 1 && prev.literal().endsWith("0x");
  }

  private static void checkBounds(ByteBuffer data, int offset, int size, FieldFormat f) throws BadRecord {
    if (offset < 0 || size < 0 || offset + size > data.limit()) {
      throw new BadRecord("field " + f.name() + " at " + offset + "+" + size + " beyond the " + data.limit()
          + "-byte record");
    }
  }

  /** Unsigned read of 1/2/4/8 bytes (libtraceevent tep_read_number); other sizes give 0. */
  static long read(ByteBuffer data, FieldFormat f) {
    return readNumber(data, f.offset(), f.size());
  }

  static long readNumber(ByteBuffer data, int offset, int size) {
    return switch (size) {
      case 1 -> data.get(offset) & 0xffL;
      case 2 -> data.getShort(offset) & 0xffffL;
      case 4 -> data.getInt(offset) & 0xffffffffL;
      case 8 -> data.getLong(offset);
      default -> 0L;
    };
  }

  private static String raw(ByteBuffer data, FieldFormat f) throws BadRecord {
    if (f.isArray()) {
      int offset = f.offset();
      int len = f.size();
      if (f.isDynamic()) {
        long word = readNumber(data, f.offset(), f.size());
        offset = (int) (word & 0xffff);
        len = (int) ((word >>> 16) & 0xffff);
        if (f.isRelative()) {
          offset += f.offset() + f.size();
        }
        if (offset + len > data.limit()) {
          throw new BadRecord("dynamic field " + f.name() + " at " + offset + "+" + len + " beyond the "
              + data.limit() + "-byte record");
        }
      }
      if (f.isString() && printable(data, offset, len)) {
        int end = offset;
        while (end < offset + len && data.get(end) != 0) {
          end++;
        }
        byte[] b = new byte[end - offset];
        data.get(offset, b);
        return new String(b, StandardCharsets.ISO_8859_1);
      }
      StringBuilder sb = new StringBuilder("ARRAY[");
      for (int i = 0; i < len; i++) {
        if (i > 0) {
          sb.append(", ");
        }
        sb.append(String.format("%02x", data.get(offset + i) & 0xff));
      }
      return sb.append(']').toString();
    }
    long val = read(data, f);
    if (f.isPointer()) {
      return "0x" + Long.toHexString(val);
    }
    if (f.signed()) {
      return switch (f.size()) {
        case 4 -> f.isLong() ? "0x" + Integer.toHexString((int) val) : Integer.toString((int) val);
        case 2 -> Short.toString((short) val);
        case 1 -> Byte.toString((byte) val);
        default -> Long.toString(val);
      };
    }
    return f.isLong() ? "0x" + Long.toHexString(val) : Long.toUnsignedString(val);
  }

  /** libtraceevent is_printable_array: up to the first NUL, every byte isprint() or isspace(). */
  private static boolean printable(ByteBuffer data, int offset, int len) {
    for (int i = 0; i < len; i++) {
      int c = data.get(offset + i) & 0xff;
      if (c == 0) {
        return true;
      }
      boolean print = c >= 0x20 && c < 0x7f;
      boolean space = c == ' ' || (c >= 0x09 && c <= 0x0d);
      if (!print && !space) {
        return false;
      }
    }
    return true;
  }
}
