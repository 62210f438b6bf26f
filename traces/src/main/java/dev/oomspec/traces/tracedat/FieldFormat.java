package dev.oomspec.traces.tracedat;

/**
 * One {@code field:} line of an event format file, e.g.
 * {@code field:__data_loc char[] comm;	offset:12;	size:4;	signed:0;}.
 *
 * @param type     the declared type without the name ({@code __data_loc char[]}, {@code char[16]}, {@code int})
 * @param name     the field name ({@code comm})
 * @param offset   byte offset inside the event record
 * @param size     byte size inside the record (for {@code __data_loc}: 4, the packed offset/length word)
 * @param signed   the {@code signed:} flag
 * @param arrayLen fixed array length, 0 when not a fixed array
 */
public record FieldFormat(String type, String name, int offset, int size, boolean signed, int arrayLen) {

  /** {@code __data_loc} (offset from record start) or {@code __rel_loc} (offset from the field's end). */
  public boolean isDynamic() {
    return type.startsWith("__data_loc") || isRelative();
  }

  public boolean isRelative() {
    return type.startsWith("__rel_loc");
  }

  public boolean isArray() {
    return type.contains("[");
  }

  /** libtraceevent's "string": a char/u8/s8 array (fixed or dynamic). */
  public boolean isString() {
    return isArray() && (type.contains("char") || type.contains("u8") || type.contains("s8"));
  }

  /** libtraceevent's TEP_FIELD_IS_LONG: the type mentions {@code long}. */
  public boolean isLong() {
    return type.contains("long");
  }

  public boolean isPointer() {
    return type.endsWith("*");
  }
}
