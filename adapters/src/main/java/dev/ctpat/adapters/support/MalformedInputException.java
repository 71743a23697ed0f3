package dev.ctpat.adapters.support;

/** Input that cannot be read at all; carries the line where reading failed. */
public final class MalformedInputException extends Exception {
  private final int line;

  public MalformedInputException(int line, String message) {
    super(message);
    this.line = line;
  }

  public int line() {
    return line;
  }
}
