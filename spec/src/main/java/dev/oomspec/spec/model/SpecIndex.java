package dev.oomspec.spec.model;

import java.util.List;

/** Content of {@code index.yaml}: the files that make up the spec, relative to the spec root. */
public record SpecIndex(
    List<String> clauses, String kfuncs, String rules, String sources, String filterMatrix, String maxOrder) {}
