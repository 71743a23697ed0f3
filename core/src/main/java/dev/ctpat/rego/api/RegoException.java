package dev.ctpat.rego.api;

import java.util.List;

/**
 * A policy that could not be parsed or compiled, or a query whose evaluation failed. Carries
 * every error found with its OPA code and location.
 */
public class RegoException extends RuntimeException {
  private final List<RegoError> errors;

  public RegoException(List<RegoError> errors) {
    super(render(errors), null, false, false);
    if (errors.isEmpty()) {
      throw new IllegalArgumentException("a RegoException needs at least one error");
    }
    this.errors = List.copyOf(errors);
  }

  public RegoException(RegoError error) {
    this(List.of(error));
  }

  public List<RegoError> errors() {
    return errors;
  }

  /** The code of the first error. */
  public String code() {
    return errors.get(0).code();
  }

  private static String render(List<RegoError> errors) {
    StringBuilder sb = new StringBuilder();
    if (errors.size() > 1) {
      sb.append(errors.size()).append(" errors occurred:\n");
    }
    for (int i = 0; i < errors.size(); i++) {
      if (i > 0) {
        sb.append('\n');
      }
      sb.append(errors.get(i));
    }
    return sb.toString();
  }
}
