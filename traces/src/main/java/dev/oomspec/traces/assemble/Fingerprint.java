package dev.oomspec.traces.assemble;

import java.lang.reflect.RecordComponent;
import java.util.Collection;
import java.util.Map;

/**
 * An unambiguous text of an assembler's state (strings length-prefixed, null distinct from "null", records by
 * their components), so that two states can be compared after both have moved on: the parallel reader compares
 * the state a chunk ended in with the state the next chunk's worker reached at the same line.
 */
final class Fingerprint {
  private final StringBuilder b = new StringBuilder(1024);

  Fingerprint add(String label, Object v) {
    b.append(label).append('=');
    value(v);
    b.append(';');
    return this;
  }

  private void value(Object v) {
    if (v == null) {
      b.append('~');
    } else if (v instanceof String s) {
      b.append(s.length()).append(':').append(s);
    } else if (v instanceof Map<?, ?> m) {
      b.append('{');
      for (Map.Entry<?, ?> e : m.entrySet()) {
        value(e.getKey());
        b.append('>');
        value(e.getValue());
        b.append(',');
      }
      b.append('}');
    } else if (v instanceof Collection<?> c) {
      b.append('[');
      for (Object o : c) {
        value(o);
        b.append(',');
      }
      b.append(']');
    } else if (v.getClass().isRecord()) {
      b.append(v.getClass().getSimpleName()).append('(');
      for (RecordComponent rc : v.getClass().getRecordComponents()) {
        try {
          value(rc.getAccessor().invoke(v));
        } catch (ReflectiveOperationException e) {
          throw new IllegalStateException(e);
        }
        b.append(',');
      }
      b.append(')');
    } else if (v instanceof Enum<?> e) {
      b.append(e.name());
    } else {
      b.append(v); // numbers, booleans
    }
  }

  @Override
  public String toString() {
    return b.toString();
  }
}
