package dev.ctpat.adapters;

import java.util.Objects;

/**
 * A problem met while reading one evidence file. Messages never quote secret values.
 *
 * @param file path relative to the evidence directory
 * @param line 1-based line, or {@code null} when the problem concerns the whole file
 */
public record CollectionWarning(String file, Integer line, String message) {

  public CollectionWarning {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(message, "message");
  }

  /** {@code file:line: message}, the form used everywhere for positions. */
  @Override
  public String toString() {
    return line == null ? file + ": " + message : file + ":" + line + ": " + message;
  }
}
