/**
 * oomspec reference: a Java model of the Linux OOM killer ({@code mm}), of the mainline BPF kfunc machinery the
 * "mm: BPF OOM" series plugs into ({@code bpf}), and of the series itself, one package per revision
 * ({@code series.rfc} … {@code series.post}) with the same class names, so that {@code diff -r} compares revisions.
 * {@link dev.oomspec.reference.OomModel} is the entry point. Kernel-version differences are data
 * ({@code profile.KernelProfiles}); the revisions are code. This module depends on no other oomspec module.
 * See docs/reference.md.
 */
package dev.oomspec.reference;
