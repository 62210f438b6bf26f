package dev.oomspec.reference.bpf;

import dev.oomspec.reference.uapi.BpfProgType;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * vmlinux's {@code btf->kfunc_set_tab}: per kfunc hook, the union of the registered sets (kfunc → flags) and the
 * filters registered with them. Transcribed from kernel/bpf/btf.c at teawater/linux d37483fab9ba (a 2026 tree that
 * carries the series' v3 as its base); functions in the file's order, callees first.
 */
public final class Btf {
    /** Which mainline kernel/bpf/btf.c a revision of the series was posted against: their kfunc hooks differ. */
    public enum Tree {
        /**
         * bpf-next before 22 Dec 2025 (the RFC, v1 and v2 bases): bpf_prog_type_to_kfunc_hook() has no case for
         * BPF_PROG_TYPE_RAW_TRACEPOINT, so a raw_tp program reaches BTF_KFUNC_HOOK_MAX and sees no kfunc at all.
         */
        BEFORE_RAW_TP_KFUNCS,
        /**
         * From "bpf: allow calling kfuncs from raw_tp programs" (Message-ID
         * {@code <20251222133250.1890587-2-puranjay@kernel.org>}): RAW_TRACEPOINT joins the TRACING hook; d37483fa.
         */
        RAW_TP_KFUNCS
    }

    private final Tree tree;
    private final Map<KfuncHook, Map<String, Integer>> sets = new EnumMap<>(KfuncHook.class);
    private final Map<KfuncHook, List<KfuncSet.Filter>> hookFilters = new EnumMap<>(KfuncHook.class);

    /** The btf.c of d37483fa (the v3 base and later). */
    public Btf() { this(Tree.RAW_TP_KFUNCS); }

    public Btf(Tree tree) { this.tree = tree; }

    public Tree tree() { return tree; }

    /** No kfunc set registered yet (a revision may still choose its tree). */
    public boolean empty() { return sets.isEmpty(); }

    // kernel/bpf/btf.c:btf_populate_kfunc_set@d37483fa — vmlinux sets of one hook are concatenated; a filter already
    // registered for the hook is not added twice
    private int btfPopulateKfuncSet(KfuncHook hook, KfuncSet kset) {
        if (hook == KfuncHook.MAX) return -22; // -EINVAL
        if (kset.ids().isEmpty()) return 0;
        boolean addFilter = kset.filter() != null;
        List<KfuncSet.Filter> filters = hookFilters.computeIfAbsent(hook, h -> new ArrayList<>());
        if (addFilter && filters.contains(kset.filter())) addFilter = false;
        sets.computeIfAbsent(hook, h -> new LinkedHashMap<>()).putAll(kset.ids());
        if (addFilter) filters.add(kset.filter());
        return 0;
    }

    // kernel/bpf/btf.c:btf_kfunc_id_set_contains@d37483fa — the kfunc's flags in the hook's set, or null
    private Integer btfKfuncIdSetContains(KfuncHook hook, String kfunc) {
        if (hook == KfuncHook.MAX) return null;
        Map<String, Integer> set = sets.get(hook);
        if (set == null) return null;
        return set.get(kfunc);
    }

    // kernel/bpf/btf.c:__btf_kfunc_is_allowed@d37483fa — every filter of the hook runs, for every kfunc looked up in it
    private boolean btfKfuncIsAllowedInHook(KfuncHook hook, String kfunc, BpfProg prog) {
        if (hook == KfuncHook.MAX) return false;
        for (KfuncSet.Filter f : hookFilters.getOrDefault(hook, List.of()))
            if (f.filter(prog, kfunc) != 0) return false;
        return true;
    }

    // kernel/bpf/btf.c:bpf_prog_type_to_kfunc_hook@d37483fa; before the raw_tp patch (Tree) RAW_TRACEPOINT had no case
    public KfuncHook bpfProgTypeToKfuncHook(BpfProgType progType) {
        if (progType == BpfProgType.RAW_TRACEPOINT && tree == Tree.BEFORE_RAW_TP_KFUNCS) return KfuncHook.MAX;
        return switch (progType) {
            case UNSPEC -> KfuncHook.COMMON;
            case XDP -> KfuncHook.XDP;
            case SCHED_CLS -> KfuncHook.TC;
            case STRUCT_OPS -> KfuncHook.STRUCT_OPS;
            case TRACING, TRACEPOINT, RAW_TRACEPOINT, PERF_EVENT, LSM -> KfuncHook.TRACING;
            case SYSCALL -> KfuncHook.SYSCALL;
            case CGROUP_SKB, CGROUP_SOCK, CGROUP_DEVICE, CGROUP_SOCK_ADDR, CGROUP_SOCKOPT, CGROUP_SYSCTL, SOCK_OPS ->
                    KfuncHook.CGROUP;
            case SCHED_ACT -> KfuncHook.SCHED_ACT;
            case SK_SKB -> KfuncHook.SK_SKB;
            case SOCKET_FILTER -> KfuncHook.SOCKET_FILTER;
            case LWT_OUT, LWT_IN, LWT_XMIT, LWT_SEG6LOCAL -> KfuncHook.LWT;
            case NETFILTER -> KfuncHook.NETFILTER;
            case KPROBE -> KfuncHook.KPROBE;
            default -> KfuncHook.MAX;
        };
    }

    // kernel/bpf/btf.c:btf_kfunc_is_allowed@d37483fa — COMMON first, then the program type's hook
    public boolean btfKfuncIsAllowed(String kfunc, BpfProg prog) {
        BpfProgType progType = prog.resolveProgType();
        Integer flags = btfKfuncIdSetContains(KfuncHook.COMMON, kfunc);
        if (flags != null && btfKfuncIsAllowedInHook(KfuncHook.COMMON, kfunc, prog)) return true;
        KfuncHook hook = bpfProgTypeToKfuncHook(progType);
        flags = btfKfuncIdSetContains(hook, kfunc);
        return flags != null && btfKfuncIsAllowedInHook(hook, kfunc, prog);
    }

    // kernel/bpf/btf.c:btf_kfunc_flags@d37483fa — the flags a program sees (no filters), null = not in its hooks
    public Integer btfKfuncFlags(String kfunc, BpfProg prog) {
        Integer flags = btfKfuncIdSetContains(KfuncHook.COMMON, kfunc);
        if (flags != null) return flags;
        return btfKfuncIdSetContains(bpfProgTypeToKfuncHook(prog.resolveProgType()), kfunc);
    }

    // kernel/bpf/btf.c:register_btf_kfunc_id_set@d37483fa
    public int registerBtfKfuncIdSet(BpfProgType progType, KfuncSet kset) {
        return btfPopulateKfuncSet(bpfProgTypeToKfuncHook(progType), kset);
    }

    // kernel/bpf/btf.c:register_btf_fmodret_id_set@d37483fa
    public int registerBtfFmodretIdSet(KfuncSet kset) {
        return btfPopulateKfuncSet(KfuncHook.FMODRET, kset);
    }
}
