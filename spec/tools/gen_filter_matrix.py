#!/usr/bin/env python3
"""Writes src/main/resources/dev/oomspec/spec/tables/filter-matrix.csv.

The committed CSV is the data; this script is how it was typed: it encodes the tables of
bpf-oom-series.md §5 (one function per revision's registration + filter) and the kernel's
enum bpf_prog_type, and writes one row per (revision, program type, attach target, call-site
sleepability, kfunc). Re-run after editing: python3 spec/tools/gen_filter_matrix.py
"""
import csv, os, sys

PROG_TYPES = ["UNSPEC", "SOCKET_FILTER", "KPROBE", "SCHED_CLS", "SCHED_ACT", "TRACEPOINT", "XDP",
    "PERF_EVENT", "CGROUP_SKB", "CGROUP_SOCK", "LWT_IN", "LWT_OUT", "LWT_XMIT", "SOCK_OPS",
    "SK_SKB", "CGROUP_DEVICE", "SK_MSG", "RAW_TRACEPOINT", "CGROUP_SOCK_ADDR", "LWT_SEG6LOCAL",
    "LIRC_MODE2", "SK_REUSEPORT", "FLOW_DISSECTOR", "CGROUP_SYSCTL", "RAW_TRACEPOINT_WRITABLE",
    "CGROUP_SOCKOPT", "TRACING", "STRUCT_OPS", "EXT", "LSM", "SK_LOOKUP", "SYSCALL", "NETFILTER"]
TRACING_HOOK = {"TRACING", "TRACEPOINT", "RAW_TRACEPOINT", "PERF_EVENT", "LSM"}  # §3 hook mapping
REVS = ["RFC", "v1", "v2", "v3", "post"]
MEMCG_RFC = ["bpf_get_mem_cgroup", "bpf_put_mem_cgroup", "bpf_get_root_mem_cgroup", "bpf_mem_cgroup_events",
    "bpf_mem_cgroup_usage", "bpf_mem_cgroup_page_state", "bpf_mem_cgroup_flush_stats"]
MEMCG_V1 = ["bpf_get_mem_cgroup", "bpf_put_mem_cgroup", "bpf_get_root_mem_cgroup"]
MEMCG_V2 = ["bpf_get_mem_cgroup", "bpf_put_mem_cgroup", "bpf_get_root_mem_cgroup", "bpf_mem_cgroup_vm_events",
    "bpf_mem_cgroup_memory_events", "bpf_mem_cgroup_usage", "bpf_mem_cgroup_page_state", "bpf_mem_cgroup_flush_stats"]
# tcp_slow_start is not a kfunc of the series: it stands for every kfunc another subsystem registers for the
# STRUCT_OPS hook (net/ipv4/bpf_tcp_ca.c, no filter of its own), the witness for §10 R-19.
OTHER = ["tcp_slow_start"]
KFUNCS = {
    "RFC": ["bpf_oom_kill_process", "bpf_out_of_memory"] + MEMCG_RFC + OTHER,
    "v1": ["bpf_oom_kill_process", "bpf_out_of_memory", "bpf_task_is_oom_victim", "bpf_psi_create_trigger"] + MEMCG_V1 + OTHER,
    "v2": ["bpf_oom_kill_process", "bpf_out_of_memory", "bpf_task_is_oom_victim", "bpf_psi_create_trigger"] + MEMCG_V2 + OTHER,
    "v3": ["bpf_oom_kill_process", "bpf_out_of_memory", "bpf_task_is_oom_victim"] + MEMCG_V2 + OTHER,
    "post": ["bpf_oom_kill_process", "bpf_out_of_memory", "bpf_task_is_oom_victim"] + MEMCG_V2 + OTHER,
}

def sleepable_kfunc(rev, k):
    if k in ("bpf_oom_kill_process", "bpf_out_of_memory"):
        return True
    return k == "bpf_mem_cgroup_flush_stats" and rev not in ("RFC", "v1")

def targets(rev, pt):
    if pt == "UNSPEC": return [("-", False)]
    if pt == "EXT": return [("*", False)]
    if pt == "KPROBE": return [("kprobe/*", False), ("uprobe.s/*", True)]
    if pt == "TRACEPOINT": return [("tp/*", False)]
    if pt == "RAW_TRACEPOINT": return [("raw_tp/*", False)]
    if pt == "PERF_EVENT": return [("perf_event", False)]
    if pt == "LSM": return [("lsm/*", False), ("lsm.s/*", True)]
    if pt == "SYSCALL": return [("syscall", True)]
    if pt == "TRACING":
        t = []
        if rev == "RFC": t.append(("fmod_ret.s/bpf_handle_out_of_memory", True))
        t += [("fentry.s/*", True), ("fentry/*", False), ("tp_btf/*", False)]
        if rev in ("v3", "post"):
            # not sleepable itself; a sleepable async callback (bpf_task_work) scheduled from it is [inferred]
            t += [("tp_btf/psi_avgs_work", False), ("tp_btf/psi_avgs_work", True)]
        return t
    if pt == "STRUCT_OPS":
        if rev == "RFC": return [("any struct_ops", True), ("any struct_ops", False)]
        t = [("bpf_oom_ops", True), ("bpf_oom_ops", False)]
        if rev in ("v1", "v2"): t.append(("bpf_psi_ops", True))
        t += [("other struct_ops", True), ("other struct_ops", False)]
        return t
    return [("*", False)]

def access(rev, pt, target, k):
    """(visible, filter_ok, source, inferred) per bpf-oom-series.md §5."""
    so = pt == "STRUCT_OPS"
    if k in OTHER:
        # every filter of the STRUCT_OPS hook runs for it (kernel/bpf/btf.c); only v3's bpf_oom_kfunc_filter
        # rejects it, lacking a set-membership test (§5.4, §10 R-19 [inferred]); post tests membership first
        if not so: return (False, True, "tcp-ca-kfuncs", False)
        if rev == "v3": return (True, target == "bpf_oom_ops", "v3-08" if target != "bpf_oom_ops" else "tcp-ca-kfuncs", target != "bpf_oom_ops")
        return (True, True, "post" if rev == "post" else "tcp-ca-kfuncs", False)
    memcg = k.startswith("bpf_get_") or k.startswith("bpf_put_") or k.startswith("bpf_mem_cgroup")
    if rev == "RFC":
        src = "rfc-05" if memcg else ("rfc-04" if k == "bpf_oom_kill_process" else "rfc-10")
        return (pt in TRACING_HOOK, True, src, pt in TRACING_HOOK and pt != "TRACING")
    if rev == "v1":
        if memcg: return (so, True, "v1-04", True)
        if k == "bpf_psi_create_trigger": return (so, target == "bpf_psi_ops", "v1-13", True)
        return (so, True, {"bpf_oom_kill_process": "v1-03", "bpf_out_of_memory": "v1-06"}.get(k, "v1-08"), False)
    if rev == "v2":
        if memcg: return (True, True, "v2-10", False)
        if k == "bpf_psi_create_trigger": return (so, target == "bpf_psi_ops", "v2-21", False)
        if k == "bpf_out_of_memory": return (so, target == "bpf_psi_ops", "v2-13", False)
        return (so, True, "v2-07" if k == "bpf_oom_kill_process" else "v2-15", False)
    # v3 and post
    late = "post" if rev == "post" else None
    if memcg: return (True, True, "memcg-7.0", False)
    if k in ("bpf_oom_kill_process", "bpf_task_is_oom_victim"):
        return (so, target == "bpf_oom_ops", late or ("v3-08" if k == "bpf_oom_kill_process" else "v3-final"), False)
    # bpf_out_of_memory: UNSPEC set (every hook), bpf_declare_oom_kfunc_filter
    if so: ok = target != "bpf_oom_ops"
    elif pt == "TRACING": ok = target == "tp_btf/psi_avgs_work"
    else: ok = True
    inferred = (not so and pt != "TRACING") or (pt == "TRACING" and ok)
    return (True, ok, late or "v3-09", inferred)

def verdict(rev, pt, target, sleepable, k):
    if pt == "UNSPEC": return ("not-loadable", "prog-type-enum", False)
    if pt == "EXT": return ("inherits-target", "prog-type-enum", False)
    vis, ok, src, inf = access(rev, pt, target, k)
    if not vis: return ("not-visible", src, inf)
    if not ok: return ("EACCES", src, inf)
    if sleepable_kfunc(rev, k) and not sleepable: return ("verifier-sleepable", src, inf)
    return ("allowed", src, inf)

out = os.path.join(os.path.dirname(__file__), "..", "src/main/resources/dev/oomspec/spec/tables/filter-matrix.csv")
with open(out, "w", newline="") as f:
    w = csv.writer(f, lineterminator="\n")
    w.writerow(["revision", "prog_type", "attach_target", "kfunc", "verdict", "sleepable_site", "source", "inferred"])
    for rev in REVS:
        for pt in PROG_TYPES:
            for target, s in targets(rev, pt):
                for k in KFUNCS[rev]:
                    v, src, inf = verdict(rev, pt, target, s, k)
                    w.writerow([rev, pt, target, k, v, "yes" if s else "no", src, "true" if inf else "false"])
print("wrote", os.path.normpath(out), file=sys.stderr)
