package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** Kernel errno names used by the series, with their Linux numbers. */
public enum Errno implements Vocab.Spelled {
  // numbers: include/uapi/asm-generic/errno-base.h and errno.h (EOPNOTSUPP = 95 on x86/arm64)
  EPERM("EPERM"),
  EINTR("EINTR"),
  EBADF("EBADF"),
  ENOMEM("ENOMEM"),
  EACCES("EACCES"),
  EBUSY("EBUSY"),
  EEXIST("EEXIST"),
  EINVAL("EINVAL"),
  EOPNOTSUPP("EOPNOTSUPP");

  private final String spelling;

  Errno(String spelling) {
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
  public static Errno of(String text) {
    return Vocab.parse(Errno.class, text);
  }

  /** The positive Linux errno number. */
  public int number() {
    return switch (this) {
      case EPERM -> 1;
      case EINTR -> 4;
      case EBADF -> 9;
      case ENOMEM -> 12;
      case EACCES -> 13;
      case EBUSY -> 16;
      case EEXIST -> 17;
      case EINVAL -> 22;
      case EOPNOTSUPP -> 95;
    };
  }

  @Override
  public String toString() {
    return spelling;
  }
}
