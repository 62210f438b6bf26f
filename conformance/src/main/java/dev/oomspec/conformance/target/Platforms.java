package dev.oomspec.conformance.target;

import dev.oomspec.spec.model.Platform;

/**
 * The kernel a clause's platform row is about. The architecture configuration reaches the model as the row's Kconfig
 * symbols ({@code Platform.kconfig()}), never as a value the row states.
 */
final class Platforms {
  private Platforms() {}

  /** The kernel the row is about: a pre-6.4 row ("<=6.3", "6.1-6.3", "6.1.20") runs on that kernel's profile. */
  static String kernel(Platform p) {
    String k = p.kernels() == null ? "" : p.kernels().trim();
    if (k.startsWith("<=")) return k.substring(2).trim();
    if (k.matches("\\d+\\.\\d+(\\.\\d+)?")) return k;
    if (k.matches("\\d+\\.\\d+-\\d+\\.\\d+")) return k.substring(k.indexOf('-') + 1); // "6.1-6.3": its last kernel
    return "6.18.0";
  }
}
