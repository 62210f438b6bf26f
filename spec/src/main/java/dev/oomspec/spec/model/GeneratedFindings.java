package dev.oomspec.spec.model;

import java.util.List;

/** Content of {@code findings.yaml}. */
public record GeneratedFindings(List<GeneratedFinding> findings) {
  public GeneratedFindings {
    findings = findings == null ? List.of() : List.copyOf(findings);
  }
}
