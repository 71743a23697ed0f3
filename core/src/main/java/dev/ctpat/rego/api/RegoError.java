package dev.ctpat.rego.api;

import dev.ctpat.rego.syntax.Location;

/**
 * One error of a parse, compile or evaluation, with OPA's code ({@code rego_parse_error},
 * {@code rego_unsafe_var_error}, {@code eval_conflict_error}, ...) and where it happened.
 *
 * @param code OPA's error code
 * @param message the message, without location or code
 * @param location where it happened, or {@link Location#UNKNOWN}
 */
public record RegoError(String code, String message, Location location) {
  /** {@code file:line:col: code: message}, as OPA prints errors. */
  @Override
  public String toString() {
    if (location == null || location.line() == 0) {
      return code + ": " + message;
    }
    return location + ": " + code + ": " + message;
  }
}
