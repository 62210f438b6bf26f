package dev.oomspec.spec.model;

import java.util.List;

/** Call arguments used by an expansion rule for a group of revisions (signatures differ per revision). */
public record ArgsVariant(List<Revision> revisions, KfuncArgs args) {}
