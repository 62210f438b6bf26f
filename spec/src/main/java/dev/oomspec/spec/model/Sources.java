package dev.oomspec.spec.model;

import java.util.Map;

/**
 * Content of {@code sources.yaml}: named citations referenced by the {@code source} column of the CSV
 * tables (the CSV stays narrow; every key must resolve).
 */
public record Sources(Map<String, Citation> sources) {}
