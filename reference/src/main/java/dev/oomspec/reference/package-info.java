/**
 * oomspec reference: a Java model of the Linux OOM killer and of the "mm: BPF OOM" series, meant to be read
 * beside the kernel sources. One kernel file, one class: {@code mm.OomKill} ↔ mm/oom_kill.c,
 * {@code memcg.Memcontrol} ↔ mm/memcontrol.c, {@code mm.OomReaper} ↔ the oom_reaper kthread,
 * {@code bpf.BpfOom} ↔ mm/bpf_oom.c, {@code bpf.BpfKfuncs} ↔ the series' kfuncs. Kernel-version differences
 * are data ({@code profile.KernelProfiles}); series revisions are data ({@code bpf.BpfOomRevision}).
 * This module depends on no other oomspec module.
 */
package dev.oomspec.reference;
