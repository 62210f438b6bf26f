package dev.oomspec.reference.series;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.mm.World;

/**
 * What the series' code runs against: the machine ({@code mm/}), vmlinux's kfunc tables, and the build
 * configuration it depends on — MAX_PAGE_ORDER of the architecture and CONFIG_PSI.
 */
public record Boot(World world, Btf btf, int maxPageOrder, boolean configPsi) {}
