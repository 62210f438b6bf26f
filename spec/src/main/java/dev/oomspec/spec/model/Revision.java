package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.stream.Collectors;

/** A revision of the series (docs/series.md). */
public enum Revision {
  RFC("RFC"),
  V1("v1"),
  V2("v2"),
  V3("v3"),
  /** Post-v3 work in progress in the author's tree (never posted). */
  POST("post");

  private final String displayName;

  Revision(String displayName) {
    this.displayName = displayName;
  }

  @JsonValue
  public String displayName() {
    return displayName;
  }

  /** Strict lookup by display name ("RFC", "v1", "v2", "v3", "post"). */
  @JsonCreator
  public static Revision of(String name) {
    for (Revision r : values()) {
      if (r.displayName.equals(name)) {
        return r;
      }
    }
    throw new IllegalArgumentException(
        "unknown revision '" + name + "' (known: "
            + Arrays.stream(values()).map(Revision::displayName).collect(Collectors.joining(", "))
            + ")");
  }

  @Override
  public String toString() {
    return displayName;
  }
}
