package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kind of the task a kfunc is called on. */
public enum TaskKind implements Vocab.Spelled {
  /** The global init (pid 1). */
  INIT("init"),
  /** A kernel thread (PF_KTHREAD). */
  KTHREAD("kthread"),
  /** An ordinary user-space process. */
  USER("user");

  private final String spelling;

  TaskKind(String spelling) {
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
  public static TaskKind of(String text) {
    return Vocab.parse(TaskKind.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
