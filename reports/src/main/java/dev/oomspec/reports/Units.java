package dev.oomspec.reports;

import java.util.Locale;

/** Sizes for people: kB as the kernel prints them, with a binary-unit reading beside large ones. */
final class Units {
  private Units() {}

  static String kb(long kb) {
    if (kb < 10_240) {
      return String.format(Locale.ROOT, "%,d kB", kb);
    }
    return String.format(Locale.ROOT, "%,d kB (%s)", kb, human(kb * 1024));
  }

  static String pages(long pages, int pageKb) {
    return human(pages * pageKb * 1024L);
  }

  static String human(long bytes) {
    if (bytes < 0 || bytes >= (1L << 60)) {
      return "unlimited";
    }
    if (bytes == 0) {
      return "0";
    }
    if (bytes < 1024L * 1024) {
      return String.format(Locale.ROOT, "%.1f KiB", bytes / 1024.0);
    }
    if (bytes < 1024L * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.1f MiB", bytes / (1024.0 * 1024));
    }
    if (bytes < 1024L * 1024 * 1024 * 1024) {
      return String.format(Locale.ROOT, "%.2f GiB", bytes / (1024.0 * 1024 * 1024));
    }
    return String.format(Locale.ROOT, "%.2f TiB", bytes / (1024.0 * 1024 * 1024 * 1024));
  }
}
