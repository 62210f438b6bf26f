package dev.oomspec.conformance.target;

import dev.oomspec.spec.model.Platform;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Translates a clause's architecture configuration (its words: "ARM64_16K_PAGES", "huge TLB + 16 KB pages",
 * "PPC32 + 64K pages", "!MMU", "any") into the Kconfig symbols the model's transcription of arch Kconfig tests. Only
 * the arch and the config words are used — never a value the clause states.
 */
final class Platforms {
  private Platforms() {}

  private static final Pattern SYMBOL = Pattern.compile("!?[A-Z][A-Z0-9_]{2,}");
  private static final Pattern PAGE_SIZE = Pattern.compile("(\\d+)\\s*K(?:B)?\\s*pages", Pattern.CASE_INSENSITIVE);

  static Set<String> kconfig(String arch, String config) {
    Set<String> out = new LinkedHashSet<>();
    if (config == null) return out;
    Matcher m = SYMBOL.matcher(config);
    while (m.find()) out.add(m.group());
    Matcher p = PAGE_SIZE.matcher(config);
    String a = arch.toLowerCase(Locale.ROOT);
    while (p.find()) {
      String k = p.group(1);
      switch (a) {
        case "arm64" -> out.add("ARM64_" + k + "K_PAGES");
        case "powerpc" -> out.add("PPC_" + k + "K_PAGES");
        default -> out.add("PAGE_SIZE_" + k + "KB");
      }
    }
    if (config.toLowerCase(Locale.ROOT).contains("huge tlb")) out.add("MIPS_HUGE_TLB_SUPPORT");
    return out;
  }

  /** The kernel the row is about: a pre-6.4 row ("<=6.3", "6.1.20") runs on that kernel's profile. */
  static String kernel(Platform p) {
    String k = p.kernels() == null ? "" : p.kernels().trim();
    if (k.startsWith("<=")) return k.substring(2).trim();
    if (k.matches("\\d+\\.\\d+(\\.\\d+)?")) return k;
    return "6.18.0";
  }
}
