package dev.oomspec.reference.mm;

import dev.oomspec.reference.profile.Formats;
import dev.oomspec.reference.profile.KernelProfile;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;

/**
 * The largest buddy order of an architecture configuration: include/linux/mmzone.h takes
 * CONFIG_ARCH_FORCE_MAX_ORDER when the architecture defines it, else the generic default; since 6.4 (23baf831a32c,
 * "mm, treewide: redefine MAX_ORDER sanely") the value is inclusive (MAX_ORDER, renamed MAX_PAGE_ORDER in 6.8),
 * before it was exclusive and one higher. Every value below is transcribed from that patch's arch/ and mmzone.h
 * hunks as posted (Kirill A. Shutemov, Message-ID 20230315113133.11326-11-kirill.shutemov@linux.intel.com): the
 * post-6.4 defaults; the pre-6.4 ones are each one higher.
 */
public final class MaxPageOrder {
    private MaxPageOrder() {}

    /** include/linux/mmzone.h: #ifndef CONFIG_ARCH_FORCE_MAX_ORDER #define MAX_ORDER 10 (6.4+; 11 before). */
    public static final int GENERIC_DEFAULT = 10;

    /**
     * arch/{arch}/Kconfig {@code config ARCH_FORCE_MAX_ORDER}: the first {@code default} whose condition holds for the
     * Kconfig symbols in {@code config} (a symbol prefixed with '!' is off), as of 6.4; empty when the architecture
     * has no such option (x86, riscv, s390, …) and mmzone.h's generic default applies.
     */
    public static OptionalInt archForceMaxOrder(String arch, Set<String> config) {
        return switch (arch.toLowerCase(Locale.ROOT)) {
            // arch/arc/Kconfig
            case "arc" -> OptionalInt.of(config.contains("ARC_HUGEPAGE_16M") ? 11 : 10);
            // arch/arm/Kconfig
            case "arm" -> OptionalInt.of(config.contains("SOC_AM33XX") ? 11 : config.contains("SA1111") ? 8 : 10);
            // arch/arm64/Kconfig
            case "arm64" -> OptionalInt.of(config.contains("ARM64_64K_PAGES") ? 13 : config.contains("ARM64_16K_PAGES") ? 11 : 10);
            // arch/csky/Kconfig (dropped later; same as the generic default)
            case "csky" -> OptionalInt.of(10);
            // arch/ia64/Kconfig (removed with ia64 in 6.7)
            case "ia64" -> OptionalInt.of(config.contains("HUGETLB_PAGE") ? 16 : 10);
            // arch/loongarch/Kconfig
            case "loongarch" -> OptionalInt.of(config.contains("PAGE_SIZE_64KB") ? 13 : config.contains("PAGE_SIZE_16KB") ? 11 : 10);
            // arch/m68k/Kconfig.cpu (depends on !SINGLE_MEMORY_CHUNK)
            case "m68k" -> config.contains("SINGLE_MEMORY_CHUNK") ? OptionalInt.empty() : OptionalInt.of(10);
            // arch/mips/Kconfig
            case "mips" -> {
                boolean huge = config.contains("MIPS_HUGE_TLB_SUPPORT");
                if (huge && config.contains("PAGE_SIZE_64KB")) yield OptionalInt.of(13);
                if (huge && config.contains("PAGE_SIZE_32KB")) yield OptionalInt.of(12);
                if (huge && config.contains("PAGE_SIZE_16KB")) yield OptionalInt.of(11);
                yield OptionalInt.of(10);
            }
            // arch/nios2/Kconfig
            case "nios2" -> OptionalInt.of(10);
            // arch/powerpc/Kconfig
            case "powerpc" -> {
                boolean ppc64 = config.contains("PPC64"), ppc32 = config.contains("PPC32");
                if (ppc64 && config.contains("PPC_64K_PAGES")) yield OptionalInt.of(8);
                if (ppc64) yield OptionalInt.of(12);
                if (ppc32 && config.contains("PPC_16K_PAGES")) yield OptionalInt.of(8);
                if (ppc32 && config.contains("PPC_64K_PAGES")) yield OptionalInt.of(6);
                if (ppc32 && config.contains("PPC_256K_PAGES")) yield OptionalInt.of(4);
                yield OptionalInt.of(10);
            }
            // arch/sh/mm/Kconfig
            case "sh" -> OptionalInt.of(config.contains("PAGE_SIZE_16KB") ? 8 : config.contains("PAGE_SIZE_64KB") ? 6
                    : config.contains("!MMU") ? 13 : 10);
            // arch/sparc/Kconfig
            case "sparc" -> OptionalInt.of(12);
            // arch/xtensa/Kconfig
            case "xtensa" -> OptionalInt.of(10);
            default -> OptionalInt.empty();
        };
    }

    /** The largest order the buddy allocator accepts on this configuration, for the profile's meaning of MAX_ORDER. */
    public static int largestValidOrder(String arch, Set<String> config, KernelProfile profile) {
        int inclusive = archForceMaxOrder(arch, config).orElse(GENERIC_DEFAULT);
        if (profile.maxOrder() == Formats.MaxOrder.INCLUSIVE_MAX_PAGE_ORDER) return inclusive;
        int exclusive = inclusive + 1; // pre-6.4 Kconfig values and mmzone.h's 11 are one higher
        return exclusive - 1;          // orders 0 .. MAX_ORDER - 1
    }

    /** As above with the Kconfig symbols separated by spaces, commas or '+' ("PPC64 + PPC_64K_PAGES"). */
    public static int largestValidOrder(String arch, String config, KernelProfile profile) {
        return largestValidOrder(arch, new java.util.HashSet<>(java.util.Arrays.asList(config.trim().isEmpty() ? new String[0] : config.trim().split("[\\s,+]+"))), profile);
    }
}
