package dev.oomspec.spec.model;

/** {@code op: none} — not executable; {@code reason} says why (required). */
public record NoneCall(String reason) implements Call {
  @Override
  public String op() {
    return "none";
  }
}
