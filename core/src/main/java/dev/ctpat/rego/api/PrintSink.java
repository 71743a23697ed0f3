package dev.ctpat.rego.api;

import dev.ctpat.rego.syntax.Location;

/** Receives the output of Rego's {@code print}. Implementations must be thread-safe. */
@FunctionalInterface
public interface PrintSink {
  /** Discards everything. */
  PrintSink NONE = (location, message) -> {};

  /** Writes {@code file:line: message} lines to standard error. */
  PrintSink STDERR = (location, message) -> System.err.println(
      location.file() + ":" + location.line() + ": " + message);

  void print(Location location, String message);
}
