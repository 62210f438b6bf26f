package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** State of the global oom_lock mutex when a kfunc tries to take it. */
public enum LockState implements Vocab.Spelled {
  FREE("free"),
  /** Another thread holds it for the whole call. */
  HELD_BY_OTHER("held-by-other"),
  /** The caller is itself inside out_of_memory() (an OOM handler). */
  HELD_BY_CALLER("held-by-caller");

  private final String spelling;

  LockState(String spelling) {
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
  public static LockState of(String text) {
    return Vocab.parse(LockState.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
