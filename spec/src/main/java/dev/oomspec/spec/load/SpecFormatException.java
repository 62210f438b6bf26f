package dev.oomspec.spec.load;

/** A data file is malformed. The message names the file, the line and the field. */
public final class SpecFormatException extends RuntimeException {
  private final String file;
  private final int line;
  private final String field;

  public SpecFormatException(String file, int line, String field, String problem) {
    super(file + ":" + line + ": field '" + field + "': " + problem);
    this.file = file;
    this.line = line;
    this.field = field;
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public String field() {
    return field;
  }
}
