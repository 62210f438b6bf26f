package dev.oomspec.fleet.input;

/** An input argument that names nothing readable (no match for a glob, no such file, unknown file system). */
public final class UnusableInput extends Exception {
  private static final long serialVersionUID = 1L;

  public UnusableInput(String message) {
    super(message);
  }
}
