package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** What a clause constrains; also the per-kind counts of docs/constraints.md. */
public enum ClauseKind implements Vocab.Spelled {
  /** A kfunc return value for a stated precondition. */
  RETURN_CODE("return-code"),
  /** One bit pattern of bpf_out_of_memory()'s flags (expanded from a rule). */
  FLAG("flag"),
  /** One order value against one architecture/config bound (expanded from a rule). */
  ORDER("order"),
  /** Kfunc visibility for a program type and attach target (from the filter matrix). */
  FILTER("filter"),
  /** struct_ops registration / link creation and its error. */
  ATTACH("attach"),
  /** Handler dispatch up the cgroup tree and the fallback to the kernel OOM killer. */
  DISPATCH("dispatch"),
  /** Documented behaviour that cannot be executed (call op none). */
  DOCUMENTED("documented"),
  /** Proposed in review but not implemented; run against the proposed variant of the model. */
  PROPOSED("proposed"),
  /** OOM report lines present/absent and their exact format. */
  REPORT("report");

  private final String spelling;

  ClauseKind(String spelling) {
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
  public static ClauseKind of(String text) {
    return Vocab.parse(ClauseKind.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
