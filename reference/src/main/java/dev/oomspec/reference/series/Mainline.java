package dev.oomspec.reference.series;

import dev.oomspec.reference.bpf.Btf;
import dev.oomspec.reference.bpf.KfuncSet;
import dev.oomspec.reference.uapi.BpfProgType;

/** Kfunc sets of other subsystems that share a hook with the series' sets (their filters meet each other's kfuncs). */
public final class Mainline {
    private Mainline() {}

    // net/ipv4/bpf_tcp_ca.c:bpf_tcp_ca_kfunc_set / bpf_tcp_ca_kfunc_init (mainline): STRUCT_OPS hook, no filter
    public static void registerTcpCaKfuncs(Btf btf) {
        btf.registerBtfKfuncIdSet(BpfProgType.STRUCT_OPS, KfuncSet.start("bpf_tcp_ca_check_kfunc_ids")
                .idFlags("tcp_reno_ssthresh", 0).idFlags("tcp_reno_cong_avoid", 0).idFlags("tcp_reno_undo_cwnd", 0)
                .idFlags("tcp_slow_start", 0).idFlags("tcp_cong_avoid_ai", 0).end());
    }
}
