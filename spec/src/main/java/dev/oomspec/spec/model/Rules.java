package dev.oomspec.spec.model;

import java.util.List;

/** Content of {@code rules.yaml}. */
public record Rules(List<FlagRule> flagRules, List<OrderRule> orderRules) {}
