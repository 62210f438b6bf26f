package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Outcome of BPF_PROG_LOAD for a kfunc call (docs/spec-format.md, plus two program-type cases). */
public enum FilterVerdict implements Vocab.Spelled {
  /** Visible, every filter passes, call site fine. */
  ALLOWED("allowed"),
  /** A registered filter rejects it (load fails with EACCES, 'calling kernel function ... is not allowed'). */
  EACCES("EACCES"),
  /** No set containing the kfunc is registered for the program's hook. */
  NOT_VISIBLE("not-visible"),
  /** Visible and allowed, but KF_SLEEPABLE from a non-sleepable call site. */
  VERIFIER_SLEEPABLE("verifier-sleepable"),
  /** BPF_PROG_TYPE_UNSPEC: no program of this type can be loaded at all. */
  NOT_LOADABLE("not-loadable"),
  /** BPF_PROG_TYPE_EXT: verified as the type of the program it extends. */
  INHERITS_TARGET("inherits-target");

  private final String spelling;

  FilterVerdict(String spelling) {
    this.spelling = spelling;
  }

  /** The spelling used in the data files. */
  @JsonValue
  @Override
  public String spelling() {
    return spelling;
  }

  /** Strict lookup by spelling; unknown values are an error. */
  @JsonCreator
  public static FilterVerdict of(String text) {
    return Vocab.parse(FilterVerdict.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
