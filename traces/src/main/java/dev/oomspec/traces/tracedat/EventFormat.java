package dev.oomspec.traces.tracedat;

import java.util.List;

/**
 * One event format file ({@code events/<system>/<name>/format}) as stored in the .dat file.
 *
 * @param system       the event system ({@code oom}, {@code sched}, {@code ftrace})
 * @param name         the event name ({@code mark_victim})
 * @param id           the {@code ID:} the ring buffer records carry in {@code common_type}
 * @param commonFields the {@code common_*} fields
 * @param fields       the event's own fields, in format order
 * @param printFmt     the text after {@code print fmt:}
 */
public record EventFormat(
    String system, String name, int id, List<FieldFormat> commonFields, List<FieldFormat> fields, String printFmt) {

  public EventFormat {
    commonFields = List.copyOf(commonFields);
    fields = List.copyOf(fields);
  }

  FieldFormat common(String fieldName) {
    for (FieldFormat f : commonFields) {
      if (f.name().equals(fieldName)) {
        return f;
      }
    }
    return null;
  }
}
