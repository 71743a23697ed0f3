package dev.ctpat.rego.syntax;

import java.util.List;

/**
 * Source text that is not valid Rego. Carries every error found, each with its location, and
 * OPA's code {@code rego_parse_error}.
 */
public final class ParseException extends RuntimeException {
  public static final String CODE = "rego_parse_error";

  private final List<SyntaxError> errors;

  public ParseException(List<SyntaxError> errors) {
    super(render(errors), null, false, false);
    this.errors = List.copyOf(errors);
  }

  public List<SyntaxError> errors() {
    return errors;
  }

  private static String render(List<SyntaxError> errors) {
    StringBuilder sb = new StringBuilder();
    for (SyntaxError e : errors) {
      if (sb.length() > 0) {
        sb.append('\n');
      }
      sb.append(e);
    }
    return sb.toString();
  }

  /** One parse error: {@code file:line:col: rego_parse_error: message}. */
  public record SyntaxError(Location location, String message) {
    @Override
    public String toString() {
      return location + ": " + CODE + ": " + message;
    }
  }
}
