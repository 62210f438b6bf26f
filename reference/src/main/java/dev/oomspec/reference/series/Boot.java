package dev.oomspec.reference.series;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.mm.World;

/**
 * What the series' code runs against: the machine ({@code mm/}), vmlinux's kfunc tables, and the build
 * configuration it depends on — MAX_PAGE_ORDER of the architecture and CONFIG_PSI.
 */
public record Boot(World world, Btf btf, int maxPageOrder, boolean configPsi) {
    /** The same boot on the btf.c of the tree a revision was posted against (before any kfunc set is registered). */
    public Boot onTree(Btf.Tree tree) {
        if (!btf.empty()) throw new IllegalStateException("kfunc sets already registered on " + btf.tree());
        return tree == btf.tree() ? this : new Boot(world, new Btf(tree), maxPageOrder, configPsi);
    }
}
