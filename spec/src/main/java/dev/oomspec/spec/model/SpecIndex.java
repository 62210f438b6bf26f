package dev.oomspec.spec.model;

import java.util.List;

/**
 * Content of {@code index.yaml}: the files that make up the spec, relative to the spec root.
 *
 * @param findings findings of generated clauses (globs over their ids), {@code findings.yaml}
 * @param kfuncHooks program type to kfunc hook ({@code bpf_prog_type_to_kfunc_hook()})
 * @param progSites the call sites asked about per program type, with their sleepability
 * @param kfuncSets the set and registration of each kfunc per revision
 * @param kfuncFilters what each filter of the series admits, per its words
 */
public record SpecIndex(
    List<String> clauses, String kfuncs, String rules, String sources, String findings, String kfuncHooks,
    String progSites, String kfuncSets, String kfuncFilters, String maxOrder) {}
