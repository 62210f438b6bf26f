package dev.oomspec.reference.mm;

import java.util.List;

/** gfp_t bits of 6.x (include/linux/gfp_types.h) and the %pGg printer (lib/vsprintf.c format_flags). */
public final class Gfp {
    private Gfp() {}

    public static final int __GFP_HIGHMEM = 0x02, __GFP_MOVABLE = 0x08, __GFP_IO = 0x40, __GFP_FS = 0x80,
            __GFP_DIRECT_RECLAIM = 0x400, __GFP_KSWAPD_RECLAIM = 0x800, __GFP_COMP = 0x40000,
            __GFP_THISNODE = 0x200000, __GFP_HARDWALL = 0x100000, __GFP_ACCOUNT = 0x400000;
    public static final int __GFP_RECLAIM = __GFP_DIRECT_RECLAIM | __GFP_KSWAPD_RECLAIM;
    public static final int GFP_KERNEL = __GFP_RECLAIM | __GFP_IO | __GFP_FS; // 0xcc0
    public static final int GFP_NOFS = __GFP_RECLAIM | __GFP_IO;
    public static final int GFP_USER = GFP_KERNEL | __GFP_HARDWALL;
    public static final int GFP_HIGHUSER = GFP_USER | __GFP_HIGHMEM;
    public static final int GFP_HIGHUSER_MOVABLE = GFP_HIGHUSER | __GFP_MOVABLE; // 0x100cca

    private record Name(int mask, String name) {}

    // composite names first, as in include/trace/events/mmflags.h __def_gfpflag_names
    private static final List<Name> NAMES = List.of(
            new Name(GFP_HIGHUSER_MOVABLE, "GFP_HIGHUSER_MOVABLE"), new Name(GFP_HIGHUSER, "GFP_HIGHUSER"),
            new Name(GFP_USER, "GFP_USER"), new Name(GFP_KERNEL, "GFP_KERNEL"), new Name(GFP_NOFS, "GFP_NOFS"),
            new Name(__GFP_HIGHMEM, "__GFP_HIGHMEM"), new Name(__GFP_MOVABLE, "__GFP_MOVABLE"),
            new Name(__GFP_IO, "__GFP_IO"), new Name(__GFP_FS, "__GFP_FS"), new Name(__GFP_COMP, "__GFP_COMP"),
            new Name(__GFP_HARDWALL, "__GFP_HARDWALL"), new Name(__GFP_THISNODE, "__GFP_THISNODE"),
            new Name(__GFP_ACCOUNT, "__GFP_ACCOUNT"), new Name(__GFP_RECLAIM, "__GFP_RECLAIM"),
            new Name(__GFP_DIRECT_RECLAIM, "__GFP_DIRECT_RECLAIM"),
            new Name(__GFP_KSWAPD_RECLAIM, "__GFP_KSWAPD_RECLAIM"));

    /** {@code %#x(%pGg)}: e.g. {@code 0xcc0(GFP_KERNEL)}, {@code 0x0()}. */
    public static String format(int gfp) {
        StringBuilder sb = new StringBuilder(gfp == 0 ? "0x0" : "0x" + Integer.toHexString(gfp)).append('(');
        int rest = gfp;
        boolean first = true;
        for (Name n : NAMES) {
            if (rest != 0 && (rest & n.mask) == n.mask) {
                if (!first) sb.append('|');
                sb.append(n.name); rest &= ~n.mask; first = false;
            }
        }
        if (rest != 0) sb.append(first ? "" : "|").append("0x").append(Integer.toHexString(rest));
        return sb.append(')').toString();
    }
}
