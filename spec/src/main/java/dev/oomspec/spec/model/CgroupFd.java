package dev.oomspec.spec.model;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/** The cgroup fd passed when attaching (v2 relative_fd, v3 target_fd with BPF_F_CGROUP_FD). */
public enum CgroupFd implements Vocab.Spelled {
  /** No cgroup given (v2: relative_fd = 0; v3: flag not set). */
  NONE("none"),
  /** An fd of the cgroup named by 'cgroup'. */
  VALID("valid"),
  /** An fd that is not a cgroup (cgroup_get_from_fd() fails with EBADF). */
  BAD("bad");

  private final String spelling;

  CgroupFd(String spelling) {
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
  public static CgroupFd of(String text) {
    return Vocab.parse(CgroupFd.class, text);
  }

  @Override
  public String toString() {
    return spelling;
  }
}
