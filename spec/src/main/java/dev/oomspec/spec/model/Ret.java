package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * An expected return value: either a negative errno spelled {@code -EINVAL} or a plain integer ({@code 0},
 * {@code 1}, {@code -1}).
 *
 * @param errno the errno when the value is {@code -E...}, else null
 * @param value the numeric value (for errnos: minus the Linux number)
 */
public record Ret(Errno errno, long value) {

  @JsonCreator
  public static Ret parse(String text) {
    String t = text.trim();
    if (t.startsWith("-E")) {
      Errno e = Errno.of(t.substring(1));
      return new Ret(e, -e.number());
    }
    try {
      return new Ret(null, Long.parseLong(t));
    } catch (NumberFormatException ex) {
      throw new IllegalArgumentException(
          "return value '" + text + "' is neither -E<errno> nor an integer");
    }
  }

  /** Plain integer values written without quotes in YAML. */
  @JsonCreator
  public static Ret of(long value) {
    return new Ret(null, value);
  }

  public boolean isError() {
    return errno != null;
  }

  @JsonValue
  @Override
  public String toString() {
    return errno != null ? "-" + errno.spelling() : Long.toString(value);
  }
}
