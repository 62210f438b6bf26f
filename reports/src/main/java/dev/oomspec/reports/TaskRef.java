package dev.oomspec.reports;

import java.util.Objects;

/** A task as the kernel names it in an OOM report: its pid and its {@code comm}. */
public record TaskRef(int pid, String comm) {
  public TaskRef {
    Objects.requireNonNull(comm, "comm");
  }

  /** {@code comm (pid)}, the label used by every renderer. */
  public String label() {
    return comm + " (" + pid + ")";
  }
}
