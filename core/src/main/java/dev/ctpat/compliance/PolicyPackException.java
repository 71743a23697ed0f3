package dev.ctpat.compliance;

import java.util.List;

/**
 * A policy pack that cannot be used: a file that does not load or parse, policies that do not
 * compile, or criterion METADATA that is incomplete. Carries every problem found, each as
 * {@code FILE:LINE:COL: message} (or {@code FILE: message} without a position).
 */
public class PolicyPackException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  private final List<String> problems;

  public PolicyPackException(List<String> problems) {
    super(problems.isEmpty() ? "invalid policy pack" : String.join("\n", problems));
    this.problems = List.copyOf(problems);
  }

  /** Every problem, one line each, in the order found. */
  public List<String> problems() {
    return problems;
  }
}
