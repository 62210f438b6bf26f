package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Who enforces a clause: the answer to 'what is already handled and what must my program check'. */
public enum Enforcer implements Vocab.Spelled {
  /** A run-time check in the kfunc or the dispatcher. */
  KERNEL("kernel"),
  /** Checked when the program is loaded. */
  VERIFIER("verifier"),
  /** Not checked by the kernel: the BPF program must check it itself. */
  PROGRAM("program"),
  /** Behaviour or advice; nothing enforces it. */
  NOBODY("nobody");

  private final String spelling;

  Enforcer(String spelling) {
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
  public static Enforcer of(String text) {
    return Vocab.parse(Enforcer.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
