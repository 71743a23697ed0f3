package dev.ctpat.rego.conformance;

/** A conformance file that is not valid YAML or not in OPA's test-case format. */
public final class ConformanceFormatException extends RuntimeException {
  public ConformanceFormatException(String message) {
    super(message, null, false, false);
  }
}
