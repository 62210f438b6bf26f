package dev.oomspec.spec.model;

/** Helper for the closed vocabularies: enums with a fixed spelling in the data files. */
public final class Vocab {
  private Vocab() {}

  /** An enum constant with its data-file spelling. */
  public interface Spelled {
    String spelling();
  }

  static <E extends Enum<E> & Spelled> E parse(Class<E> type, String text) {
    for (E e : type.getEnumConstants()) {
      if (e.spelling().equals(text)) {
        return e;
      }
    }
    StringBuilder known = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      if (known.length() > 0) {
        known.append(", ");
      }
      known.append(e.spelling());
    }
    throw new IllegalArgumentException(
        "unknown " + type.getSimpleName() + " '" + text + "' (known: " + known + ")");
  }
}
